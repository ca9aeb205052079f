import type { TUnit } from '@samiti/common';
import { Alert, Badge, Stack, Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { RecordRoute, RecordView } from '../../../components/RecordRoute';
import { DirectivesPanel } from '../../directives/components/DirectivesPanel';
import { MeetingsPanel } from '../../meetings/components/MeetingsPanel';
import { HealthPanel } from '../../org-health/components/HealthPanel';
import { PeoplePanel } from '../../people/components/PeoplePanel';
import { PostsPanel } from '../../posts/components/PostsPanel';
import { UnitToursCalendar } from '../../tours/components/Calendars';
import { TrainingCoverage } from '../../training/components/TrainingCoverage';
import { useUnit } from '../hooks/useUnit';
import { ChildrenPanel } from './ChildrenPanel';
import { HistoryList } from './HistoryList';
import { UnitBreadcrumbs } from './UnitBreadcrumbs';
import { UnitHeader } from './UnitHeader';
import { UnitPageSkeleton } from './UnitPageSkeleton';
import { UnitSearchBox } from './UnitSearchBox';

const TABS = ['children', 'health', 'posts', 'people', 'meetings', 'directives', 'training', 'history'] as const;
type TTab = (typeof TABS)[number];

const isTab = (value: string | null): value is TTab => TABS.includes(value as TTab);

const UnitView = ({ unit }: { unit: TUnit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TTab = isTab(requested) ? requested : 'children';
  useDocumentTitle(`${displayName(unit, lang)} · ${t('app.name')}`);

  return (
    <Stack gap="md">
      <UnitBreadcrumbs unit={unit} />
      <UnitHeader unit={unit} />
      {unit.deletedAt && (
        <Alert color="red" variant="light" data-testid="unit-deleted-notice">
          {t('units.deletedNotice')}
        </Alert>
      )}
      <UnitSearchBox unit={unit} />
      <Tabs value={tab} onChange={(v) => setParams(isTab(v) && v !== 'children' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab
            value="children"
            rightSection={
              <Badge size="sm" variant="light">
                {formatNumber(unit.childCount, lang)}
              </Badge>
            }
          >
            {t('units.tabChildren')}
          </Tabs.Tab>
          <Tabs.Tab value="health" data-testid="tab-health">
            {t('health.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="posts" data-testid="tab-posts">
            {t('units.tabPosts')}
          </Tabs.Tab>
          <Tabs.Tab value="people" data-testid="tab-people">
            {t('units.tabPeople')}
          </Tabs.Tab>
          <Tabs.Tab value="meetings" data-testid="tab-meetings">
            {t('meetings.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="directives" data-testid="tab-directives">
            {t('directives.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="training" data-testid="tab-training">
            {t('training.unitTab')}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">
            {t('units.tabHistory')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="children" pt="md">
          <ChildrenPanel unit={unit} />
        </Tabs.Panel>
        <Tabs.Panel value="health" pt="md">
          <HealthPanel unit={unit} />
        </Tabs.Panel>
        <Tabs.Panel value="posts" pt="md">
          <PostsPanel unit={unit} />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <PeoplePanel unit={unit} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <MeetingsPanel unit={unit} />
        </Tabs.Panel>
        <Tabs.Panel value="directives" pt="md">
          <DirectivesPanel unit={unit} />
        </Tabs.Panel>
        <Tabs.Panel value="training" pt="md">
          <Stack gap="md">
            <TrainingCoverage unitId={unit.id} />
            <UnitToursCalendar unitId={unit.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryList unitId={unit.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};

const UnitLoader = ({ id }: { id: number }) => (
  <RecordView query={useUnit(id)} skeleton={<UnitPageSkeleton />}>
    {(u) => <UnitView unit={u} />}
  </RecordView>
);

/** /units/:id — one unit of the organisation, with its sub-units, posts, people and history. */
export const UnitPage = () => <RecordRoute>{(id) => <UnitLoader id={id} />}</RecordRoute>;
