import type { TGeoShapes } from '@samiti/common';
import { MapChart as EMapChart, type MapSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption, VisualMapComponent, type VisualMapComponentOption } from 'echarts/components';
import { type ComposeOption, init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { NO_DATA_COLOUR, PLAIN_COLOUR, type TScaleRange } from './scale';

// Only the map series, its tooltip and legend and the canvas renderer: the rest of ECharts stays out of the bundle.
use([EMapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type TOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

export type TMapChartProps = {
  /** Unique per set of shapes: ECharts keeps registered maps by name. */
  mapName: string;
  shapes: TGeoShapes;
  /** code → value; undefined draws a plain outline map without a legend. */
  values: Record<string, number> | undefined;
  range: TScaleRange;
  /** The legend's labels at its high and low ends. */
  legendEnds: [string, string];
  /** code → the area's tooltip (already escaped HTML). */
  tooltip: (code: string, value: number | null) => string;
  onSelect: ((code: string) => void) | undefined;
  height: number;
  ariaLabel: string;
};

/** The ECharts canvas: its own chunk, loaded only by pages that show a map. */
export const MapChart = ({ mapName, shapes, values, range, legendEnds, tooltip, onSelect, height, ariaLabel }: TMapChartProps) => {
  const el = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef(tooltip);
  tooltipRef.current = tooltip;
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current, undefined, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    chart.on('click', (p) => {
      if (typeof p.name === 'string' && p.name) selectRef.current?.(p.name);
    });
    registerMap(mapName, shapes);
    const hasValues = values !== undefined;
    const option: TOption = {
      animation: false,
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const v = typeof item?.value === 'number' && Number.isFinite(item.value) ? item.value : null;
          return tooltipRef.current(String(item?.name ?? ''), v);
        },
      },
      visualMap: hasValues
        ? {
            type: 'continuous',
            min: range.min,
            max: range.max,
            inRange: { color: range.colours },
            text: legendEnds,
            orient: 'horizontal',
            left: 'center',
            bottom: 4,
            itemHeight: 160,
            textGap: 6,
            itemWidth: 12,
            calculable: false,
            realtime: false,
          }
        : undefined,
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: true,
          scaleLimit: { min: 0.8, max: 20 },
          layoutCenter: ['50%', hasValues ? '46%' : '50%'],
          layoutSize: hasValues ? '88%' : '96%',
          selectedMode: false,
          label: { show: false },
          itemStyle: { areaColor: hasValues ? NO_DATA_COLOUR : PLAIN_COLOUR, borderColor: '#868e96', borderWidth: 0.4 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#fab005', borderColor: '#495057', borderWidth: 1 } },
          data: Object.entries(values ?? {}).map(([name, value]) => ({ name, value })),
        },
      ],
    };
    chart.setOption(option);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [mapName, shapes, values, range, legendEnds[0], legendEnds[1]]);

  return <div ref={el} role="img" aria-label={ariaLabel} style={{ width: '100%', height, touchAction: 'none' }} data-testid="constituency-map-canvas" />;
};
