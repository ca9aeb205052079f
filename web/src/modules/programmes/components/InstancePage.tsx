import { Anchor, Group, Paper, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { formatDate } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { HistoryView } from '../../units/components/HistoryList';
import { useInstance, useInstanceHistory, useProgramme } from '../hooks/useProgrammes';
import { InstancePlan } from './InstancePlan';
import { InstanceTourStops } from '../../tours/components/StopProgramme';
import { InstanceReport } from './InstanceReport';
import { StatusBadge } from './StatusBadge';

/** /programme-instances/:id — one event of a programme: in-charge, team, plan, report with photos, history. */
export const InstancePage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const id = Number(useParams().id);
  const instance = useInstance(id);
  const programme = useProgramme(instance.data?.programmeId ?? 0);
  const history = useInstanceHistory(id);
  const i = instance.data;
  const where = i ? (i.geo ? displayName(i.geo, lang) : i.unit ? displayName(i.unit, lang) : i.targetKey) : '';
  useDocumentTitle(`${where || t('programmes.instance')} · ${t('app.name')}`);
  if (instance.isPending) return <Skeleton height={200} />;
  if (instance.isError || !i) return <ErrorState error={instance.error} onRetry={() => void instance.refetch()} />;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/programmes/${i.programmeId}`} size="sm">
          {lang === 'hi' ? i.programmeNameHi : i.programmeName}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} size="h2" data-testid="instance-title">
            {where}
          </Title>
          <StatusBadge status={i.status} isOverdue={i.isOverdue} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('programmes.phaseN', { n: i.phase })} · {displayName(i.scopeUnit, lang)}
          {i.plannedDate ? ` · ${formatDate(i.plannedDate, lang)}` : ''}
          {i.venue ? ` · ${i.venue}` : ''}
        </Text>
      </div>
      <InstanceTourStops instanceId={i.id} />
      <Tabs defaultValue="plan" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="plan">{t('programmes.tabPlan')}</Tabs.Tab>
          <Tabs.Tab value="report" data-testid="tab-report">
            {t('programmes.tabReport')}
          </Tabs.Tab>
          <Tabs.Tab value="history">{t('programmes.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan" pt="sm">
          <Paper withBorder p="sm" radius="md">
            <InstancePlan key={i.updatedAt} instance={i} />
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="sm">
          <Paper withBorder p="sm" radius="md">
            {programme.data ? (
              <InstanceReport key={i.updatedAt} instance={i} segments={programme.data.segments} />
            ) : (
              <Skeleton height={120} />
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <HistoryView history={history} subject="unit" />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};
