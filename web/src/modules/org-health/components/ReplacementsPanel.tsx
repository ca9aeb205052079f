import type { TReplacement } from '@samiti/common';
import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { formatDateTime } from '../../../lib/format';
import { useReplacements, useReviewReplacement } from '../hooks/useHealth';

const COLOR: Record<TReplacement['status'], string> = { proposed: 'yellow', approved: 'green', rejected: 'gray' };
const name = (p: { name: string | null; nameHi: string | null }, lang: string) =>
  (lang === 'hi' ? (p.nameHi ?? p.name) : (p.name ?? p.nameHi)) ?? '';

const Proposal = ({ r }: { r: TReplacement }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [reason, setReason] = useState('');
  const review = useReviewReplacement();
  return (
    <Paper withBorder radius="sm" p="xs" data-testid="replacement" data-status={r.status}>
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {t('health.proposalBy', { id: r.id, name: r.proposedBy.name, at: formatDateTime(r.createdAt, lang) })}
          </Text>
          <Badge color={COLOR[r.status]} variant="light">
            {t(`health.status.${r.status}`)}
          </Badge>
        </Group>
        {r.items.map((i) => (
          <Text key={i.tenureId} size="sm" data-testid="replacement-item">
            {t(i.successor ? 'health.itemReplace' : 'health.itemVacant', {
              holder: name(i.holder, lang),
              post: i.post,
              successor: i.successor ? name(i.successor, lang) : '',
            })}
          </Text>
        ))}
        {r.note && <Text size="xs">{r.note}</Text>}
        {r.rejectReason && (
          <Text size="xs" c="dimmed">
            {t('health.rejectedBecause', { reason: r.rejectReason })}
          </Text>
        )}
        {review.isError && (
          <Alert color="red" data-testid="review-error">
            {review.error.message}
          </Alert>
        )}
        {r.canReview && (
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              color="green"
              onClick={() => review.mutate({ id: r.id, action: 'approve' })}
              loading={review.isPending}
              data-testid="approve"
            >
              {t('health.approve')}
            </Button>
            <TextInput size="xs" placeholder={t('health.rejectReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button
              size="xs"
              variant="light"
              color="red"
              disabled={reason.trim() === ''}
              onClick={() => review.mutate({ id: r.id, action: 'reject', reason: reason.trim() })}
            >
              {t('health.reject')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
};

/** Replacement proposals under the unit, newest first; an admin of a higher unit approves or rejects here. */
export const ReplacementsPanel = ({ unitId }: { unitId: number }) => {
  const { t } = useTranslation();
  const list = useReplacements(unitId);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="replacements">
      <Stack gap="xs">
        <Text fw={600}>{t('health.replacementsTitle')}</Text>
        {list.isPending && <Skeleton height={60} />}
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('health.noReplacements')}
          </Text>
        )}
        {list.data?.items.map((r) => (
          <Proposal key={r.id} r={r} />
        ))}
      </Stack>
    </Paper>
  );
};
