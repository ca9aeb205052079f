import type { TGeoShapeKind } from '@samiti/common';
import { Card, Group, SegmentedControl, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConstituencyMap } from '../../../components/ConstituencyMap';
import { geoPath } from '../paths';

export type TGeoMapLayer = { kind: TGeoShapeKind; label: string; values?: Record<string, number>; legendTitle?: string };

/** A map on a geography page: one layer at a time (PCs or ACs), a tap opens the constituency's page. */
export const GeoMapCard = ({
  title,
  state,
  only,
  layers,
  layer,
  onLayer,
}: {
  title: string;
  state?: string;
  only?: string[];
  layers: TGeoMapLayer[];
  layer: TGeoShapeKind;
  onLayer?: (kind: TGeoShapeKind) => void;
}) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const current = layers.find((l) => l.kind === layer) ?? layers[0];
  if (!current) return null;
  return (
    <Card withBorder padding="sm" data-testid="geo-map">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Text fw={500}>{title}</Text>
        {layers.length > 1 && onLayer && (
          <SegmentedControl
            size="xs"
            aria-label={t('map.layer')}
            value={current.kind}
            onChange={(v) => onLayer(v as TGeoShapeKind)}
            data={layers.map((l) => ({ value: l.kind, label: l.label }))}
          />
        )}
      </Group>
      <ConstituencyMap
        key={`${current.kind}-${state ?? 'IN'}`}
        kind={current.kind}
        state={state}
        only={only}
        values={current.values}
        legendTitle={current.legendTitle}
        onSelect={(code) => navigate(geoPath(code))}
        height={isPhone ? 320 : 460}
      />
    </Card>
  );
};
