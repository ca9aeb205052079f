import type { TProgress } from '@samiti/common';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useSetTargets } from '../hooks/useDriveMutations';
import { parseTarget } from '../payload';

type TMode = 'own' | 'divide';
type Props = { driveId: number; progress: TProgress; opened: boolean; onClose: () => void };

const TargetsForm = ({ driveId, progress, onClose }: Omit<Props, 'opened'>) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const save = useSetTargets(driveId);
  const row = progress.unit;
  const childCount = progress.children.length;
  const [mode, setMode] = useState<TMode>(childCount > 0 ? 'divide' : 'own');
  const [text, setText] = useState(row.target === null ? '' : String(row.target));
  const [problem, setProblem] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const value = parseTarget(text);
    if (value === null) {
      setProblem(true);
      return;
    }
    const body =
      mode === 'divide'
        ? { unitId: row.unit.id, total: value, divideDown: true as const }
        : { targets: [{ unitId: row.unit.id, target: value }] };
    save.mutate(body, { onSuccess: onClose });
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="targets-form">
      <Stack>
        {save.isError && (
          <Alert color="red" role="alert">
            {errorText(save.error, t)}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('targets.current', { target: row.target === null ? t('progress.noTarget') : formatNumber(row.target, lang) })}
        </Text>
        {childCount > 0 && (
          <SegmentedControl
            aria-label={t('targets.modeLabel')}
            value={mode}
            onChange={(v) => {
              setMode(v === 'divide' ? 'divide' : 'own');
              save.reset();
            }}
            data={[
              { value: 'divide', label: t('targets.modeDivide') },
              { value: 'own', label: t('targets.modeOwn') },
            ]}
            fullWidth
            data-testid="targets-mode"
          />
        )}
        <TextInput
          label={mode === 'divide' ? t('targets.total') : t('targets.target')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value.replace(/[^\d,]/g, '').slice(0, 14));
            setProblem(false);
            if (save.isError) save.reset();
          }}
          error={problem ? t('targets.invalid') : undefined}
          inputMode="numeric"
          autoComplete="off"
          required
          data-autofocus
          data-testid="targets-value"
        />
        <Text size="xs" c="dimmed">
          {mode === 'divide'
            ? t('targets.divideHint', { number: formatNumber(childCount, lang) })
            : childCount === 0
              ? t('targets.noChildren')
              : null}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="targets-submit">
            {t('targets.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** Set the selected unit's target, or divide a total among its sub-units in proportion to their size. */
export const TargetsModal = ({ driveId, progress, opened, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const title = t('targets.title', { unit: displayName(progress.unit.unit, i18n.resolvedLanguage ?? 'en') });
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <TargetsForm driveId={driveId} progress={progress} onClose={onClose} />
    </Modal>
  );
};
