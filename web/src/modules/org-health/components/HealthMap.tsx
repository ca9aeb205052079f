import { HEALTH_SIGNALS, HEALTH_THRESHOLD_RULES, type THealthSignalKey } from '@samiti/common';
import { Group, NativeSelect, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConstituencyMap } from '../../../components/ConstituencyMap';
import { ErrorState } from '../../../components/ErrorState';
import { useHealthMap } from '../hooks/useHealth';

/**
 * National view: states; a state: its ACs; a district: the ACs of its subtree only (no district
 * shapes are shipped, so a district is drawn as its ACs). Each area is coloured by the share of its
 * booths whose committee is below the threshold, or by any signal of its unit the user picks; a tap
 * opens that state's or AC's unit.
 */
export const HealthMap = ({
  unitId,
  kind,
  state,
  within = false,
}: {
  unitId: number;
  kind: 'state' | 'ac';
  state?: string;
  within?: boolean;
}) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [by, setBy] = useState<THealthSignalKey | null>(null);
  const map = useHealthMap(unitId, kind, by);
  const values: Record<string, number> = {};
  const units: Record<string, number> = {};
  for (const i of map.data?.items ?? []) {
    units[i.geoCode] = i.unitId;
    const v = by ? i.value : i.weakShare;
    if (v !== null) values[i.geoCode] = v;
  }
  // Darker is more: of weak booths, or of the signal's value (the legend says which way is better).
  const unit = by ? HEALTH_THRESHOLD_RULES[by].unit : 'percent';
  const codes = Object.keys(units);
  // A district's ACs: drawn alone, in the state their codes name ('S24-AC-14' → S24).
  const only = within ? codes : undefined;
  const mapState = within ? (codes[0]?.split('-')[0] ?? state) : state;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="health-map" data-kind={within ? 'district' : kind}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{t(kind === 'state' ? 'health.mapStates' : within ? 'health.mapDistrictAcs' : 'health.mapAcs')}</Text>
          <NativeSelect
            size="xs"
            aria-label={t('health.mapColourBy')}
            data-testid="health-map-by"
            value={by ?? ''}
            onChange={(e) => setBy((e.currentTarget.value || null) as THealthSignalKey | null)}
            data={[
              { value: '', label: t('health.mapWeakBooths') },
              ...HEALTH_SIGNALS.map((k) => ({ value: k, label: t(`health.signal.${k}`) })),
            ]}
          />
        </Group>
        {map.isPending && <Skeleton height={300} />}
        {map.isError && <ErrorState error={map.error} onRetry={() => void map.refetch()} />}
        {map.data && within && codes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('health.mapNoAcs')}
          </Text>
        )}
        {map.data && (!within || codes.length > 0) && (
          <ConstituencyMap
            kind={kind}
            state={mapState}
            only={only}
            values={values}
            min={unit === 'percent' ? 0 : undefined}
            max={unit === 'percent' && by !== 'membership' ? 100 : undefined}
            legendTitle={by ? t(`health.signal.${by}`) : t('health.mapLegend')}
            formatValue={(v) => (unit === 'percent' ? `${v}%` : unit === 'days' ? `${v} ${t('health.days')}` : String(v))}
            onSelect={(code) => {
              const id = units[code];
              if (id) navigate(`/units/${id}?tab=health`);
            }}
            height={360}
          />
        )}
      </Stack>
    </Paper>
  );
};
