/**
 * Point-in-shape, dissolving neighbours into one outline, and centroids, for
 * server/data/build-shapes.ts. Planar lon/lat maths, as in shapes-lib.ts.
 */
import { distinctPoints, key, orientShape, ringArea, same, type TPoint, type TPolygon, type TRing, type TShape } from './shapes-lib';

export const pointInRing = (x: number, y: number, ring: TRing): boolean => {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as TPoint;
    const [xj, yj] = ring[j] as TPoint;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
};

export const pointInShape = (x: number, y: number, shape: TShape): boolean =>
  shape.some((poly) => pointInRing(x, y, poly[0] as TRing) && !poly.slice(1).some((h) => pointInRing(x, y, h)));

/**
 * Merges the shapes of neighbouring areas (the PCs of a state) into one outline: every edge two
 * of them share, walked in opposite directions, cancels out; what is left is chained into rings.
 * Holes smaller than `minHole` square degrees (slivers between the source polygons) are dropped.
 */
export const dissolve = (shapes: TShape[], minHole = 0): TShape => {
  const edges = new Map<string, [TPoint, TPoint]>();
  for (const shape of shapes.map(orientShape))
    for (const poly of shape)
      for (const ring of poly)
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i] as TPoint;
          const b = ring[i + 1] as TPoint;
          const back = `${key(b)}>${key(a)}`;
          if (edges.has(back)) edges.delete(back);
          else edges.set(`${key(a)}>${key(b)}`, [a, b]);
        }
  const out = new Map<string, [TPoint, TPoint][]>();
  for (const e of edges.values()) {
    const k = key(e[0]);
    const list = out.get(k) ?? [];
    list.push(e);
    out.set(k, list);
  }
  const rings: TRing[] = [];
  for (const e of edges.values()) {
    const k0 = `${key(e[0])}>${key(e[1])}`;
    if (!edges.has(k0)) continue;
    const ring: TRing = [e[0]];
    let cur: [TPoint, TPoint] | undefined = e;
    while (cur) {
      edges.delete(`${key(cur[0])}>${key(cur[1])}`);
      ring.push(cur[1]);
      if (same(cur[1], ring[0] as TPoint)) break;
      const next: [TPoint, TPoint][] = (out.get(key(cur[1])) ?? []).filter((x) => edges.has(`${key(x[0])}>${key(x[1])}`));
      cur = next[0];
    }
    if (same(ring[0] as TPoint, ring[ring.length - 1] as TPoint) && distinctPoints(ring) >= 3) rings.push(ring);
  }
  const outers = rings.filter((r) => ringArea(r) > 0).sort((a, b) => ringArea(b) - ringArea(a));
  const polys: TShape = outers.map((r) => [r]);
  for (const hole of rings.filter((r) => ringArea(r) < 0)) {
    if (-ringArea(hole) < minHole) continue;
    const [x, y] = hole[0] as TPoint;
    // The smallest outer ring around the hole's first point owns it.
    let owner = -1;
    for (let i = 0; i < outers.length; i++) if (pointInRing(x, y, outers[i] as TRing)) owner = i;
    if (owner >= 0) (polys[owner] as TPolygon).push(hole);
  }
  return polys;
};

/** Area-weighted centroid [lon, lat], longitudes scaled by cos(latitude) so east–west and north–south weigh alike. */
export const centroid = (shape: TShape): TPoint | null => {
  const o = orientShape(shape);
  const ys = o.flatMap((p) => (p[0] ?? []).map((q) => q[1]));
  if (ys.length === 0) return null;
  const k = Math.cos((((Math.min(...ys) + Math.max(...ys)) / 2) * Math.PI) / 180);
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of o)
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x0, y0] = ring[i] as TPoint;
        const [x1, y1] = ring[i + 1] as TPoint;
        const f = x0 * k * y1 - x1 * k * y0;
        a += f;
        cx += (x0 * k + x1 * k) * f;
        cy += (y0 + y1) * f;
      }
  if (a === 0) return null;
  return [cx / (3 * a) / k, cy / (3 * a)];
};

/**
 * A point for the area: its centroid when that lies inside, else the point of a grid over the
 * largest polygon that lies inside and nearest the centroid (a crescent's centroid is in the sea).
 */
export const labelPoint = (shape: TShape): { point: TPoint; isCentroid: boolean } | null => {
  const c = centroid(shape);
  if (!c) return null;
  if (pointInShape(c[0], c[1], shape)) return { point: c, isCentroid: true };
  const largest = [...shape].sort((p, q) => Math.abs(ringArea(q[0] as TRing)) - Math.abs(ringArea(p[0] as TRing)))[0] as TPolygon;
  const outer = largest[0] as TRing;
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const step = Math.max(x1 - x0, y1 - y0) / 64;
  let best: TPoint | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (let x = x0 + step / 2; x < x1; x += step)
    for (let y = y0 + step / 2; y < y1; y += step) {
      if (!pointInShape(x, y, [largest])) continue;
      const d = (x - c[0]) ** 2 + (y - c[1]) ** 2;
      if (d < bestD) [bestD, best] = [d, [x, y]];
    }
  return best ? { point: best, isCentroid: false } : { point: c, isCentroid: true };
};
