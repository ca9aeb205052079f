import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { appoint, endTenure } from './operations';
import { selectCurrentHolders, selectUnitsWithHolder } from './holders';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});

/** A district with two assembly units and a booth under the first, presidents in some of them. */
const setup = async () => {
  const { district: d, assembly: a1, booth } = await h.chain();
  const a2 = await h.unit({ parentId: d.id, level: 'assembly' });
  const { path } = await h.db.selectFrom('unit').select('path').where('id', '=', d.id).executeTakeFirstOrThrow();
  const district = { id: d.id, path };
  const at = (unitId: number, post: string) =>
    h.person({ homeUnitId: unitId }).then((p) => appoint(h.ctx, { unitId, post, personId: p.id, startDate: '2026-01-10' }));
  const dPres = await at(district.id, 'president');
  const a1Pres = await at(a1.id, 'president');
  const a1Sec = await at(a1.id, 'secretary');
  const boothPres = await at(booth.id, 'president');
  return { district, a1, a2, booth, dPres, a1Pres, a1Sec, boothPres };
};

describe('current holders under a unit', () => {
  it('filters by level and post, includes the unit itself only when asked, and skips ended tenures', async () => {
    const s = await setup();
    const all = await selectCurrentHolders(h.db, { underPath: s.district.path }).execute();
    expect(all.map((r) => r.tenure_id).sort()).toEqual([s.a1Pres.id, s.a1Sec.id, s.boothPres.id].sort());
    const withSelf = await selectCurrentHolders(h.db, { underPath: s.district.path, includeSelf: true }).execute();
    expect(withSelf).toHaveLength(4);
    const presidents = await selectCurrentHolders(h.db, { underPath: s.district.path, levels: ['assembly'], posts: ['president'] }).execute();
    expect(presidents.map((r) => r.person_id)).toEqual([s.a1Pres.personId]);
    await endTenure(h.ctx, s.a1Sec.id, { endDate: '2026-02-01', reason: 'resigned' });
    const after = await selectCurrentHolders(h.db, { underPath: s.district.path, levels: ['assembly'] }).execute();
    expect(after.map((r) => r.tenure_id)).toEqual([s.a1Pres.id]);
  });

  it('leaves out deleted people (a post holder cannot be deleted through the API; this guards old rows)', async () => {
    const s = await setup();
    await h.db.updateTable('person').set({ deleted_at: new Date() }).where('id', '=', s.boothPres.personId).execute();
    const rows = await selectCurrentHolders(h.db, { underPath: s.district.path, levels: ['booth'] }).execute();
    expect(rows).toEqual([]);
  });
});

describe('units of a level with the holder of a post', () => {
  it('gives every unit of the level once, with its holder or null when vacant', async () => {
    const s = await setup();
    const rows = await selectUnitsWithHolder(h.db, { underPath: s.district.path, level: 'assembly', post: 'president' }).orderBy('u.id').execute();
    expect(rows.map((r) => [r.unit_id, r.person_id ?? null])).toEqual([
      [s.a1.id, s.a1Pres.personId],
      [s.a2.id, null],
    ]);
  });
});
