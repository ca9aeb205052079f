import { Paper, Skeleton, Stack, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../../../components/Table.module.css';

export type TGeoColumn<T> = { key: string; header: string; cell: (row: T) => ReactNode; numeric?: boolean };

type Props<T> = {
  rows: T[] | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
  columns: TGeoColumn<T>[];
  rowKey: (row: T) => string;
  /** Where a row leads, if anywhere. */
  rowHref?: (row: T) => string;
  highlight?: (row: T) => boolean;
  testId: string;
};

/** A reference-data table. It scrolls sideways on narrow phones rather than squeezing columns. */
export const GeoTable = <T,>({ rows, isPending, error, onRetry, columns, rowKey, rowHref, highlight, testId }: Props<T>) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (isPending) {
    return (
      <Stack gap="xs" aria-busy="true">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Skeleton key={i} height={36} />
        ))}
      </Stack>
    );
  }
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (!rows || rows.length === 0) return <EmptyState>{t('geo.empty')}</EmptyState>;
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={520}>
        <Table highlightOnHover={Boolean(rowHref)} verticalSpacing="xs" className={classes.table} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const href = rowHref?.(row);
              return (
                <Table.Tr
                  key={rowKey(row)}
                  id={rowKey(row)}
                  className={href ? classes.row : undefined}
                  bg={highlight?.(row) ? 'yellow.0' : undefined}
                  onClick={href ? () => void navigate(href) : undefined}
                  onKeyDown={
                    href
                      ? (e) => {
                          if (e.key === 'Enter') void navigate(href);
                        }
                      : undefined
                  }
                  tabIndex={href ? 0 : undefined}
                  data-testid={`${testId}-row`}
                >
                  {columns.map((c) => (
                    <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} className={c.numeric ? classes.num : undefined}>
                      {c.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
};
