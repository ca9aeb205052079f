import { Button, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatNumber } from '../../../lib/format';
import { SEARCH_DEBOUNCE_MS } from '../../units/hooks/useUnitSearch';
import { usePeopleList } from '../hooks/usePeople';
import { PeopleTable } from './PeopleTable';
import { PersonFormModal } from './PersonFormModal';
import type { TUnitRef } from './UnitPicker';

const RowsSkeleton = () => (
  <Stack gap="xs" data-testid="people-loading" aria-busy="true">
    {[0, 1, 2, 3, 4].map((i) => (
      <Skeleton key={i} height={40} radius="sm" />
    ))}
  </Stack>
);

type Props = {
  /** Limit to people whose home unit is in this unit's subtree; null = the whole jurisdiction. */
  unitId: number | null;
  /** Offer "Add person" with this home unit preset; null hides the button. */
  addTo: TUnitRef | null;
  autoFocus?: boolean;
};

/** A searchable list of people, 50 at a time, with "Load more". */
export const PeopleList = ({ unitId, addTo, autoFocus }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [text, setText] = useState('');
  const [adding, setAdding] = useState(false);
  const [q] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const people = usePeopleList({ q, unit: unitId });
  const { items } = people;

  const body = () => {
    if (people.isPending) return <RowsSkeleton />;
    if (people.isError && items.length === 0) return <ErrorState error={people.error} onRetry={() => void people.refetch()} />;
    if (items.length === 0) {
      if (q) return <EmptyState>{t('people.emptyFiltered', { q })}</EmptyState>;
      return <EmptyState>{addTo ? t('people.emptyCanAdd') : t('people.empty')}</EmptyState>;
    }
    return (
      <Stack gap="xs">
        <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: people.isPlaceholderData ? 0.6 : 1 }}>
          <PeopleTable items={items} />
        </Paper>
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed" data-testid="people-count">
            {t('people.shown', { shown: formatNumber(items.length, lang) })}
          </Text>
          {people.hasNextPage && (
            <Button variant="light" onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage} data-testid="load-more">
              {t('common.loadMore')}
            </Button>
          )}
        </Group>
        {people.isFetchNextPageError && <ErrorState error={people.error} onRetry={() => void people.fetchNextPage()} />}
      </Stack>
    );
  };

  const state = people.isPending ? 'loading' : people.isError && items.length === 0 ? 'error' : items.length === 0 ? 'empty' : 'ready';
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput
          type="search"
          label={t('people.searchLabel')}
          placeholder={t('people.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
          autoComplete="off"
          enterKeyHint="search"
          autoFocus={autoFocus}
          data-testid="person-search"
        />
        {addTo && (
          <Button onClick={() => setAdding(true)} data-testid="add-person-button">
            {t('people.add')}
          </Button>
        )}
      </Group>
      <div data-testid="people-table" data-state={state} aria-busy={state === 'loading'}>
        {body()}
      </div>
      {addTo && <PersonFormModal mode="create" homeUnit={addTo} opened={adding} onClose={() => setAdding(false)} />}
    </Stack>
  );
};
