import { Button, Skeleton, Stack } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';

/** What a cursor-paged list needs of its infinite query (the module hooks add `items`). */
export type TCursorQuery<T> = {
  items: T[];
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
  isFetchingNextPage: boolean;
};

type Props<T> = {
  query: TCursorQuery<T>;
  /** Shown when nothing matches. */
  empty: ReactNode;
  testId: string;
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
};

/** A list read a page at a time: placeholder, error with retry, empty text, rows and "Load more". */
export const CursorList = <T,>({ query, empty, testId, itemKey, renderItem }: Props<T>) => {
  const { t } = useTranslation();
  if (query.isPending) return <Skeleton height={64} radius="md" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <Stack gap="xs" data-testid={testId}>
      {query.items.map((item) => (
        <Fragment key={itemKey(item)}>{renderItem(item)}</Fragment>
      ))}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
};
