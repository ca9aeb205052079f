/** Colour scales of the constituency map. Pure, so they are tested without a browser. */

export type TMapScale = 'sequential' | 'diverging';

/** Light to dark: shares, counts, progress (ColorBrewer "Blues", colour-blind safe). */
export const SEQUENTIAL_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
/** Red through near-white to blue: swing and other signed changes, white at zero (ColorBrewer "RdBu"). */
export const DIVERGING_COLOURS = ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac'];
/** Areas without a value: grey, so "no data" never reads as "zero". */
export const NO_DATA_COLOUR = '#ced4da';
/** Areas of a map drawn without values at all (a plain outline map). */
export const PLAIN_COLOUR = '#dbe4ff';

export type TScaleRange = { min: number; max: number; colours: string[] };

/**
 * The range the colours span. Sequential: from the smallest value to the largest, so small
 * differences still show (pass min 0 / max 100 for shares). Diverging: symmetric around zero, so
 * equal gains and losses get equally strong colours. `min`/`max` override either end; an empty or
 * flat range still spans at least 1.
 */
export const scaleRange = (values: number[], scale: TMapScale, fixed: { min?: number; max?: number } = {}): TScaleRange => {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 1;
  if (scale === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return { min: fixed.min ?? -m, max: fixed.max ?? m, colours: DIVERGING_COLOURS };
  }
  const min = fixed.min ?? lo;
  let max = fixed.max ?? hi;
  if (max <= min) max = min + 1;
  return { min, max, colours: SEQUENTIAL_COLOURS };
};

/** Text safe to put into the tooltip's HTML. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
