import { Badge, Button, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { displayName, pickNames } from '../../../lib/names';
import { useElection } from '../hooks/useElections';
import { ApplicationsCard } from './ApplicationsCard';
import { CoveragePanel } from './CoveragePanel';
import { CriteriaCard } from './CriteriaCard';
import { EditElectionModal } from './EditElectionModal';
import { HistoryList } from './HistoryList';
import { ImportPanel } from './ImportPanel';
import { ResultsPanel } from './ResultsPanel';
import { SeatsTable } from './SeatsTable';

const TABS = ['seats', 'coverage', 'results', 'import', 'history'] as const;
type TTab = (typeof TABS)[number];
const isTab = (v: unknown): v is TTab => (TABS as readonly unknown[]).includes(v);

/** /elections/:id — seats, coverage, results and imports of one election. */
export const ElectionPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const election = useElection(id);
  const [editing, setEditing] = useState(false);
  const tab: TTab = isTab(params.get('tab')) ? (params.get('tab') as TTab) : election.data?.isShipped ? 'results' : 'seats';
  useDocumentTitle(`${election.data ? pickNames(election.data, lang).primary : t('elections.title')} · ${t('app.name')}`);
  if (election.isPending) return <Skeleton height={200} />;
  if (election.isError) return <ErrorState error={election.error} onRetry={() => void election.refetch()} />;
  const e = election.data;
  const names = pickNames(e, lang);
  const where = e.unit
    ? displayName(e.unit, lang)
    : e.stateName
      ? displayName({ name: e.stateName, nameHi: e.stateNameHi }, lang)
      : t('elections.national');
  return (
    <Stack gap="md">
      <div>
        <Group gap="xs">
          <Title order={1} size="h2" data-testid="election-title">
            {names.primary}
          </Title>
          <Badge variant="light">{t(`elections.types.${e.type}`)}</Badge>
          {e.actions.canEdit && (
            <Button size="xs" variant="subtle" onClick={() => setEditing(true)} data-testid="election-edit">
              {t('elections.edit')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {[names.secondary, where, String(e.year), t('elections.seatCount', { count: e.seatCount })].filter(Boolean).join(' · ')}
        </Text>
      </div>
      <ApplicationsCard election={e} />
      <Tabs value={tab} onChange={(v) => setParams(isTab(v) ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.filter((x) => x !== 'import' || e.actions.canImportResults || e.actions.canAddSeats).map((x) => (
            <Tabs.Tab key={x} value={x} data-testid={`election-tab-${x}`}>
              {t(`elections.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="seats" pt="md">
          <SeatsTable election={e} />
        </Tabs.Panel>
        <Tabs.Panel value="coverage" pt="md">
          <Stack gap="md">
            <CoveragePanel electionId={e.id} />
            <CriteriaCard electionId={e.id} canEdit={e.actions.canEdit} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          <ResultsPanel election={e} />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportPanel election={e} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryList kind="elections" id={e.id} />
        </Tabs.Panel>
      </Tabs>
      {editing && <EditElectionModal election={e} onClose={() => setEditing(false)} />}
    </Stack>
  );
};
