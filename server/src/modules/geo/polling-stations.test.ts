import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { importPollingStations } from './polling-stations';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures');
const DEMO = path.resolve(import.meta.dirname, '../../../data/demo-polling-stations.csv');
let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});
const csv = (text: string) => new TextEncoder().encode(text);
const count = async (ac?: string) => {
  let q = h.db.selectFrom('polling_station').select((eb) => eb.fn.countAll<number>().as('n'));
  if (ac) q = q.where('ac_code', '=', ac);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('polling station import', () => {
  it('imports the Karnataka KGIS layout with --state, merging split-polygon duplicates', async () => {
    const r = await importPollingStations(h.ctx, fs.readFileSync(path.join(FIXTURES, 'karnataka-malleshwaram-157.csv')), { defaultState: 'S10' });
    expect(r.errors).toEqual([]);
    expect(r.inserted + r.mergedDuplicates).toBe(214);
    expect(await count('S10-AC-157')).toBe(r.inserted);
    const again = await importPollingStations(h.ctx, fs.readFileSync(path.join(FIXTURES, 'karnataka-malleshwaram-157.csv')), { defaultState: 'S10' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: r.inserted });
    const ps = await h.db.selectFrom('polling_station').selectAll().where('ac_code', '=', 'S10-AC-157').where('part_number', '=', 108).executeTakeFirstOrThrow();
    expect(ps.lat).toBeCloseTo(13.000996, 5);
    expect(ps.name).toMatch(/^B B M P Nursery School/);
  });
  it('imports UP booths in the standard layout; a dry run writes nothing', async () => {
    const bytes = fs.readFileSync(DEMO);
    const before = await count();
    const dry = await importPollingStations(h.ctx, bytes, { dryRun: true });
    expect(dry.errors).toEqual([]);
    expect(dry.inserted).toBeGreaterThan(2000);
    expect(await count()).toBe(before);
    const real = await importPollingStations(h.ctx, bytes);
    expect(real.inserted).toBe(dry.inserted);
    expect(await count('S24-AC-14')).toBeGreaterThan(300);
  });
  it('refuses a missing column, a non-UTF-8 file and an empty file before reading rows', async () => {
    await expect(importPollingStations(h.ctx, csv('state,ac,name\nS24,14,School\n'))).rejects.toMatchObject({ messageKey: 'CSV_MISSING_COLUMN' });
    const latin1 = Uint8Array.from([...csv('state,ac,part,name\nS24,14,9001,'), 0xe9, 0x0a]);
    await expect(importPollingStations(h.ctx, latin1)).rejects.toMatchObject({ messageKey: 'CSV_ENCODING' });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...csv('s\u0000t\u0000')]);
    await expect(importPollingStations(h.ctx, utf16)).rejects.toMatchObject({ messageKey: 'CSV_ENCODING' });
    await expect(importPollingStations(h.ctx, csv('state,ac,part,name\n'))).rejects.toMatchObject({ messageKey: 'CSV_EMPTY' });
  });
  it('reports every bad row and writes nothing when any row is bad', async () => {
    const before = await count();
    const r = await importPollingStations(
      h.ctx,
      csv(
        [
          'State,AC No,Part No,Polling Station Name,lat,lon',
          'S24,14,9001,Good School,29.47,77.70',
          'S24,14,12a,Bad part,,',
          'S24,999,9002,No such AC,,',
          'S99,14,9003,No such state,,',
          'S24,14,9004,,,',
          'S24,14,9005,Far away,95.0,77.7',
          'S24,14,9001,Another name,,',
          'S24,14,9006,"Quoted, with comma",,',
        ].join('\n'),
      ),
    );
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(r.errors[0]?.messages[0]).toContain('12a');
    expect(r.errors[1]?.messages[0]).toContain('999');
    expect(await count()).toBe(before);
  });
  it('reports row errors in Hindi', async () => {
    const r = await importPollingStations({ ...h.ctx, locale: 'hi' }, csv('state,ac,part,name\nS24,14,x,School\n'));
    expect(r.errors[0]?.messages[0]).toMatch(/[\u0900-\u097f]/);
  });
});

describe('POST /api/v1/geo/polling-stations/import', () => {
  const post = (cookie: string | undefined, body: string, query = '') =>
    h.app.inject({ method: 'POST', url: `/api/v1/geo/polling-stations/import${query}`, headers: { 'content-type': 'text/csv', ...(cookie ? { cookie } : {}) }, payload: body });
  it('401, 403 below national admin, 400 with a row report, 200', async () => {
    const good = 'state,ac,part,name\nS24,15,9101,Api School\n';
    expect((await post(undefined, good)).statusCode).toBe(401);
    const stateAdmin = (await h.login('admin')).cookie;
    expect((await post(stateAdmin, good)).statusCode).toBe(403);
    const admin = (await h.login('national-admin')).cookie;
    const bad = await post(admin, 'state,ac,part,name\nS24,15,x,Api School\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'VALIDATION', report: { errors: [{ line: 2 }] } });
    const missing = await post(admin, 'ac,part\n1,2\n');
    expect(missing.json()).toMatchObject({ error: 'VALIDATION', field: 'file' });
    const ok = await post(admin, good, '?dryRun=false');
    expect(ok.json()).toMatchObject({ inserted: 1, errors: [] });
    const json = await h.app.inject({ method: 'POST', url: '/api/v1/geo/polling-stations/import', headers: { cookie: admin }, payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
  });
});
