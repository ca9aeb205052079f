import { Badge, Button, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ConstituencyMap } from '../../../components/ConstituencyMap';
import { ErrorState } from '../../../components/ErrorState';
import { displayName } from '../../../lib/names';
import { HistoryView } from '../../units/components/HistoryList';
import { useProgramme, useProgrammeHistory, useProgressMap } from '../hooks/useProgrammes';
import { ClustersPanel } from './ClustersPanel';
import { InstanceList } from './InstanceList';
import { ProgrammeEditModal } from './ProgrammeEditModal';
import { ProgressPanel } from './ProgressPanel';
import { RolloutJobs } from './RolloutJobs';
import { RolloutModal } from './RolloutModal';

const STAGES = ['not-planned', 'planned', 'held', 'reported'] as const;

/** /programmes/:id — what the programme is, its roll-out, progress per state (table and map) and its events. */
export const ProgrammePage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const id = Number(useParams().id);
  const programme = useProgramme(id);
  const [phase, setPhase] = useState(1);
  const [state, setState] = useState<string | null>(null);
  const [mapKind, setMapKind] = useState<'pc' | 'ac'>('pc');
  const [rolling, setRolling] = useState(false);
  const [editing, setEditing] = useState(false);
  const history = useProgrammeHistory(id);
  const map = useProgressMap(id, phase, mapKind, state);
  useDocumentTitle(
    `${programme.data ? (lang === 'hi' ? programme.data.nameHi : programme.data.name) : t('programmes.title')} · ${t('app.name')}`,
  );
  if (programme.isPending) return <Skeleton height={200} />;
  if (programme.isError) return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  const p = programme.data;
  const stageName = (v: number) => (v < 0 ? t('programmes.status_cancelled') : t(`programmes.status_${STAGES[v] ?? 'not-planned'}`));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" lang={lang === 'hi' ? 'hi' : undefined} data-testid="programme-title">
            {lang === 'hi' ? p.nameHi : p.name}
          </Title>
          <Text size="sm" c="dimmed">
            {displayName(p.unit, lang)}
            {p.wing ? ` · ${p.wing}` : ''}
          </Text>
        </div>
        {p.canRollOut && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)} data-testid="programme-edit">
              {t('programmes.edit')}
            </Button>
            <Button onClick={() => setRolling(true)} data-testid="programme-rollout">
              {t('programmes.rollOut')}
            </Button>
          </Group>
        )}
      </Group>
      <RolloutJobs jobs={p.rolloutJobs} />
      {p.description && <Text size="sm">{p.description}</Text>}
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {t('programmes.segments')}:
        </Text>
        {p.segments.map((s) => (
          <Badge key={s.key} variant="outline">
            {lang === 'hi' ? s.nameHi : s.name}
          </Badge>
        ))}
      </Group>
      <Select
        label={t('programmes.phase')}
        w={320}
        allowDeselect={false}
        value={String(phase)}
        onChange={(v) => setPhase(Number(v ?? 1))}
        data={p.phases.map((ph) => ({ value: String(ph.number), label: `${ph.number}. ${lang === 'hi' ? ph.nameHi : ph.name}` }))}
        data-testid="programme-phase"
      />
      <Paper withBorder p="sm" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('programmes.progress')}
        </Title>
        <ProgressPanel programmeId={id} phase={phase} state={state} onState={setState} />
      </Paper>
      <Paper withBorder p="sm" radius="md" data-testid="programme-map">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('programmes.map')}
          </Title>
          <SegmentedControl
            size="xs"
            value={mapKind}
            onChange={(v) => setMapKind(v as 'pc' | 'ac')}
            data={[
              { value: 'pc', label: t('programmes.targetPc') },
              { value: 'ac', label: t('programmes.targetAc') },
            ]}
          />
        </Group>
        {map.isError ? (
          <ErrorState error={map.error} onRetry={() => void map.refetch()} />
        ) : (
          <ConstituencyMap
            kind={mapKind}
            state={state ?? undefined}
            values={map.data ?? {}}
            min={-1}
            max={3}
            legendTitle={t('programmes.mapLegend')}
            formatValue={stageName}
            formatTooltip={(a) => `${a.name}: ${a.value === null ? t('programmes.notRolledOut') : stageName(a.value)}`}
            height={380}
          />
        )}
        <Text
          size="xs"
          c="dimmed"
          data-testid="map-count"
          data-count={Object.keys(map.data ?? {}).length}
          data-reported={Object.values(map.data ?? {}).filter((v) => v === 3).length}
        >
          {t('programmes.mapHelp')}
        </Text>
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('programmes.instances')}
        </Title>
        <InstanceList programmeId={id} phase={phase} state={state} />
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('programmes.clusters')}
        </Title>
        <ClustersPanel programmeId={id} phase={phase} canEdit={p.canRollOut} />
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('programmes.history')}
        </Title>
        <HistoryView history={history} subject="unit" />
      </Paper>
      <RolloutModal programme={p} opened={rolling} onClose={() => setRolling(false)} />
      <ProgrammeEditModal programme={p} opened={editing} onClose={() => setEditing(false)} />
    </Stack>
  );
};
