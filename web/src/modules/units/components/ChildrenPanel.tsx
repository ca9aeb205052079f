import type { TUnit } from '@samiti/common';
import { Button, Group, Paper, Skeleton, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatNumber } from '../../../lib/format';
import { useChildren } from '../hooks/useChildren';
import { SEARCH_DEBOUNCE_MS } from '../hooks/useUnitSearch';
import { ChildrenTable } from './ChildrenTable';

const RowsSkeleton = () => (
  <Stack gap="xs" data-testid="children-loading" aria-busy="true">
    {[0, 1, 2, 3, 4].map((i) => (
      <Skeleton key={i} height={40} radius="sm" />
    ))}
  </Stack>
);

export const ChildrenPanel = ({ unit }: { unit: TUnit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [filter, setFilter] = useState('');
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const [q] = useDebouncedValue(filter.trim(), SEARCH_DEBOUNCE_MS);
  const children = useChildren(unit.id, { q, includeDeleted });
  const { items, total } = children;

  const body = () => {
    if (children.isPending) return <RowsSkeleton />;
    if (children.isError && items.length === 0) return <ErrorState error={children.error} onRetry={() => void children.refetch()} />;
    if (items.length === 0) {
      if (q) return <EmptyState>{t('units.emptyFiltered', { q })}</EmptyState>;
      return <EmptyState>{unit.actions.canCreateChild && !unit.deletedAt ? t('units.emptyCanCreate') : t('units.empty')}</EmptyState>;
    }
    return (
      <Stack gap="xs">
        <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: children.isPlaceholderData ? 0.6 : 1 }}>
          <ChildrenTable items={items} />
        </Paper>
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed" data-testid="children-count">
            {t('common.showingOf', { shown: formatNumber(items.length, lang), total: formatNumber(total, lang) })}
          </Text>
          {children.hasNextPage && (
            <Button
              variant="light"
              onClick={() => void children.fetchNextPage()}
              loading={children.isFetchingNextPage}
              data-testid="load-more"
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Group>
        {children.isFetchNextPageError && <ErrorState error={children.error} onRetry={() => void children.fetchNextPage()} />}
      </Stack>
    );
  };

  const state = children.isPending ? 'loading' : children.isError && items.length === 0 ? 'error' : items.length === 0 ? 'empty' : 'ready';
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput
          type="search"
          label={t('units.filterLabel')}
          placeholder={t('units.filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          style={{ flex: '1 1 200px' }}
          data-testid="children-filter"
        />
        <Switch
          label={t('units.showDeleted')}
          checked={includeDeleted}
          onChange={(e) => setIncludeDeleted(e.currentTarget.checked)}
          mb={8}
          data-testid="children-show-deleted"
        />
      </Group>
      <div data-testid="children-table" data-state={state} aria-busy={state === 'loading'}>
        {body()}
      </div>
    </Stack>
  );
};
