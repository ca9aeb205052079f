import type { TElection } from '@samiti/common';
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { displayName, pickNames } from '../../../lib/names';
import type { TSeatFilter } from '../api';
import { useSeats } from '../hooks/useElections';
import { AddSeatForm } from './AddSeatForm';

/** The election's seats with search and coverage filters, 50 at a time. */
export const SeatsTable = ({ election }: { election: TElection }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [coverage, setCoverage] = useState<TSeatFilter['coverage']>(null);
  const seats = useSeats(election.id, { q, coverage, state: null });
  const items = seats.data?.pages.flatMap((p) => p.items) ?? [];
  const total = seats.data?.pages[0]?.total ?? 0;
  return (
    <Stack gap="sm">
      {election.actions.canAddSeats && <AddSeatForm electionId={election.id} />}
      <Group gap="sm" wrap="wrap">
        <TextInput
          placeholder={t('elections.searchSeats')}
          aria-label={t('elections.searchSeats')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="seat-search"
        />
        <SegmentedControl
          size="xs"
          value={coverage ?? 'all'}
          onChange={(v) => setCoverage(v === 'all' ? null : (v as TSeatFilter['coverage']))}
          data={[
            { value: 'all', label: t('elections.coverageAll') },
            { value: 'no-aspirant', label: t('elections.coverageNoAspirant') },
            { value: 'no-candidate', label: t('elections.coverageNoCandidate') },
            { value: 'candidate', label: t('elections.coverageCandidate') },
          ]}
          data-testid="seat-coverage-filter"
        />
      </Group>
      {seats.isError && <ErrorState error={seats.error} onRetry={() => void seats.refetch()} />}
      {seats.isSuccess && items.length === 0 && <EmptyState>{t('elections.noSeats')}</EmptyState>}
      {items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" data-testid="seat-total">
            {t('elections.seatsShown', { shown: items.length, total })}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover data-testid="seat-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('elections.seatNo')}</Table.Th>
                  <Table.Th>{t('elections.seat')}</Table.Th>
                  <Table.Th>{t('elections.aspirants')}</Table.Th>
                  <Table.Th>{t('elections.candidate')}</Table.Th>
                  <Table.Th>{t('elections.winner')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => {
                  const names = pickNames(s, lang);
                  return (
                    <Table.Tr key={s.id} data-testid="seat-row" data-seat-code={s.code}>
                      <Table.Td>{s.number ?? s.code}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/seats/${s.id}`}>
                          {names.primary}
                        </Anchor>
                        {s.reservation && s.reservation !== 'GEN' && (
                          <Badge size="xs" ml={6} variant="outline">
                            {s.reservation}
                          </Badge>
                        )}
                        {s.unit && (
                          <Text size="xs" c="dimmed">
                            {displayName(s.unit, lang)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{s.aspirantCount}</Table.Td>
                      <Table.Td>
                        {s.hasCandidate ? <Badge color="green">{t('elections.final')}</Badge> : <Text c="dimmed">–</Text>}
                      </Table.Td>
                      <Table.Td>{s.winner ? `${s.winner.candidate} (${s.winner.party})` : '–'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {seats.hasNextPage && (
            <Button variant="light" onClick={() => void seats.fetchNextPage()} loading={seats.isFetchingNextPage} data-testid="seat-more">
              {t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
};
