import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { formatDateTime } from '../../../lib/format';
import { electionKeys, fetchHistory } from '../api';

const ACTIONS = [
  'election.create',
  'election.update',
  'election.booth-results-import',
  'screening-criterion.create',
  'seat.create',
  'seat.update',
  'seat.results-import',
] as const;
type TAction = (typeof ACTIONS)[number];
const isKnown = (a: string): a is TAction => (ACTIONS as readonly string[]).includes(a);

/** Who changed what and when (the audit log of an election or a seat), newest first. */
export const HistoryList = ({ kind, id }: { kind: 'elections' | 'seats'; id: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const history = useQuery({
    queryKey: [...electionKeys.all, 'history', kind, id],
    queryFn: ({ signal }) => fetchHistory(kind, id, signal),
  });
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data ?? [];
  if (history.isSuccess && items.length === 0) return <Text c="dimmed">{t('elections.historyEmpty')}</Text>;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={480}>
        <Table data-testid="history">
          <Table.Tbody>
            {items.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{formatDateTime(h.at, lang)}</Table.Td>
                <Table.Td>
                  {isKnown(h.action) ? t(`elections.history.${h.action.replace(/\./g, '_') as 'election_create'}`) : h.action}
                </Table.Td>
                <Table.Td>{h.actor ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
};
