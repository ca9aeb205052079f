import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRing } from '../src/modules/geo/shape-codec';
import { pointInShape } from './shapes-area';
import type { TShape } from './shapes-lib';

// The shipped files themselves: coverage, keys and sizes (server/data/build-shapes.ts writes them).
type TShapeFile = { version: number; kind: string; features: { code: string; state: string; polygons: number[][][] }[] };
const read = <T>(name: string): T => JSON.parse(fs.readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as T;
const size = (name: string): number => fs.statSync(new URL(`./${name}`, import.meta.url)).size;
const geo = read<{ states: { code: string }[]; pcs: { stateCode: string; number: number }[]; acs: { stateCode: string; number: number }[] }>(
  'geo-india.json',
);
const pcs = read<TShapeFile>('shapes-pc.json');
const pcsIndia = read<TShapeFile>('shapes-pc-india.json');
const acs = read<TShapeFile>('shapes-ac.json');
const states = read<TShapeFile>('shapes-state.json');
const centroids = new Map(read<{ items: { code: string; lat: number; lon: number }[] }>('centroids.json').items.map((c) => [c.code, c]));
const decode = (f: TShapeFile['features'][number]): TShape => f.polygons.map((p) => p.map(decodeRing));

describe('shipped shapes and centroids', () => {
  it('covers every PC and state, and all ACs but the five without a polygon', () => {
    expect(pcs.features).toHaveLength(543);
    expect(states.features.map((f) => f.code).sort()).toEqual(geo.states.map((s) => s.code).sort());
    const pcCodes = new Set(geo.pcs.map((p) => `${p.stateCode}-PC-${p.number}`));
    expect(pcs.features.every((f) => pcCodes.has(f.code))).toBe(true);
    const acCodes = geo.acs.map((a) => `${a.stateCode}-AC-${a.number}`);
    const shaped = new Set(acs.features.map((f) => f.code));
    expect(acCodes.filter((c) => !shaped.has(c))).toEqual(['S12-AC-205', 'S12-AC-206', 'S12-AC-207', 'S12-AC-208', 'S21-AC-32']);
    expect(pcs.features.filter((f) => f.state === 'S24')).toHaveLength(80);
    expect(acs.features.filter((f) => f.state === 'S24')).toHaveLength(403);
  });
  it('keeps neighbours joined after simplification: no AC of UP has a corner inside another', () => {
    // Simplifying each AC on its own would cut corners differently on the two sides of a border
    // (256 such corners in UP at the same tolerance); simplifying shared borders once leaves none.
    const shapes = acs.features.filter((x) => x.state === 'S24').map(decode);
    const points = shapes.map((s) => s.flat(2));
    const boxes = points.map((pts) => [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))]);
    const vertices = points.map((pts) => new Set(pts.map((p) => p.join())));
    const inside: string[] = [];
    shapes.forEach((_, i) => {
      for (const [x, y] of points[i] ?? []) {
        shapes.forEach((other, j) => {
          const b = boxes[j] as number[];
          if (i === j || x < (b[0] as number) || x > (b[2] as number) || y < (b[1] as number) || y > (b[3] as number)) return;
          if (!vertices[j]?.has(`${x},${y}`) && pointInShape(x, y, other)) inside.push(`${acs.features[i]?.code} ${x},${y}`);
        });
      }
    });
    expect(inside).toEqual([]);
  });
  it('stays within the size budget (PCs ≤ 1 MB, ACs ≤ 4 MB, the all-India PC map half the PCs)', () => {
    expect(size('shapes-pc.json')).toBeLessThan(1_000_000);
    expect(pcsIndia.features.map((f) => f.code)).toEqual(pcs.features.map((f) => f.code));
    expect(size('shapes-pc-india.json')).toBeLessThan(size('shapes-pc.json') * 0.6);
    expect(size('shapes-ac.json')).toBeLessThan(4_000_000);
  });
  it('has a centroid for every state, PC and shaped AC, inside its own shape for Muzaffarnagar', () => {
    for (const f of [...states.features, ...pcs.features, ...acs.features]) expect(centroids.has(f.code), f.code).toBe(true);
    const mzn = centroids.get('S24-PC-3');
    expect(mzn).toBeDefined();
    const shape = decode(pcs.features.find((f) => f.code === 'S24-PC-3') as TShapeFile['features'][number]);
    expect(pointInShape(mzn?.lon ?? 0, mzn?.lat ?? 0, shape)).toBe(true);
    expect(centroids.get('DIST-172')).toMatchObject({ lat: expect.closeTo(29.5, 0) });
  });
});
