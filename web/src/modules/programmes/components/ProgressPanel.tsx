import { PROGRESS_SORTS, type TProgrammeCounts, type TProgressSort } from '@samiti/common';
import { Anchor, Badge, Breadcrumbs, Button, Group, NativeSelect, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../../../components/Table.module.css';
import { formatNumber } from '../../../lib/format';
import type { TProgressBy } from '../api';
import { useProgress } from '../hooks/useProgrammes';

const COLUMNS = ['total', 'notPlanned', 'planned', 'held', 'reported', 'cancelled', 'overdue', 'vacant'] as const;

export const CountsCells = ({ counts, lang }: { counts: TProgrammeCounts; lang: string }) => (
  <>
    {COLUMNS.map((c) => (
      <Table.Td key={c} ta="right" c={(c === 'overdue' || c === 'vacant') && counts[c] > 0 ? 'red' : undefined}>
        {formatNumber(counts[c], lang)}
      </Table.Td>
    ))}
  </>
);

type Props = { programmeId: number; phase: number; state: string | null; onState: (code: string | null) => void };

/** Progress of a phase as a table: per state (click to drill into a state), per cluster, or down the unit tree. */
export const ProgressPanel = ({ programmeId, phase, state, onState }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [by, setBy] = useState<TProgressBy>('state');
  const [trail, setTrail] = useState<{ id: number; name: string }[]>([]);
  const unitId = by === 'unit' ? (trail.at(-1)?.id ?? null) : null;
  const [sort, setSort] = useState<TProgressSort>('name');
  const progress = useProgress(programmeId, phase, by, unitId, sort);
  const body = () => {
    if (progress.isPending) return <Skeleton height={120} />;
    if (progress.isError) return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
    const p = { total: progress.first?.total ?? null, rows: progress.rows };
    if (!p.total) return <Skeleton height={120} />;
    return (
      <Table.ScrollContainer minWidth={640}>
        <Table className={classes.table} striped data-testid="progress-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`programmes.by_${by}`)}</Table.Th>
              {COLUMNS.map((c) => (
                <Table.Th key={c} ta="right">
                  {t(`programmes.count_${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr fw={600} data-testid="progress-total">
              <Table.Td>{t('programmes.nationally')}</Table.Td>
              <CountsCells counts={p.total} lang={lang} />
            </Table.Tr>
            {p.rows.map((r) => {
              const label = lang === 'hi' ? (r.nameHi ?? r.name) : r.name;
              const clickable = by === 'state' || (by === 'unit' && r.hasChildren);
              return (
                <Table.Tr
                  key={r.key}
                  data-testid="progress-row"
                  data-key={r.key}
                  bg={by === 'state' && state === r.key ? 'var(--mantine-color-blue-light)' : undefined}
                >
                  <Table.Td>
                    {clickable ? (
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() =>
                          by === 'state'
                            ? onState(state === r.key ? null : r.key)
                            : setTrail((tr) => [...tr, { id: Number(r.key), name: label }])
                        }
                      >
                        {label}
                      </Anchor>
                    ) : (
                      label
                    )}
                  </Table.Td>
                  <CountsCells counts={r.counts} lang={lang} />
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {p.rows.length === 0 && <EmptyState>{t('programmes.noRows')}</EmptyState>}
        {progress.hasNextPage && (
          <Button
            variant="subtle"
            onClick={() => void progress.fetchNextPage()}
            loading={progress.isFetchingNextPage}
            data-testid="progress-more"
          >
            {t('programmes.loadMore')}
          </Button>
        )}
      </Table.ScrollContainer>
    );
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <SegmentedControl
          value={by}
          onChange={(v) => {
            setBy(v as TProgressBy);
            setTrail([]);
          }}
          data={(['state', 'cluster', 'unit'] as const).map((b) => ({ value: b, label: t(`programmes.by_${b}`) }))}
          data-testid="progress-by"
        />
        {by === 'unit' && (
          <NativeSelect
            aria-label={t('programmes.sortBy')}
            value={sort}
            onChange={(e) => setSort(e.currentTarget.value as TProgressSort)}
            data={PROGRESS_SORTS.map((s) => ({ value: s, label: t(`programmes.sort_${s}`) }))}
            data-testid="progress-sort"
          />
        )}
        {state && (
          <Badge
            variant="light"
            rightSection={
              <Anchor component="button" type="button" size="xs" onClick={() => onState(null)}>
                ×
              </Anchor>
            }
          >
            {t('programmes.stateFilter', { state })}
          </Badge>
        )}
      </Group>
      {by === 'unit' && trail.length > 0 && (
        <Breadcrumbs>
          <Anchor component="button" type="button" onClick={() => setTrail([])}>
            {t('programmes.issuer')}
          </Anchor>
          {trail.map((u, i) => (
            <Anchor key={u.id} component="button" type="button" onClick={() => setTrail((tr) => tr.slice(0, i + 1))}>
              {u.name}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      {body()}
      <Text size="xs" c="dimmed">
        {t('programmes.progressHelp')}
      </Text>
    </Stack>
  );
};
