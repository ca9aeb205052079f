import { Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConstituencyMap } from '../../../components/ConstituencyMap';
import { ErrorState } from '../../../components/ErrorState';
import { useHealthMap } from '../hooks/useHealth';

/**
 * National view: states; a state: its ACs, each coloured by the share of its booths whose committee
 * is below the threshold. A tap opens that state's or AC's unit.
 */
export const HealthMap = ({ unitId, kind, state }: { unitId: number; kind: 'state' | 'ac'; state?: string }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const map = useHealthMap(unitId, kind);
  const values: Record<string, number> = {};
  const units: Record<string, number> = {};
  for (const i of map.data?.items ?? []) {
    units[i.geoCode] = i.unitId;
    if (i.weakShare !== null) values[i.geoCode] = i.weakShare;
  }
  return (
    <Paper withBorder radius="md" p="sm" data-testid="health-map">
      <Stack gap="xs">
        <Text fw={600}>{t(kind === 'state' ? 'health.mapStates' : 'health.mapAcs')}</Text>
        {map.isPending && <Skeleton height={300} />}
        {map.isError && <ErrorState error={map.error} onRetry={() => void map.refetch()} />}
        {map.data && (
          <ConstituencyMap
            kind={kind}
            state={state}
            values={values}
            min={0}
            max={100}
            legendTitle={t('health.mapLegend')}
            formatValue={(v) => `${v}%`}
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
