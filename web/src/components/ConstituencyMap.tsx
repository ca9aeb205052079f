import type { TGeoShapeKind } from '@samiti/common';
import { Box, Center, Loader, Text } from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { displayName } from '../lib/names';
import { ErrorState } from './ErrorState';
import { escapeHtml, scaleRange, type TMapScale } from './constituency-map/scale';
import { useShapes } from './constituency-map/useShapes';

// ECharts is a few hundred kB: only pages that show a map download it.
const MapChart = lazy(() => import('./constituency-map/MapChart').then((m) => ({ default: m.MapChart })));

/** A short stable name for a subset of areas (ECharts keeps maps by name). */
const mapKey = (s: string): string => {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
};

export type TMapArea = { code: string; name: string; value: number | null };

export type TConstituencyMapProps = {
  /** pc: Lok Sabha seats, ac: assembly seats, state: states and UTs. */
  kind: TGeoShapeKind;
  /** One state (S24), or all of India when omitted. */
  state?: string;
  /** Draw only these areas (e.g. the ACs of one PC); all of the kind and state when omitted. */
  only?: string[];
  /** code (S24-PC-3) → value. Areas without one are grey ("no data"). Omit for a plain map. */
  values?: Record<string, number>;
  /** sequential (default) for shares and counts; diverging (symmetric around 0) for swing. */
  scale?: TMapScale;
  /** Fix either end of the colour range (e.g. 0–100 for a percentage). */
  min?: number;
  max?: number;
  /** What the colours mean: shown above the colour legend and read out as the map's label. */
  legendTitle?: string;
  /** How a value is written in the tooltip and at the legend's ends (default: a number in the UI language). */
  formatValue?: (value: number) => string;
  /** The tooltip's text for an area, plain text; by default its name and value. Names are in the UI language. */
  formatTooltip?: (area: TMapArea) => string;
  /** Called with the area's code when it is clicked or tapped. */
  onSelect?: (code: string) => void;
  /** Canvas height in px (default 420; 320 on narrow screens is a good choice). */
  height?: number;
};

/**
 * A choropleth of constituencies or states from the shipped shapes: pinch or wheel to zoom, drag
 * to pan, tap for the name and value. Any page may use it; nothing in it knows what the values mean.
 */
export const ConstituencyMap = ({
  kind,
  state,
  only,
  values,
  scale = 'sequential',
  min,
  max,
  legendTitle,
  formatValue,
  formatTooltip,
  onSelect,
  height = 420,
}: TConstituencyMapProps) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const fetched = useShapes(kind, state ?? null);
  const onlyKey = only ? [...only].sort().join(',') : '';
  const data = useMemo(() => {
    if (!fetched.data || !onlyKey) return fetched.data;
    const keep = new Set(onlyKey.split(','));
    return { ...fetched.data, features: fetched.data.features.filter((f) => keep.has(f.properties.code)) };
  }, [fetched.data, onlyKey]);
  const shapes = { ...fetched, data };
  const range = useMemo(() => scaleRange(Object.values(values ?? {}), scale, { min, max }), [values, scale, min, max]);
  const names = useMemo(
    () => new Map((shapes.data?.features ?? []).map((f) => [f.properties.code, displayName(f.properties, lang)])),
    [shapes.data, lang],
  );
  const format = useCallback((v: number) => (formatValue ? formatValue(v) : formatNumber(v, lang)), [formatValue, lang]);
  const tooltip = useCallback(
    (code: string, value: number | null) => {
      const area: TMapArea = { code, name: names.get(code) ?? code, value };
      if (formatTooltip) return escapeHtml(formatTooltip(area));
      const shown = values === undefined ? '' : value === null ? t('map.noData') : format(value);
      return `<b>${escapeHtml(area.name)}</b>${shown ? `<br/>${escapeHtml(shown)}` : ''}`;
    },
    [names, formatTooltip, values, t, format],
  );

  if (shapes.isPending) {
    return (
      <Center h={height} data-testid="constituency-map-loading">
        <Loader size="sm" />
      </Center>
    );
  }
  if (shapes.isError || !shapes.data) return <ErrorState error={shapes.error} onRetry={() => void shapes.refetch()} />;
  if (shapes.data.features.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="constituency-map-empty">
        {t('map.noShapes')}
      </Text>
    );
  }
  return (
    <Box data-testid="constituency-map">
      {legendTitle && values !== undefined && (
        <Text size="sm" c="dimmed" ta="center">
          {legendTitle}
        </Text>
      )}
      <Suspense
        fallback={
          <Center h={height}>
            <Loader size="sm" />
          </Center>
        }
      >
        <MapChart
          mapName={`samiti-${kind}-${state ?? 'IN'}${onlyKey ? `-${mapKey(onlyKey)}` : ''}`}
          shapes={shapes.data}
          values={values}
          range={range}
          legendEnds={[format(range.max), format(range.min)]}
          tooltip={tooltip}
          onSelect={onSelect}
          height={height}
          ariaLabel={legendTitle ? t('map.ariaWithLegend', { legend: legendTitle }) : t('map.aria')}
        />
      </Suspense>
      <Text size="xs" c="dimmed" mt={4}>
        {values === undefined ? t('map.hint') : t('map.hintWithData')}
      </Text>
    </Box>
  );
};
