import type { TUnit } from '@samiti/common';
import { Alert, Badge, Group, Paper, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { useUnitHealth } from '../hooks/useHealth';
import { ChildrenHealthTable } from './ChildrenHealthTable';
import { HealthMap } from './HealthMap';
import { ReplacementsPanel } from './ReplacementsPanel';
import { ScorecardsPanel } from './ScorecardsPanel';
import { SignalList } from './SignalList';
import { ThresholdsPanel } from './ThresholdsPanel';

/** The unit's Health tab: verdict with reasons, signals, weekly trend, map (national/state), children, scorecards, replacements. */
export const HealthPanel = ({ unit }: { unit: TUnit }) => {
  const { t } = useTranslation();
  const health = useUnitHealth(unit.id);
  const mapKind = unit.parentId === null ? 'state' : unit.level === 'state' || unit.level === 'district' ? 'ac' : null;
  return (
    <Stack gap="md" data-testid="health-panel">
      {health.isPending && <Skeleton height={160} />}
      {health.isError && <ErrorState error={health.error} onRetry={() => void health.refetch()} />}
      {health.data && (
        <>
          <Alert color={health.data.isWeak ? 'red' : 'green'} variant="light" data-testid="health-verdict" data-weak={health.data.isWeak}>
            <Text fw={600}>{t(health.data.isWeak ? 'health.weakVerdict' : 'health.okVerdict')}</Text>
            {health.data.reasons.map((r) => (
              <Text key={r} size="sm" data-testid="health-reason">
                {r}
              </Text>
            ))}
          </Alert>
          <SignalList signals={health.data.signals} />
          <Paper withBorder radius="md" p="sm" data-testid="health-trend">
            <Text fw={600} mb={4}>
              {t('health.trend')}
            </Text>
            {health.data.trend.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('health.noTrend')}
              </Text>
            ) : (
              <Group gap={4}>
                {health.data.trend.map((p) => (
                  <Tooltip
                    key={p.week}
                    label={`${p.week}: ${p.weak.map((k) => t(`health.signal.${k}`)).join(', ') || t('health.state.ok')}`}
                  >
                    <Badge color={p.isWeak ? 'red' : 'green'} variant="filled" size="xs">
                      {p.week.slice(5)}
                    </Badge>
                  </Tooltip>
                ))}
              </Group>
            )}
          </Paper>
        </>
      )}
      {mapKind && (
        <HealthMap
          unitId={unit.id}
          kind={mapKind}
          state={mapKind === 'ac' && unit.level === 'state' ? (unit.geo?.code ?? undefined) : undefined}
          within={unit.level === 'district'}
        />
      )}
      {unit.childCount > 0 && <ChildrenHealthTable unitId={unit.id} />}
      <ScorecardsPanel unitId={unit.id} canPropose={unit.actions.canEdit} />
      <ReplacementsPanel unitId={unit.id} />
      {unit.parentId === null && <ThresholdsPanel />}
    </Stack>
  );
};
