import type { TProgress } from '@samiti/common';
import { Anchor, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import classes from '../../../components/Table.module.css';
import { formatNumber } from '../../../lib/format';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { useLevelLabel } from '../../units/hooks/useLevelLabel';
import { CHILD_SORTS, isChildSort, progressColor, sortChildren, type TChildSort, verifiedPercent } from '../progress';
import { ProgressBar } from './ProgressBar';

type Props = {
  progress: TProgress;
  sort: TChildSort;
  onSort: (sort: TChildSort) => void;
  hrefFor: (unitId: number) => string;
  isStale: boolean;
};

const SORT_LABEL = { tree: 'progress.sortTree', weakest: 'progress.sortWeakest', strongest: 'progress.sortStrongest' } as const;

/** Each sub-unit's verified members against its target; a row opens that unit's progress. */
export const ProgressChildren = ({ progress, sort, onSort, hrefFor, isStale }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const levelLabel = useLevelLabel();
  const n = (x: number) => formatNumber(x, lang);
  if (progress.children.length === 0) return <EmptyState>{t('progress.noChildren')}</EmptyState>;
  const rows = sortChildren(progress.children, sort);

  const onKey = (href: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void navigate(href);
    }
  };

  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Select
          label={t('progress.sortLabel')}
          data={CHILD_SORTS.map((s) => ({ value: s, label: t(SORT_LABEL[s]) }))}
          value={sort}
          onChange={(v) => isChildSort(v) && onSort(v)}
          allowDeselect={false}
          w={220}
          comboboxProps={{ withinPortal: false }}
          data-testid="progress-sort"
        />
      </Group>
      <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: isStale ? 0.6 : 1 }}>
        <Table highlightOnHover verticalSpacing="xs" className={classes.table} data-testid="progress-children">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('progress.colUnit')}</Table.Th>
              <Table.Th ta="right">{t('progress.colVerified')}</Table.Th>
              <Table.Th ta="right" visibleFrom="xs">
                {t('progress.colEnrolled')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const { primary, secondary } = pickNames(row.unit, lang);
              const percent = verifiedPercent(row);
              const href = hrefFor(row.unit.id);
              return (
                <Table.Tr
                  key={row.unit.id}
                  className={classes.row}
                  onClick={() => void navigate(href)}
                  onKeyDown={onKey(href)}
                  tabIndex={0}
                  aria-label={t('progress.openChild', { name: primary })}
                  data-testid="progress-row"
                  data-unit-id={row.unit.id}
                  data-percent={percent ?? ''}
                >
                  <Table.Td style={{ minWidth: 140 }}>
                    <Anchor
                      component={Link}
                      to={href}
                      fw={500}
                      lang={scriptLang(primary)}
                      tabIndex={-1}
                      onClick={(e) => e.stopPropagation()}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {primary}
                    </Anchor>
                    {secondary && (
                      <Text size="xs" c="dimmed" lang={scriptLang(secondary)}>
                        {secondary}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {levelLabel(row.unit.level)}
                    </Text>
                    <div style={{ marginTop: 4 }}>
                      <ProgressBar row={row} size="sm" />
                    </div>
                  </Table.Td>
                  <Table.Td ta="right" className={classes.num}>
                    <Text span fw={600}>
                      {n(row.verified)}
                    </Text>
                    <Text span c="dimmed">
                      {' / '}
                      {row.target === null ? '—' : n(row.target)}
                    </Text>
                    {percent !== null && (
                      <Text size="xs" fw={600} c={`${progressColor(percent)}.8`}>
                        {n(percent)}%
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" visibleFrom="xs" className={classes.num}>
                    {n(row.enrolled)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
};
