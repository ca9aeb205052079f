/**
 * Geometry for server/data/build-shapes.ts: quantising and topology-preserving simplification
 * (shapes-area.ts: dissolving and centroids). Pure functions, planar lon/lat maths:
 * the shapes are for drawing maps and the centroids for distances of tens of kilometres, where
 * a projection would change nothing that matters.
 */

export type TPoint = [number, number];
/** A closed ring: the first point is repeated at the end. */
export type TRing = TPoint[];
/** Outer ring first, then holes. */
export type TPolygon = TRing[];
export type TShape = TPolygon[];

export const key = (p: TPoint): string => `${p[0]},${p[1]}`;

export const quantise = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  const v = Math.round(x * f) / f;
  return v === 0 ? 0 : v; // no "-0" in the output
};

/** Shoelace area in square degrees; positive when the ring runs anticlockwise. */
export const ringArea = (r: TRing): number => {
  let a = 0;
  for (let i = 0; i + 1 < r.length; i++) {
    const p = r[i] as TPoint;
    const q = r[i + 1] as TPoint;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
};

export const shapeArea = (s: TShape): number => s.reduce((t, p) => t + p.reduce((u, r, i) => u + (i === 0 ? 1 : -1) * Math.abs(ringArea(r)), 0), 0);

export const distinctPoints = (r: TRing): number => new Set(r.map(key)).size;

/** Rounds every coordinate, drops repeated points and rings that collapse to fewer than 3 points. */
export const quantiseShape = (shape: TShape, decimals: number): TShape => {
  const out: TShape = [];
  for (const poly of shape) {
    const rings: TPolygon = [];
    for (const [i, ring] of poly.entries()) {
      const r: TRing = [];
      for (const [x, y] of ring) {
        const p: TPoint = [quantise(x, decimals), quantise(y, decimals)];
        const last = r[r.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push(p);
      }
      const first = r[0];
      const last = r[r.length - 1];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) r.push([first[0], first[1]]);
      if (distinctPoints(r) >= 3 && ringArea(r) !== 0) rings.push(r);
      else if (i === 0) break; // no outer ring: the holes mean nothing
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
};

/** Outer rings anticlockwise, holes clockwise (RFC 7946), so neighbours walk a shared edge in opposite directions. */
export const orientShape = (shape: TShape): TShape =>
  shape.map((poly) =>
    poly.map((ring, i) => {
      const ccw = ringArea(ring) > 0;
      return ccw === (i === 0) ? ring : [...ring].reverse();
    }),
  );

const segDist2 = (p: TPoint, a: TPoint, b: TPoint): number => {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - p[0];
  const ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
};

/** Douglas–Peucker on an open line; both ends are kept. A line that starts where it ends is split at its farthest point first. */
export const douglasPeucker = (pts: TPoint[], tolerance: number): TPoint[] => {
  const n = pts.length;
  if (n <= 2) return pts;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [];
  const first = pts[0] as TPoint;
  const last = pts[n - 1] as TPoint;
  if (first[0] === last[0] && first[1] === last[1]) {
    let far = 1;
    let best = -1;
    for (let i = 1; i < n - 1; i++) {
      const d = segDist2(pts[i] as TPoint, first, first);
      if (d > best) [best, far] = [d, i];
    }
    keep[far] = 1;
    stack.push([0, far], [far, n - 1]);
  } else stack.push([0, n - 1]);
  while (stack.length > 0) {
    const [s, e] = stack.pop() as [number, number];
    let idx = -1;
    let best = tol2;
    for (let i = s + 1; i < e; i++) {
      const d = segDist2(pts[i] as TPoint, pts[s] as TPoint, pts[e] as TPoint);
      if (d > best) [best, idx] = [d, i];
    }
    if (idx >= 0) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  return pts.filter((_, i) => keep[i] === 1);
};

const lessThan = (a: TPoint, b: TPoint): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
export const same = (a: TPoint, b: TPoint): boolean => a[0] === b[0] && a[1] === b[1];

/** The direction an arc is simplified in, whichever ring it is read from, so that both neighbours get the same result. */
const isCanonical = (arc: TPoint[]): boolean => {
  const a = arc[0] as TPoint;
  const b = arc[arc.length - 1] as TPoint;
  if (!same(a, b)) return lessThan(a, b);
  return arc.length < 3 || !lessThan(arc[arc.length - 2] as TPoint, arc[1] as TPoint);
};

/**
 * Points where a ring meets a different neighbour: a point seen with two different pairs of
 * neighbouring points. Boundaries between junctions are shared whole or not at all.
 */
export const findJunctions = (shapes: TShape[]): Set<string> => {
  const seen = new Map<string, string>();
  const junctions = new Set<string>();
  for (const shape of shapes)
    for (const poly of shape)
      for (const ring of poly) {
        const n = ring.length - 1;
        for (let i = 0; i < n; i++) {
          const p = key(ring[i] as TPoint);
          const a = key(ring[(i + n - 1) % n] as TPoint);
          const b = key(ring[(i + 1) % n] as TPoint);
          const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
          const prev = seen.get(p);
          if (prev === undefined) seen.set(p, pair);
          else if (prev !== pair) junctions.add(p);
        }
      }
  return junctions;
};

/** A ring cut at its junctions into arcs (each with both end points); a ring with no junction starts at its least point. */
const cutRing = (ring: TRing, junctions: Set<string>): TPoint[][] => {
  const n = ring.length - 1;
  const open = ring.slice(0, n);
  let start = open.findIndex((p) => junctions.has(key(p)));
  const hasJunction = start >= 0;
  if (!hasJunction) {
    start = 0;
    for (let i = 1; i < n; i++) if (lessThan(open[i] as TPoint, open[start] as TPoint)) start = i;
  }
  const rot = [...open.slice(start), ...open.slice(0, start)];
  rot.push(rot[0] as TPoint);
  if (!hasJunction) return [rot];
  const arcs: TPoint[][] = [];
  let cur: TPoint[] = [rot[0] as TPoint];
  for (let i = 1; i < rot.length; i++) {
    const p = rot[i] as TPoint;
    cur.push(p);
    if (junctions.has(key(p))) {
      arcs.push(cur);
      cur = [p];
    }
  }
  return arcs;
};

const arcId = (arc: TPoint[]): string => (isCanonical(arc) ? arc : [...arc].reverse()).map(key).join(';');

const simplifyArc = (arc: TPoint[], tolerance: number): TPoint[] => {
  if (isCanonical(arc)) return douglasPeucker(arc, tolerance);
  return douglasPeucker([...arc].reverse(), tolerance).reverse();
};

/**
 * Simplifies a whole layer (all PCs, all ACs…) so that a border two shapes share stays one line:
 * rings are cut at junctions and each arc is simplified once in a fixed direction. A ring that
 * would collapse keeps its arcs as they were (for it and its neighbours alike). Rings smaller than
 * `minArea` square degrees are dropped, except a shape's largest polygon, so no shape vanishes.
 */
export const simplifyLayer = (shapes: TShape[], tolerance: number, minArea = 0): TShape[] => {
  const junctions = findJunctions(shapes);
  const protectedArcs = new Set<string>();
  const run = (): { out: TShape[]; collapsed: number } => {
    let collapsed = 0;
    const out = shapes.map((shape) => {
      const largest = shape.reduce((best, p, i) => (Math.abs(ringArea(p[0] as TRing)) > Math.abs(ringArea(shape[best]?.[0] as TRing)) ? i : best), 0);
      const polys: TShape = [];
      for (const [pi, poly] of shape.entries()) {
        const rings: TPolygon = [];
        for (const [ri, ring] of poly.entries()) {
          if (Math.abs(ringArea(ring)) < minArea && !(pi === largest && ri === 0)) {
            if (ri === 0) break;
            continue;
          }
          const arcs = cutRing(ring, junctions);
          const r: TRing = [];
          for (const arc of arcs) {
            const s = protectedArcs.has(arcId(arc)) ? arc : simplifyArc(arc, tolerance);
            r.push(...(r.length === 0 ? s : s.slice(1)));
          }
          if (distinctPoints(r) < 3 || ringArea(r) === 0) {
            for (const arc of arcs) protectedArcs.add(arcId(arc));
            collapsed++;
            rings.push(ring);
          } else rings.push(r);
        }
        if (rings.length > 0) polys.push(rings);
      }
      return polys;
    });
    return { out, collapsed };
  };
  const first = run();
  return first.collapsed === 0 ? first.out : run().out;
};
