/**
 * The shipped shape files (server/data/shapes-*.json) store each ring as integers in units of
 * 10⁻⁴ degree: the first point absolute, every next one as the step from the previous, and no
 * closing point. That is about 7 bytes a point instead of 17, and exact: the shapes are
 * quantised to 4 decimals anyway. Written by server/data/build-shapes.ts, read by the shapes API.
 */

export const SHAPE_SCALE = 1e4;

export type TLonLat = [number, number];

/** A closed ring of 4-decimal [lon, lat] points → [x0, y0, dx1, dy1, …] without the closing point. */
export const encodeRing = (ring: TLonLat[]): number[] => {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  const n = ring.length > 1 && ring[0]?.[0] === ring[ring.length - 1]?.[0] && ring[0]?.[1] === ring[ring.length - 1]?.[1] ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) {
    const [lon, lat] = ring[i] as TLonLat;
    const x = Math.round(lon * SHAPE_SCALE);
    const y = Math.round(lat * SHAPE_SCALE);
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
};

const toDegrees = (v: number): number => {
  const d = v / SHAPE_SCALE;
  return Number(d.toFixed(4));
};

/** The inverse of `encodeRing`: a closed GeoJSON ring. */
export const decodeRing = (deltas: number[]): TLonLat[] => {
  const ring: TLonLat[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < deltas.length; i += 2) {
    x += deltas[i] as number;
    y += deltas[i + 1] as number;
    ring.push([toDegrees(x), toDegrees(y)]);
  }
  const first = ring[0];
  if (first) ring.push([first[0], first[1]]);
  return ring;
};
