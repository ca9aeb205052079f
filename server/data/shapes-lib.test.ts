import { describe, expect, it } from 'vitest';
import { decodeRing, encodeRing } from '../src/modules/geo/shape-codec';
import { centroid, dissolve, labelPoint, pointInShape } from './shapes-area';
import { douglasPeucker, orientShape, quantise, quantiseShape, ringArea, shapeArea, simplifyLayer, type TPoint, type TRing, type TShape } from './shapes-lib';
import { acCodeFor, compareCodes, pcCodeFor, sameName } from './shapes-match';

/** A closed ring through the given points. */
const ring = (...pts: TPoint[]): TRing => [...pts, pts[0] as TPoint];
/** Undirected edges of a shape, "x,y|x,y". */
const edges = (s: TShape): Set<string> => {
  const out = new Set<string>();
  for (const poly of s)
    for (const r of poly)
      for (let i = 0; i + 1 < r.length; i++) {
        const a = (r[i] as TPoint).join(',');
        const b = (r[i + 1] as TPoint).join(',');
        out.add(a < b ? `${a}|${b}` : `${b}|${a}`);
      }
  return out;
};
const shared = (a: TShape, b: TShape): string[] => [...edges(a)].filter((e) => edges(b).has(e));

// A wiggly border x = 1 (y from 0 to 1) with small bumps, shared by two unit squares side by side.
const border: TPoint[] = Array.from({ length: 11 }, (_, i) => [1 + (i % 2 === 1 ? 0.001 : 0), i / 10] as TPoint);
const left: TShape = orientShape([[ring([0, 0], ...border, [0, 1])]]);
const right: TShape = orientShape([[ring(...[...border].reverse(), [1.5, -0.002], [2, 0], [2, 1])]]);

