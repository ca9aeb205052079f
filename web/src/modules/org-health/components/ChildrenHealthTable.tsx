import { HEALTH_SIGNALS } from '@samiti/common';
import { Anchor, Badge, Button, Group, Paper, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { displayName } from '../../../lib/names';
import type { THealthSort } from '../api';
import { useChildrenHealth } from '../hooks/useHealth';
import { STATE_COLOR } from './SignalList';

/** The children's health, weak first by default, sortable by any signal; each row opens the child's health. */
export const ChildrenHealthTable = ({ unitId }: { unitId: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [sort, setSort] = useState<THealthSort>('weak');
  const [order, setOrder] = useState<'asc' | 'desc' | null>(null);
  const children = useChildrenHealth(unitId, sort, order);
  const sortData = [
    { value: 'weak', label: t('health.sortWeak') },
    { value: 'name', label: t('health.sortName') },
    ...HEALTH_SIGNALS.map((k) => ({ value: k, label: t(`health.signal.${k}`) })),
  ];
  return (
    <Paper withBorder radius="md" p="sm" data-testid="children-health">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{t('health.childrenTitle', { count: children.total })}</Text>
          <Group gap="xs">
            <Select
              aria-label={t('health.sortBy')}
              data={sortData}
              value={sort}
              onChange={(v) => setSort((v ?? 'weak') as THealthSort)}
              w={200}
              data-testid="children-sort"
            />
            <Select
              aria-label={t('health.order')}
              data={[
                { value: '', label: t('health.orderDefault') },
                { value: 'asc', label: t('health.orderAsc') },
                { value: 'desc', label: t('health.orderDesc') },
              ]}
              value={order ?? ''}
              onChange={(v) => setOrder(v === 'asc' || v === 'desc' ? v : null)}
              w={150}
            />
          </Group>
        </Group>
        {children.isPending && <Skeleton height={120} />}
        {children.isError && <ErrorState error={children.error} onRetry={() => void children.refetch()} />}
        {children.data && children.items.length === 0 && <EmptyState>{t('health.noChildren')}</EmptyState>}
        {children.items.length > 0 && (
          <Table.ScrollContainer minWidth={360}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('health.unitCol')}</Table.Th>
                  <Table.Th>{t('health.stateCol')}</Table.Th>
                  <Table.Th>{t('health.reasons')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {children.items.map((c) => (
                  <Table.Tr key={c.unit.id} data-testid="child-health-row" data-weak={c.isWeak}>
                    <Table.Td>
                      <Anchor component={Link} to={`/units/${c.unit.id}?tab=health`}>
                        {displayName(c.unit, lang)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={c.isWeak ? STATE_COLOR.weak : STATE_COLOR.ok} variant="light">
                        {t(c.isWeak ? 'health.state.weak' : 'health.state.ok')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.reasons.join(' · ')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {children.hasNextPage && (
          <Button variant="light" onClick={() => void children.fetchNextPage()} loading={children.isFetchingNextPage}>
            {t('health.loadMore')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
};
