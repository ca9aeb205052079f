import { Skeleton } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { NotFoundPage } from '../app/NotFoundPage';
import { ErrorState } from './ErrorState';

/**
 * A page of one record at `…/:id`. An id that is not a positive whole number is "not found" without
 * asking the server; the page is keyed by the id so filters, search text and open dialogs reset when
 * moving to another record.
 */
export const RecordRoute = ({ children }: { children: (id: number) => ReactNode }) => {
  const { id } = useParams();
  const recordId = Number(id);
  if (!Number.isSafeInteger(recordId) || recordId <= 0) return <NotFoundPage />;
  return <Fragment key={recordId}>{children(recordId)}</Fragment>;
};

type TRecordQuery<T> = { data: T | undefined; isError: boolean; error: unknown; refetch: () => unknown };

/** The loaded record, else its error with a retry, else a placeholder while it loads. */
export const RecordView = <T,>({
  query,
  skeleton,
  children,
}: {
  query: TRecordQuery<T>;
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
}) => {
  if (query.data !== undefined) return children(query.data);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return skeleton ?? <Skeleton height={200} radius="md" />;
};
