import type { TMeetingResolution } from '@samiti/common';
import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/errors';
import { useResolutionMutations, useResolutions } from '../hooks/useMeetings';

type TMut = ReturnType<typeof useResolutionMutations>;

const ResolutionRow = ({ r, mut }: { r: TMeetingResolution; mut: TMut }) => {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'withdraw'>('view');
  const [text, setText] = useState(r.text);
  const [reason, setReason] = useState('');
  const isWithdrawn = r.status === 'withdrawn';
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="resolution-row" data-number={r.number}>
      <Group align="flex-start" wrap="nowrap" gap="xs">
        <Text fw={700} miw={24}>
          {r.number}.
        </Text>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          {mode === 'edit' ? (
            <>
              <Textarea value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} aria-label={t('meetings.resolutionText')} />
              <Group gap="xs" justify="flex-end">
                <Button size="xs" variant="default" onClick={() => setMode('view')}>
                  {t('common.cancel')}
                </Button>
                <Button size="xs" loading={mut.edit.isPending} onClick={() => mut.edit.mutate({ rid: r.id, text }, { onSuccess: () => setMode('view') })}>
                  {t('common.save')}
                </Button>
              </Group>
            </>
          ) : (
            <Text td={isWithdrawn ? 'line-through' : undefined} c={isWithdrawn ? 'dimmed' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
              {r.text}
            </Text>
          )}
          {isWithdrawn && (
            <Badge color="gray" variant="light" tt="none" style={{ alignSelf: 'flex-start' }}>
              {t('meetings.withdrawn', { reason: r.withdrawnReason ?? '' })}
            </Badge>
          )}
          {mode === 'withdraw' && (
            <Group gap="xs" align="flex-end">
              <TextInput style={{ flex: 1 }} label={t('meetings.withdrawReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              <Button size="xs" color="red" disabled={!reason.trim()} loading={mut.withdraw.isPending} onClick={() => mut.withdraw.mutate({ rid: r.id, reason }, { onSuccess: () => setMode('view') })}>
                {t('meetings.withdraw')}
              </Button>
            </Group>
          )}
          {mode === 'view' && r.actions.canEdit && (
            <Group gap="md">
              <Anchor component="button" size="xs" onClick={() => setMode('edit')}>
                {t('meetings.edit')}
              </Anchor>
              {r.actions.canWithdraw && (
                <Anchor component="button" size="xs" c="red" onClick={() => setMode('withdraw')}>
                  {t('meetings.withdraw')}
                </Anchor>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
};

/** Numbered resolutions of the meeting; added, edited and withdrawn while it is held. */
export const ResolutionsPanel = ({ meetingId }: { meetingId: number }) => {
  const { t } = useTranslation();
  const list = useResolutions(meetingId);
  const mut = useResolutionMutations(meetingId);
  const [text, setText] = useState('');
  if (list.isPending) return <Skeleton height={60} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const error = mut.add.error ?? mut.edit.error ?? mut.withdraw.error;
  return (
    <Stack gap="xs" data-testid="resolutions">
      {list.data.items.length === 0 && <Text c="dimmed">{t('meetings.noResolutions')}</Text>}
      {list.data.items.map((r) => (
        <ResolutionRow key={`${r.id}-${r.updatedAt}`} r={r} mut={mut} />
      ))}
      {error && (
        <Alert color="red" role="alert">
          {errorText(error, t)}
        </Alert>
      )}
      {list.data.canAdd && (
        <Stack gap={4}>
          <Textarea label={t('meetings.newResolution')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} data-testid="resolution-input" />
          <Button
            style={{ alignSelf: 'flex-end' }}
            disabled={!text.trim()}
            loading={mut.add.isPending}
            onClick={() => mut.add.mutate(text, { onSuccess: () => setText('') })}
            data-testid="resolution-add"
          >
            {t('meetings.addResolution')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};