describe('quantising', () => {
  it('rounds to the given decimals without a negative zero', () => {
    expect(quantise(77.123456, 4)).toBe(77.1235);
    expect(Object.is(quantise(-0.00001, 4), 0)).toBe(true);
  });
  it('drops repeated points and rings that collapse', () => {
    const s = quantiseShape([[ring([0, 0], [0.00001, 0], [1, 0], [1, 1])], [ring([5, 5], [5.00001, 5.00001], [5, 5.00002])]], 4);
    expect(s).toHaveLength(1);
    expect(s[0]?.[0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
  });
  it('round-trips the integer delta encoding exactly', () => {
    const r: TRing = ring([77.1234, 28.5], [77.2, 28.4999], [-0.0001, 0.0002]);
    expect(encodeRing(r)).toEqual([771234, 285000, 766, -1, -772001, -284997]);
    expect(decodeRing(encodeRing(r))).toEqual(r);
  });
});

describe('simplification keeps the topology', () => {
  it('Douglas–Peucker keeps the ends and drops points within the tolerance', () => {
    const line: TPoint[] = [
      [0, 0],
      [1, 0.001],
      [2, 0],
      [3, 1],
    ];
    expect(douglasPeucker(line, 0.01)).toEqual([
      [0, 0],
      [2, 0],
      [3, 1],
    ]);
  });
  it('simplifies a shared border once, so both neighbours keep the same line', () => {
    const [l, r] = simplifyLayer([left, right], 0.01) as [TShape, TShape];
    // The bumps along x = 1 are gone in both, and what is left of the border is identical.
    expect(l.flat(2).length).toBeLessThan(left.flat(2).length);
    expect(shared(l, r).length).toBeGreaterThan(0);
    const onBorder = (s: TShape) => [...edges(s)].filter((e) => e.split('|').every((p) => p.startsWith('1,') || p.startsWith('1.001,')));
    expect(onBorder(l).sort()).toEqual(onBorder(r).sort());
    // The bump on the right square's bottom edge (0.002 out) is removed as well; areas barely move.
    expect(right.flat(2).some(([x]) => x === 1.5)).toBe(true);
    expect(r.flat(2).some(([x]) => x === 1.5)).toBe(false);
    expect(Math.abs(shapeArea(l) - 1)).toBeLessThan(0.01);
  });
  it('simplifies a ring whatever point and direction it is read from', () => {
    const island = ring([0, 0], [1, 0], [1.0001, 0.5], [1, 1], [0, 1]);
    const hole = [...island.slice(2, -1), ...island.slice(0, 2)].reverse();
    hole.push(hole[0] as TPoint);
    const out = simplifyLayer([[[island]], [[ring([-1, -1], [2, -1], [2, 2], [-1, 2]), hole]]], 0.01);
    const a = out[0]?.[0]?.[0] as TRing;
    const h = out[1]?.[0]?.[1] as TRing;
    expect(new Set(a.map((p) => p.join()))).toEqual(new Set(h.map((p) => p.join())));
    expect(a.length).toBeLessThan(island.length);
  });
  it('never collapses a small shape to a line; it keeps its points instead', () => {
    const tiny: TShape = [[ring([0, 0], [0.001, 0], [0.001, 0.001])]];
    const out = simplifyLayer([tiny], 1);
    expect(out[0]?.[0]?.[0]).toHaveLength(4);
    expect(ringArea(out[0]?.[0]?.[0] as TRing)).not.toBe(0);
  });
  it('drops islands below the minimum area but never the largest polygon', () => {
    const big = ring([0, 0], [1, 0], [1, 1], [0, 1]);
    const islet = ring([5, 5], [5.001, 5], [5.001, 5.001], [5, 5.001]);
    expect(simplifyLayer([[[big], [islet]]], 0.01, 1e-4)[0]).toHaveLength(1);
    expect(simplifyLayer([[[islet]]], 0.01, 1e-4)[0]).toHaveLength(1);
  });
});

describe('dissolve, centroids', () => {
  it('merges two neighbours into one outline with their combined area', () => {
    const d = dissolve([left, right]);
    expect(d).toHaveLength(1);
    expect(d[0]).toHaveLength(1);
    expect(shapeArea(d)).toBeCloseTo(shapeArea(left) + shapeArea(right), 9);
    expect(pointInShape(1, 0.5, d)).toBe(true);
  });
  it('keeps a real hole and drops slivers', () => {
    const outer: TShape = orientShape([[ring([0, 0], [4, 0], [4, 4], [0, 4]), ring([1, 1], [2, 1], [2, 2], [1, 2])]]);
    expect(dissolve([outer], 0.1)[0]).toHaveLength(2);
    expect(dissolve([outer], 2)[0]).toHaveLength(1);
  });
  it('puts the centroid of a square at its middle and a label point inside a crescent', () => {
    const c = centroid([[ring([76, 28], [78, 28], [78, 30], [76, 30])]]) as TPoint;
    expect(c[0]).toBeCloseTo(77, 6);
    expect(c[1]).toBeCloseTo(29, 6);
    // A "C": the centroid falls in the opening.
    const cShape: TShape = [[ring([0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3])]];
    const cc = centroid(cShape) as TPoint;
    expect(pointInShape(cc[0], cc[1], cShape)).toBe(false);
    const lp = labelPoint(cShape);
    expect(lp?.isCentroid).toBe(false);
    expect(pointInShape(lp?.point[0] ?? -1, lp?.point[1] ?? -1, cShape)).toBe(true);
  });
});

describe('matching shape keys to our codes', () => {
  const index = { pcs: new Map<string, string>(), acs: new Map([['S01-AC-1', 'Ichchapuram'], ['S29-AC-5', 'x'], ['U08-AC-46', 'x'], ['U09-AC-48', 'Leh'], ['S24-AC-14', 'Muzaffar Nagar']]) };
  it('renumbers PCs as the constituency lists do', () => {
    expect(pcCodeFor(9, 3)).toBe('S24-PC-3');
    expect(pcCodeFor(1, 4)).toBe('U09-PC-1');
    expect(pcCodeFor(1, 3)).toBe('U08-PC-3');
    expect(pcCodeFor(1, 6)).toBe('U08-PC-5');
    expect(pcCodeFor(18, 7)).toBe('S03-PC-5');
    expect(pcCodeFor(25, 1)).toBe('U03-PC-1');
    expect(pcCodeFor(26, 1)).toBe('U03-PC-2');
    expect(pcCodeFor(36, 5)).toBe('S29-PC-5');
    expect(pcCodeFor(37, 1)).toBe('S01-PC-1');
    expect(pcCodeFor(28, 1)).toBeNull();
  });
  it('renumbers ACs and refuses those we do not have', () => {
    expect(acCodeFor('andhrapradesh', 120, index)).toBe('S01-AC-1');
    expect(acCodeFor('andhrapradesh', 1, index)).toBeNull();
    expect(acCodeFor('telangana', 5, index)).toBe('S29-AC-5');
    expect(acCodeFor('jammukashmir', 48, index)).toBe('U09-AC-48');
    expect(acCodeFor('jammukashmir', 46, index)).toBe('U08-AC-46');
    expect(acCodeFor('uttarpradesh', 14, index)).toBe('S24-AC-14');
    expect(acCodeFor('uttarpradesh', 999, index)).toBeNull();
    expect(acCodeFor('chandigarh', 1, index)).toBeNull();
  });
  it('compares names loosely and codes naturally', () => {
    expect(sameName('Muzaffar Nagar', 'MUZAFFARNAGAR')).toBe(true);
    expect(sameName('Gingee', 'Vandavasi')).toBe(false);
    expect(['S24-PC-10', 'S24', 'S01-PC-2', 'S24-PC-2'].sort(compareCodes)).toEqual(['S01-PC-2', 'S24', 'S24-PC-2', 'S24-PC-10']);
  });
});
