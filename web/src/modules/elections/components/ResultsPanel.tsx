import type { TElection, TPartyRef } from '@samiti/common';
import { Alert, Anchor, Badge, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ConstituencyMap } from '../../../components/ConstituencyMap';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useElectionSetting, useResults } from '../hooks/useElections';
import { formatShare, formatSwing } from '../pipeline';
import { PartyPicker, partyLabel } from './PartyPicker';
import { useStateOptions } from './useStateOptions';

/** Seats won and vote share per party, then every seat with the chosen party's share and swing, and a map of either. */
export const ResultsPanel = ({ election }: { election: TElection }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const setting = useElectionSetting();
  const [picked, setPicked] = useState<TPartyRef | null>(null);
  const [state, setState] = useState<string | null>(null);
  const [measure, setMeasure] = useState<'share' | 'swing'>('share');
  const states = useStateOptions();
  const party = picked ?? setting.data?.ourParty ?? null;
  const results = useResults(election.id, picked?.key ?? null, state);
  const hasGeoSeats = election.type === 'lok-sabha' || election.type === 'vidhan-sabha';
  const mapKind = election.type === 'lok-sabha' ? 'pc' : 'ac';
  const mapState = election.type === 'lok-sabha' ? (state ?? undefined) : (election.stateCode ?? undefined);
  const data = results.data;
  const values = useMemo(() => {
    const out: Record<string, number> = {};
    for (const s of data?.seats ?? []) {
      const v = measure === 'share' ? s.party?.share : s.party?.swing;
      if (v !== null && v !== undefined) out[s.code] = v;
    }
    return out;
  }, [data, measure]);
  const seatOf = useMemo(() => new Map((data?.seats ?? []).map((s) => [s.code, s.seatId])), [data]);

  return (
    <Stack gap="md" data-testid="results">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <PartyPicker label={t('elections.party')} value={party} onChange={setPicked} testId="results-party" />
        {election.type === 'lok-sabha' && (
          <Select
            label={t('elections.state')}
            data={states}
            value={state}
            onChange={setState}
            clearable
            searchable
            placeholder={t('elections.allIndia')}
            data-testid="results-state"
          />
        )}
      </Group>
      {results.isError && <ErrorState error={results.error} onRetry={() => void results.refetch()} />}
      {data && data.seatsWithResults === 0 && <EmptyState>{t('elections.noResults')}</EmptyState>}
      {data && data.seatsWithResults > 0 && (
        <>
          <Text size="sm" c="dimmed" data-testid="results-summary">
            {t('elections.resultsSummary', { seats: data.seatsWithResults, votes: formatNumber(data.totalVotes, lang) })}
          </Text>
          <Table.ScrollContainer minWidth={480}>
            <Table striped data-testid="party-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('elections.party')}</Table.Th>
                  <Table.Th ta="right">{t('elections.seatsWon')}</Table.Th>
                  <Table.Th ta="right">{t('elections.voteShare')}</Table.Th>
                  {data.previousElectionId !== null && <Table.Th ta="right">{t('elections.changeCol')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.parties.slice(0, 15).map((p) => (
                  <Table.Tr key={p.key} data-testid="party-row" data-party={p.key} fw={p.key === party?.key ? 700 : undefined}>
                    <Table.Td>{partyLabel(p, lang)}</Table.Td>
                    <Table.Td ta="right">
                      {p.seatsWon}
                      {p.previousSeatsWon !== null && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({p.previousSeatsWon})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatShare(p.share, lang)}</Table.Td>
                    {data.previousElectionId !== null && (
                      <Table.Td ta="right">
                        {formatSwing(
                          p.share !== null && p.previousShare !== null ? Math.round((p.share - p.previousShare) * 100) / 100 : null,
                          lang,
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {hasGeoSeats && party && (
            <Stack gap="xs">
              <SegmentedControl
                value={measure}
                onChange={(v) => setMeasure(v === 'swing' ? 'swing' : 'share')}
                data={[
                  { value: 'share', label: t('elections.mapShare') },
                  { value: 'swing', label: t('elections.mapSwing') },
                ]}
                w="fit-content"
                data-testid="map-measure"
              />
              <div data-testid="results-map">
                <ConstituencyMap
                  kind={mapKind}
                  state={mapState}
                  values={values}
                  scale={measure === 'swing' ? 'diverging' : 'sequential'}
                  min={measure === 'share' ? 0 : undefined}
                  max={measure === 'share' ? 100 : undefined}
                  legendTitle={
                    measure === 'share'
                      ? t('elections.mapShareLegend', { party: party.short ?? party.name })
                      : t('elections.mapSwingLegend', { party: party.short ?? party.name })
                  }
                  formatTooltip={(a) =>
                    `${a.name}: ${a.value === null ? t('map.noData') : measure === 'share' ? formatShare(a.value, lang) : formatSwing(a.value, lang)}`
                  }
                  onSelect={(code) => {
                    const id = seatOf.get(code);
                    if (id) void navigate(`/seats/${id}`);
                  }}
                />
              </div>
            </Stack>
          )}
          {!party && <Alert color="blue">{t('elections.pickParty')}</Alert>}
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover data-testid="seat-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('elections.seat')}</Table.Th>
                  <Table.Th>{t('elections.winner')}</Table.Th>
                  <Table.Th ta="right">{t('elections.margin')}</Table.Th>
                  {party && <Table.Th ta="right">{t('elections.partyShare', { party: party.short ?? party.name })}</Table.Th>}
                  {party && <Table.Th ta="right">{t('elections.rank')}</Table.Th>}
                  {party && <Table.Th ta="right">{t('elections.swing')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.seats.map((s) => (
                  <Table.Tr key={s.seatId} data-testid="seat-result-row" data-seat-code={s.code}>
                    <Table.Td>
                      <Anchor component={Link} to={`/seats/${s.seatId}`}>
                        {displayName(s, lang)}
                      </Anchor>
                      {s.isRedrawn && (
                        <Badge size="xs" color="orange" ml={6} title={t('elections.redrawnHelp')}>
                          {t('elections.redrawn')}
                        </Badge>
                      )}
                      {s.isUncontested && (
                        <Badge size="xs" color="gray" ml={6}>
                          {t('elections.uncontested')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{s.winner ? `${s.winner.candidate} · ${s.winner.party.short ?? s.winner.party.name}` : '–'}</Table.Td>
                    <Table.Td ta="right">{s.margin === null ? '–' : formatNumber(s.margin, lang)}</Table.Td>
                    {party && <Table.Td ta="right">{formatShare(s.party?.share, lang)}</Table.Td>}
                    {party && <Table.Td ta="right">{s.party?.rank ? s.party.rank : '–'}</Table.Td>}
                    {party && <Table.Td ta="right">{formatSwing(s.party?.swing, lang)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
};
