import type { TPartyRef } from '@samiti/common';
import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { formatNumber } from '../../../lib/format';
import { displayName, pickNames } from '../../../lib/names';
import { useSeatResult } from '../hooks/useElections';
import { formatShare, formatSwing } from '../pipeline';
import { AspirantsPanel } from './AspirantsPanel';
import { HistoryList } from './HistoryList';
import { PartyPicker } from './PartyPicker';

const Stat = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <Paper withBorder p="sm">
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={700} data-testid={testId}>
      {value}
    </Text>
  </Paper>
);

/** /seats/:id — the seat's result (winner, margin, the party's share, rank and swing, booths), its aspirants and the party's units there. */
export const SeatPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const id = Number(useParams().id);
  const [picked, setPicked] = useState<TPartyRef | null>(null);
  const r = useSeatResult(id, picked?.key ?? null);
  useDocumentTitle(`${r.data ? pickNames(r.data.seat, lang).primary : t('elections.seat')} · ${t('app.name')}`);
  if (r.isPending) return <Skeleton height={240} />;
  if (r.isError) return <ErrorState error={r.error} onRetry={() => void r.refetch()} />;
  const d = r.data;
  const names = pickNames(d.seat, lang);
  const pr = d.partyResult;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/elections/${d.election.id}`} size="sm">
          {pickNames(d.election, lang).primary}
        </Anchor>
        <Group gap="xs">
          <Title order={1} size="h2" data-testid="seat-title">
            {names.primary}
          </Title>
          {d.seat.reservation && <Badge variant="outline">{d.seat.reservation}</Badge>}
          {d.seat.isUncontested && <Badge color="gray">{t('elections.uncontested')}</Badge>}
        </Group>
        {names.secondary && <Text c="dimmed">{names.secondary}</Text>}
      </div>
      <Tabs defaultValue={d.candidates.length ? 'result' : 'aspirants'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="result" data-testid="seat-tab-result">
            {t('elections.tabs.result')}
          </Tabs.Tab>
          <Tabs.Tab value="aspirants" data-testid="seat-tab-aspirants">
            {t('elections.tabs.aspirants', { count: d.seat.aspirantCount })}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="seat-tab-history">
            {t('elections.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="result" pt="md">
          <Stack gap="md">
            <PartyPicker label={t('elections.party')} value={picked ?? d.party} onChange={setPicked} testId="seat-party" />
            {d.candidates.length === 0 ? (
              <Text c="dimmed">{t('elections.noResults')}</Text>
            ) : (
              <>
                <SimpleGrid cols={{ base: 2, sm: 4 }}>
                  <Stat
                    label={t('elections.winner')}
                    value={d.winner ? `${d.winner.candidate} (${d.winner.party.short ?? d.winner.party.name})` : '–'}
                    testId="seat-winner"
                  />
                  <Stat label={t('elections.margin')} value={d.margin === null ? '–' : formatNumber(d.margin, lang)} testId="seat-margin" />
                  <Stat
                    label={t('elections.partyShare', { party: d.party?.short ?? d.party?.name ?? '' })}
                    value={`${formatShare(pr?.share, lang)} · #${pr?.rank ?? '–'}`}
                    testId="seat-party-share"
                  />
                  <Stat label={t('elections.swing')} value={formatSwing(pr?.swing, lang)} testId="seat-swing" />
                </SimpleGrid>
                {d.previous && (
                  <Text size="sm" c="dimmed">
                    {t('elections.previousWinner', {
                      year: d.previous.year,
                      name: d.previous.winner?.candidate ?? '–',
                      party: d.previous.winner?.party.short ?? d.previous.winner?.party.name ?? '',
                    })}
                    {d.previous.isRedrawn && ` · ${t('elections.redrawnHelp')}`}
                  </Text>
                )}
                <Table.ScrollContainer minWidth={480}>
                  <Table striped data-testid="candidate-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('elections.rank')}</Table.Th>
                        <Table.Th>{t('elections.candidate')}</Table.Th>
                        <Table.Th>{t('elections.party')}</Table.Th>
                        <Table.Th ta="right">{t('elections.votes')}</Table.Th>
                        <Table.Th ta="right">{t('elections.voteShare')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.candidates.map((c) => (
                        <Table.Tr key={`${c.serial}-${c.candidate}`} fw={c.party.key === d.party?.key ? 700 : undefined}>
                          <Table.Td>{c.rank ?? '–'}</Table.Td>
                          <Table.Td>{c.candidate}</Table.Td>
                          <Table.Td>{lang === 'hi' && c.party.nameHi ? c.party.nameHi : c.party.name}</Table.Td>
                          <Table.Td ta="right">{formatNumber(c.votes, lang)}</Table.Td>
                          <Table.Td ta="right">{formatShare(c.share, lang)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
            {d.booths.length > 0 && (
              <Table.ScrollContainer minWidth={480}>
                <Text fw={500}>{t('elections.booths', { count: d.booths.length })}</Text>
                <Table striped data-testid="booth-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('elections.part')}</Table.Th>
                      <Table.Th ta="right">{t('elections.votes')}</Table.Th>
                      <Table.Th ta="right">{t('elections.voteShare')}</Table.Th>
                      <Table.Th ta="right">{t('elections.changeCol')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.booths.map((b) => (
                      <Table.Tr key={`${b.acCode}-${b.partNumber}`}>
                        <Table.Td>
                          {b.acCode} / {b.partNumber}
                          {b.name && (
                            <Text size="xs" c="dimmed">
                              {b.name}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          {formatNumber(b.votes, lang)} / {formatNumber(b.total, lang)}
                        </Table.Td>
                        <Table.Td ta="right">{formatShare(b.share, lang)}</Table.Td>
                        <Table.Td ta="right">{formatSwing(b.change, lang)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <div>
              <Text fw={500}>{t('elections.ourUnits')}</Text>
              {d.units.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('elections.noUnits')}
                </Text>
              ) : (
                d.units.map((u) => (
                  <Text key={u.id} size="sm">
                    <Anchor component={Link} to={`/units/${u.id}`}>
                      {displayName(u, lang)}
                    </Anchor>{' '}
                    · {t('elections.officeBearers', { count: u.officeBearers })}
                  </Text>
                ))
              )}
            </div>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="aspirants" pt="md">
          <AspirantsPanel seat={d.seat} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryList kind="seats" id={d.seat.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};
