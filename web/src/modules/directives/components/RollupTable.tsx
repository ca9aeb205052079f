import type { TRollup } from '@samiti/common';
import { Badge, Group, Paper, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import classes from '../../../components/Table.module.css';
import { formatNumber } from '../../../lib/format';
import { pickNames } from '../../../lib/names';
import { barSections, donePercent } from '../rollup';

type TCountsProp = TRollup['counts'];

/** Done (green), declined (grey) and started (yellow) of all; a circular's "done" is acknowledged. */
export const RollupBar = ({ counts, size = 'md' }: { counts: TCountsProp; size?: 'sm' | 'md' | 'xl' }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const s = barSections(counts);
  const label = t('directives.barLabel', { done: formatNumber(counts.done, lang), total: formatNumber(counts.total, lang) });
  return (
    <Progress.Root size={size} radius="xl" aria-label={label} title={label} role="img">
      <Progress.Section value={s.done} color="teal" withAria={false} />
      <Progress.Section value={s.declined} color="gray.5" withAria={false} />
      <Progress.Section value={s.working} color="yellow.5" withAria={false} />
    </Progress.Root>
  );
};

/** n of N per child unit with a bar, overdue and vacant flagged; a row with children drills down. */
export const RollupTable = ({ rollup, kind, onOpen, isStale }: { rollup: TRollup; kind: 'directive' | 'circular'; onOpen: (unitId: number) => void; isStale: boolean }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const n = (x: number) => formatNumber(x, lang);
  if (rollup.children.length === 0) return <EmptyState>{t('directives.noChildren')}</EmptyState>;
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: isStale ? 0.6 : 1 }}>
      <Table highlightOnHover verticalSpacing="xs" className={classes.table} data-testid="rollup-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('directives.colUnit')}</Table.Th>
            <Table.Th ta="right">{kind === 'directive' ? t('directives.colDone') : t('directives.colAcknowledged')}</Table.Th>
            <Table.Th w="30%" visibleFrom="xs">
              {t('directives.colBar')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rollup.children.map((row) => {
            const { primary, secondary } = pickNames(row.unit, lang);
            return (
              <Table.Tr
                key={row.unit.id}
                className={classes.row}
                onClick={() => onOpen(row.unit.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onOpen(row.unit.id);
                  }
                }}
                tabIndex={0}
                aria-label={t('directives.openChild', { name: primary })}
                data-testid="rollup-row"
                data-unit-id={row.unit.id}
              >
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {primary}
                  </Text>
                  {secondary && (
                    <Text size="xs" c="dimmed">
                      {secondary}
                    </Text>
                  )}
                  <Group gap={4} mt={2}>
                    {row.counts.overdue > 0 && (
                      <Badge size="xs" color="red" variant="light" data-testid="rollup-overdue">
                        {t('directives.overdueCount', { n: n(row.counts.overdue) })}
                      </Badge>
                    )}
                    {row.counts.vacant > 0 && (
                      <Badge size="xs" color="orange" variant="light">
                        {t('directives.vacantCount', { n: n(row.counts.vacant) })}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ta="right" data-testid="rollup-done" data-done={row.counts.done} data-total={row.counts.total}>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {t('directives.nOfN', { done: n(row.counts.done), total: n(row.counts.total) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {n(donePercent(row.counts))}%
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="xs">
                  <RollupBar counts={row.counts} size="sm" />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
};
