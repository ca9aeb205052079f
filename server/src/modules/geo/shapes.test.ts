import { gunzipSync } from 'node:zlib';
import type { TGeoShapes } from '@samiti/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { seedCentroids } from '../../db/seed-geo';

let h: THarness;
let cookie: string;
beforeAll(async () => {
  h = await createHarness();
  cookie = (await h.login('viewer')).cookie;
});
const get = (url: string, headers: Record<string, string> = {}, c: string | null = cookie) =>
  h.app.inject({ method: 'GET', url, headers: { ...(c ? { cookie: c } : {}), ...headers } });
const shapes = async (url: string): Promise<TGeoShapes> => {
  const res = await get(url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return res.json() as TGeoShapes;
};

describe('GET /api/v1/geo/shapes/:kind', () => {
  it('401 without a session', async () => {
    expect((await get('/api/v1/geo/shapes/pc', {}, null)).statusCode).toBe(401);
  });
  it('400 for a bad kind or state code, 404 for a state that does not exist', async () => {
    expect((await get('/api/v1/geo/shapes/district')).json()).toMatchObject({ error: 'VALIDATION', field: 'params.kind' });
    expect((await get('/api/v1/geo/shapes/pc?state=UP')).json()).toMatchObject({ error: 'VALIDATION', field: 'querystring.state' });
    expect((await get('/api/v1/geo/shapes/pc?state=S99')).statusCode).toBe(404);
  });
  it('has the 543 PCs of India, and 80 PCs and 403 ACs of Uttar Pradesh, named in both scripts', async () => {
    expect((await shapes('/api/v1/geo/shapes/pc')).features).toHaveLength(543);
    const up = await shapes('/api/v1/geo/shapes/pc?state=S24');
    expect(up.kind).toBe('pc');
    expect(up.features).toHaveLength(80);
    const mzn = up.features.find((f) => f.properties.code === 'S24-PC-3');
    expect(mzn?.properties).toMatchObject({ stateCode: 'S24', name: 'Muzaffarnagar' });
    expect(mzn?.properties.nameHi).toMatch(/^मुज/);
    const pts = mzn?.geometry.coordinates.flat(2) ?? [];
    expect(pts.length).toBeGreaterThan(50);
    expect(pts.every(([lon, lat]) => lon > 77 && lon < 78.5 && lat > 29 && lat < 30)).toBe(true);
    const acs = await shapes('/api/v1/geo/shapes/ac?state=S24');
    expect(acs.features).toHaveLength(403);
    expect(acs.features.every((f) => f.properties.code.startsWith('S24-AC-') && f.properties.nameHi)).toBe(true);
    expect((await shapes('/api/v1/geo/shapes/state')).features).toHaveLength(36);
    expect((await shapes('/api/v1/geo/shapes/state?state=U09')).features.map((f) => f.properties.name)).toEqual(['Ladakh']);
    // A UT without an assembly has an empty AC map, not an error.
    expect((await shapes('/api/v1/geo/shapes/ac?state=U02')).features).toEqual([]);
  });
  it('is gzipped on request and cached by ETag', async () => {
    const plain = await get('/api/v1/geo/shapes/ac?state=S24');
    const zipped = await get('/api/v1/geo/shapes/ac?state=S24', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(zipped.headers.etag).toBe(etag);
    expect(plain.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const again = await get('/api/v1/geo/shapes/ac?state=S24', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect((await get('/api/v1/geo/shapes/ac?state=S24', { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
    expect((await get('/api/v1/geo/shapes/pc?state=S24')).headers.etag).not.toBe(etag);
  });
});

describe('centroids in the geography API', () => {
  it('gives states, PCs and ACs a point, and none where no shape exists', async () => {
    const { items: states } = (await get('/api/v1/geo/states')).json();
    expect(states.find((s: { code: string }) => s.code === 'S24')).toMatchObject({ lat: expect.closeTo(27, 0), lon: expect.closeTo(80.5, 0) });
    const { items: pcs } = (await get('/api/v1/geo/pcs?state=S24')).json();
    expect(pcs.find((p: { number: number }) => p.number === 3)).toMatchObject({ lat: expect.closeTo(29.3, 1), lon: expect.closeTo(77.7, 1) });
    const { items: acs } = (await get('/api/v1/geo/acs?state=S12')).json();
    const indore2 = acs.find((a: { number: number }) => a.number === 206);
    expect(indore2).toMatchObject({ lat: null, lon: null });
    expect(acs.filter((a: { lat: number | null }) => a.lat !== null).length).toBe(acs.length - 4);
  });
  it('gives districts a point in search hits (Muzaffarnagar, LGD 172)', async () => {
    const { items } = (await get(`/api/v1/geo/search?q=${encodeURIComponent('मुजफ्फरनगर')}`)).json();
    expect(items.find((i: { code: string }) => i.code === 'DIST-172')).toMatchObject({ lat: expect.closeTo(29.5, 0), lon: expect.closeTo(77.7, 0) });
  });
  it('seeds them idempotently and repairs a changed one', async () => {
    expect(await seedCentroids(h.db)).toBe(0);
    await h.db.updateTable('geo_area').set({ lat: null, lon: null }).where('code', '=', 'S24-AC-14').execute();
    expect(await seedCentroids(h.db)).toBe(1);
    const row = await h.db.selectFrom('geo_area').select(['lat', 'lon']).where('code', '=', 'S24-AC-14').executeTakeFirstOrThrow();
    expect(row.lat).toBeCloseTo(29.46, 1);
  });
});
