import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { importPollingStations } from '../geo/polling-stations';
import { scaffoldUnits } from './scaffold';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
  await importPollingStations(h.ctx, fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo-polling-stations.csv')));
});

describe('scaffold', () => {
  it('builds UP: state, districts, 403 assembly units and one booth per polling station, once', async () => {
    const r = await scaffoldUnits(h.ctx, { state: 'S24' });
    const stations = Number((await h.db.selectFrom('polling_station').select((eb) => eb.fn.countAll<number>().as('n')).where('ac_code', 'like', 'S24-%').executeTakeFirstOrThrow()).n);
    expect(r).toMatchObject({ states: 1, assemblies: 403, booths: stations });
    expect(r.districts).toBeGreaterThan(60);
    const up = await h.db.selectFrom('unit').selectAll().where('geo_code', '=', 'S24').executeTakeFirstOrThrow();
    expect(up.descendant_count).toBe(r.districts + r.assemblies + r.booths);
    expect(up.child_count).toBe(r.districts + (403 - (await h.db.selectFrom('unit').select('id').where('level', '=', 'assembly').where('parent_id', '<>', up.id).execute()).length));
    const root = await h.db.selectFrom('unit').select(['descendant_count', 'child_count']).where('id', '=', h.rootId).executeTakeFirstOrThrow();
    expect(root.descendant_count).toBeGreaterThanOrEqual(up.descendant_count + 1);
    const mzn = await h.db.selectFrom('unit').selectAll().where('geo_code', '=', 'S24-AC-14').executeTakeFirstOrThrow();
    expect(mzn.child_count).toBeGreaterThan(300);
    expect(mzn.path.startsWith(up.path)).toBe(true);
    const booth = await h.db.selectFrom('unit').selectAll().where('parent_id', '=', mzn.id).orderBy('sort_key').limit(1).executeTakeFirstOrThrow();
    expect(booth.name).toMatch(/^Booth 1 - /);
    expect(booth.name_hi).toMatch(/^बूथ 1 - /);
    const again = await scaffoldUnits(h.ctx, { state: 'S24' });
    expect(again).toEqual({ states: 0, districts: 0, assemblies: 0, booths: 0 });
    const audits = await h.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'unit.create').executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBeGreaterThanOrEqual(up.descendant_count + 1);
  });
  it('refuses an unknown state and a weak role, through the API too', async () => {
    await expect(scaffoldUnits(h.ctx, { state: 'S99' })).rejects.toMatchObject({ messageKey: 'UNKNOWN_STATE' });
    await expect(scaffoldUnits(h.ctx, { state: 'S24', wing: 'nope' })).rejects.toMatchObject({ messageKey: 'UNKNOWN_WING' });
  });
});
