import { CONSENT_METHODS, GENDERS, type TPerson } from '@samiti/common';
import { Alert, Button, Paper, Skeleton, Stack, Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { RecordRoute, RecordView } from '../../../components/RecordRoute';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDate } from '../../../lib/format';
import { usePersonTenures } from '../../posts/hooks/usePosts';
import { TenureTable } from '../../posts/components/TenureTable';
import { currentFirst } from '../../posts/slots';
import { LeaderToursCalendar } from '../../tours/components/Calendars';
import { PersonTrainings } from '../../training/components/PersonTrainings';
import { HistoryView, type TValueFormatter } from '../../units/components/HistoryList';
import { usePerson, usePersonHistory } from '../hooks/usePerson';
import { personName } from '../names';
import { MergedBanner } from './MergedBanner';
import { PersonHeader } from './PersonHeader';

type TTab = 'posts' | 'training' | 'history';

const PersonTenures = ({ personId }: { personId: number }) => {
  const { t } = useTranslation();
  const tenures = usePersonTenures(personId);
  if (tenures.isPending) {
    return (
      <Stack gap="xs" aria-busy="true">
        {[0, 1].map((i) => (
          <Skeleton key={i} height={40} radius="sm" />
        ))}
      </Stack>
    );
  }
  if (tenures.isError) return <ErrorState error={tenures.error} onRetry={() => void tenures.refetch()} />;
  if (tenures.items.length === 0) return <EmptyState>{t('people.postsEmpty')}</EmptyState>;
  return (
    <Stack gap="xs">
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }} data-testid="person-tenures">
        <TenureTable items={currentFirst(tenures.items)} show="unit" />
      </Paper>
      {tenures.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void tenures.fetchNextPage()}
          loading={tenures.isFetchingNextPage}
          data-testid="person-tenures-more"
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
};

/** Person audit values in words: gender and consent method translated, consent on one line. */
const personValueFormatter =
  (t: TFunction): TValueFormatter =>
  (field, value, lang) => {
    if (field === 'gender' && typeof value === 'string' && (GENDERS as readonly string[]).includes(value)) {
      return t(`people.genders.${value as (typeof GENDERS)[number]}`);
    }
    if (field === 'photoFileId' && typeof value === 'number') return t('files.photo.historyValue', { id: value });
    if (field === 'consent' && typeof value === 'object' && value !== null) {
      const c = value as { purpose?: unknown; date?: unknown; method?: unknown };
      const method =
        typeof c.method === 'string' && (CONSENT_METHODS as readonly string[]).includes(c.method)
          ? t(`people.consentMethods.${c.method as (typeof CONSENT_METHODS)[number]}`)
          : String(c.method ?? '');
      const date = typeof c.date === 'string' ? formatDate(c.date, lang) : '';
      return t('people.consentLine', { purpose: String(c.purpose ?? ''), method, date });
    }
    return undefined;
  };

const PersonHistory = ({ personId }: { personId: number }) => {
  const { t } = useTranslation();
  const history = usePersonHistory(personId);
  // HistoryView shows one list; the pages read so far are that list, and "Load more" reads the next.
  const view = { ...history, data: history.items } as unknown as Parameters<typeof HistoryView>[0]['history'];
  return (
    <Stack gap="xs">
      <HistoryView history={view} subject="person" formatValue={personValueFormatter(t)} />
      {history.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
          data-testid="person-history-more"
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
};

const PersonView = ({ person }: { person: TPerson }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TTab = requested === 'history' || requested === 'training' ? requested : 'posts';
  useDocumentTitle(`${personName(person, lang) || t('people.unnamed')} · ${t('app.name')}`);

  return (
    <Stack gap="md">
      <PersonHeader person={person} />
      {person.mergedInto != null && <MergedBanner person={person} mergedInto={person.mergedInto} />}
      {person.deletedAt && person.mergedInto == null && (
        <Alert color="red" variant="light" data-testid="person-deleted-notice">
          {t('people.deletedNotice')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'history' || v === 'training' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="posts" data-testid="person-tab-posts">
            {t('people.tabPosts')}
          </Tabs.Tab>
          <Tabs.Tab value="training" data-testid="person-tab-training">
            {t('training.personTab')}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="person-tab-history">
            {t('people.tabHistory')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="posts" pt="md">
          <PersonTenures personId={person.id} />
        </Tabs.Panel>
        <Tabs.Panel value="training" pt="md">
          <Stack gap="md">
            <PersonTrainings personId={person.id} />
            <LeaderToursCalendar personId={person.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <PersonHistory personId={person.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};

const PersonSkeleton = () => (
  <Stack gap="md" aria-busy="true" data-testid="person-loading">
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Skeleton height={30} width="60%" />
        <Skeleton height={14} width="40%" />
        <Skeleton height={60} />
      </Stack>
    </Paper>
    <Skeleton height={36} />
    <Skeleton height={40} />
  </Stack>
);

const PersonLoader = ({ id }: { id: number }) => (
  <RecordView query={usePerson(id)} skeleton={<PersonSkeleton />}>
    {(p) => <PersonView person={p} />}
  </RecordView>
);

/** /people/:id — one person: names, contact (or masked), consent, posts held now and before, history. */
export const PersonPage = () => <RecordRoute>{(id) => <PersonLoader id={id} />}</RecordRoute>;
