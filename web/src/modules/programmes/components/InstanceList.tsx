import { INSTANCE_STATUSES } from '@samiti/common';
import { Button, Group, Paper, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDate } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useInstances } from '../hooks/useProgrammes';
import { StatusBadge } from './StatusBadge';

type Props = { programmeId: number; phase: number; state: string | null };

/** The events of a phase, by state (from the progress table), status or name, 50 at a time. */
export const InstanceList = ({ programmeId, phase, state }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [status, setStatus] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const list = useInstances(programmeId, { phase, state, status, q });
  const body = () => {
    if (list.isPending) return <Skeleton height={64} />;
    if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
    if (list.items.length === 0) return <EmptyState>{t('programmes.noInstances')}</EmptyState>;
    return (
      <Stack gap={6} data-testid="instance-list">
        {list.items.map((i) => (
          <Paper
            key={i.id}
            withBorder
            p="xs"
            radius="sm"
            component={Link}
            to={`/programme-instances/${i.id}`}
            data-testid="instance-row"
            data-target={i.targetKey}
            style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
          >
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500}>
                {i.geo ? displayName(i.geo, lang) : i.unit ? displayName(i.unit, lang) : i.targetKey}
                {i.geo?.kind === 'pc' && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {t('programmes.pcShort')}
                  </Text>
                )}
              </Text>
              <StatusBadge status={i.status} isOverdue={i.isOverdue} />
            </Group>
            <Text size="xs" c="dimmed">
              {i.inChargeName ? t('programmes.inChargeIs', { name: i.inChargeName }) : t('programmes.noInCharge')}
              {i.plannedDate ? ` · ${formatDate(i.plannedDate, lang)}` : ''}
            </Text>
          </Paper>
        ))}
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    );
  };
  return (
    <Stack gap="xs">
      <Group grow>
        <TextInput
          label={t('programmes.searchInstances')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="instance-search"
        />
        <Select
          label={t('programmes.statusFilter')}
          clearable
          value={status}
          onChange={setStatus}
          data={([...INSTANCE_STATUSES, 'overdue', 'vacant'] as const).map((s) => ({ value: s, label: t(`programmes.status_${s}`) }))}
          data-testid="instance-status-filter"
        />
      </Group>
      {body()}
    </Stack>
  );
};
