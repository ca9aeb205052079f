import { ActionIcon, Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import type { TActKind } from '../api';
import { useActOnAssignment } from '../hooks/useDirectives';
import { parseNumbers } from '../rollup';

type Props = { assignmentId: number; kind: Exclude<TActKind, 'acknowledge'> | null; onClose: () => void };

/** The report of progress or completion (text and numbers as key/value), or the reason for declining. */
export const ReportModal = ({ assignmentId, kind, onClose }: Props) => {
  const { t } = useTranslation();
  const act = useActOnAssignment();
  const [text, setText] = useState('');
  const [rows, setRows] = useState([{ key: '', value: '' }]);
  const [localError, setLocalError] = useState<string | null>(null);
  const isDecline = kind === 'decline';
  const submit = () => {
    if (!kind) return;
    setLocalError(null);
    if (isDecline) return act.mutate({ id: assignmentId, kind, body: { reason: text } }, { onSuccess: onClose });
    const parsed = parseNumbers(rows);
    if ('badRow' in parsed) return setLocalError(t('directives.report.badNumber', { row: parsed.badRow }));
    const numbers = Object.keys(parsed.numbers).length > 0 ? parsed.numbers : undefined;
    act.mutate({ id: assignmentId, kind, body: { ...(text.trim() ? { text } : {}), ...(numbers ? { numbers } : {}) } }, { onSuccess: onClose });
  };
  const title = kind ? t(`directives.report.title.${kind}`) : '';
  return (
    <Modal opened={kind !== null} onClose={onClose} title={title} fullScreen={false} size="md">
      <Stack gap="sm">
        <Textarea
          label={isDecline ? t('directives.report.reason') : t('directives.report.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          required={kind !== 'progress'}
          data-testid="report-text"
        />
        {!isDecline && (
          <Stack gap={4}>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <Group key={i} gap="xs" wrap="nowrap">
                <TextInput
                  placeholder={t('directives.report.numberName')}
                  aria-label={t('directives.report.numberName')}
                  value={r.key}
                  onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, key: e.currentTarget.value } : x)))}
                  style={{ flex: 2 }}
                />
                <TextInput
                  placeholder={t('directives.report.numberValue')}
                  aria-label={t('directives.report.numberValue')}
                  inputMode="decimal"
                  value={r.value}
                  onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.currentTarget.value } : x)))}
                  style={{ flex: 1 }}
                />
                <ActionIcon variant="subtle" color="gray" aria-label={t('directives.report.removeNumber')} onClick={() => setRows(rows.length > 1 ? rows.filter((_, j) => j !== i) : [{ key: '', value: '' }])}>
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => setRows([...rows, { key: '', value: '' }])}>
              {t('directives.report.addNumber')}
            </Button>
          </Stack>
        )}
        {(localError || act.error) && (
          <Alert color="red" role="alert">
            {localError ?? errorText(act.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={act.isPending} color={isDecline ? 'red' : undefined} data-testid="report-submit">
            {title}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
