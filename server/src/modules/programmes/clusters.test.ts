import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, day, haryana, programmeBody } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

/** A Haryana programme rolled out to its 10 PCs (phase 1), with a cluster of PC 1–3. */
const setup = async () => {
  const { state, district } = await haryana(h);
  const p = (await call('POST', '/api/v1/programmes', admin, programmeBody(state.id))).json();
  await call('POST', `/api/v1/programmes/${p.id}/rollout`, admin, { target: 'pc', underUnitId: state.id, phase: 1 });
  const c = (
    await call('POST', `/api/v1/programmes/${p.id}/clusters`, admin, {
      name: 'North',
      targets: ['pc:S07-PC-1', 'pc:S07-PC-2', 'pc:S07-PC-3'],
    })
  ).json();
  return { state, district, p, c };
};

/** The cluster's tally rows against a GROUP BY over its instances. */
const expectTallyMatches = async (clusterId: number) => {
  const tally = await h.db
    .selectFrom('programme_tally')
    .select(['phase_id', 'total', 'vacant', 's_not_planned', 's_planned'])
    .where('bucket', '=', `cluster:${clusterId}`)
    .execute();
  const truth = await h.db
    .selectFrom('programme_instance')
    .select(['phase_id'])
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'planned').as('s_planned'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'not-planned').as('s_not_planned'),
    ])
    .where('cluster_id', '=', clusterId)
    .groupBy('phase_id')
    .execute();
  for (const t of truth) {
    const row = tally.find((x) => x.phase_id === t.phase_id);
    expect(row).toMatchObject({ total: Number(t.total), s_planned: Number(t.s_planned), s_not_planned: Number(t.s_not_planned) });
  }
  expect(tally.filter((x) => x.total > 0).length).toBe(truth.length);
};

describe('clusters', () => {
  it("a member outside the programme unit's area is refused on create", async () => {
    const { p } = await setup();
    const url = `/api/v1/programmes/${p.id}/clusters`;
    const other = await h.db
      .selectFrom('geo_area')
      .select('code')
      .where('kind', '=', 'pc')
      .where('state_code', '<>', 'S07')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const res = await call('POST', url, admin, { name: 'Far', targets: ['pc:S07-PC-5', `pc:${other.code}`] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'VALIDATION', field: 'targets' });
    expect(res.json().message).toContain(other.code);
    expect((await call('POST', url, admin, { name: 'Nowhere', targets: ['ac:S07-AC-999'] })).json()).toMatchObject({ field: 'targets' });
    const elsewhere = await h.chain();
    expect((await call('POST', url, admin, { name: 'Unit', targets: [`unit:${elsewhere.district.id}`] })).json()).toMatchObject({
      field: 'targets',
    });
    expect((await h.db.selectFrom('programme_cluster').select('id').where('programme_id', '=', p.id).execute()).length).toBe(1);
  });

  it('PATCH renames and appoints, replaces and ends the in-charge with the tenure history kept: 401, 400, 404, 403, 200', async () => {
    const { state, c } = await setup();
    const url = `/api/v1/programme-clusters/${c.id}`;
    const first = await h.person({ homeUnitId: state.id });
    const second = await h.person({ homeUnitId: state.id });
    expect((await call('PATCH', url, undefined, { name: 'x' })).statusCode).toBe(401);
    expect((await call('PATCH', url, admin, {})).statusCode).toBe(400);
    expect((await call('PATCH', url, admin, { name: '' })).statusCode).toBe(400);
    expect((await call('PATCH', '/api/v1/programme-clusters/99999999', admin, { name: 'x' })).statusCode).toBe(404);
    expect((await call('PATCH', url, (await h.login('admin', (await h.chain()).state.id)).cookie, { name: 'x' })).statusCode).toBe(404);
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('PATCH', url, viewer, { name: 'x' })).statusCode).toBe(403);
    expect((await call('GET', url, viewer)).json()).toMatchObject({ name: 'North', canEdit: false });
    const renamed = await call('PATCH', url, admin, { name: 'North Haryana', nameHi: 'उत्तर हरियाणा', inChargePersonId: first.id });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'North Haryana',
      nameHi: 'उत्तर हरियाणा',
      targets: 3,
      inCharge: { id: first.id },
      canEdit: true,
    });
    const replaced = (await call('PATCH', url, admin, { inChargePersonId: second.id })).json();
    expect(replaced.inCharge).toMatchObject({ id: second.id });
    expect(replaced.inChargeHistory.map((t: { id: number; until: string | null }) => [t.id, t.until === null])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    const ended = (await call('PATCH', url, admin, { inChargePersonId: null })).json();
    expect(ended.inCharge).toBeNull();
    expect(ended.inChargeHistory).toHaveLength(2);
    expect(ended.inChargeHistory.every((t: { until: string | null }) => t.until !== null)).toBe(true);
    const audit = (await call('GET', `${url}/history`, admin)).json().items;
    expect(audit.filter((a: { action: string }) => a.action === 'programme.cluster.update')).toHaveLength(3);
    expect((await call('GET', `/api/v1/people/${first.id}/tenures`, admin)).json().items.map((t: { post: string }) => t.post)).toContain(
      'cluster-in-charge',
    );
  });

  it('members are added and removed with their counts moving; bad members are refused: 401, 400, 404, 403, 200', async () => {
    const { state, p, c } = await setup();
    const url = `/api/v1/programme-clusters/${c.id}/targets`;
    const other = (await call('POST', `/api/v1/programmes/${p.id}/clusters`, admin, { name: 'South', targets: ['pc:S07-PC-9'] })).json();
    expect((await call('POST', url, undefined, { add: ['pc:S07-PC-4'] })).statusCode).toBe(401);
    expect((await call('POST', url, admin, { add: ['S07-PC-4'] })).statusCode).toBe(400);
    expect((await call('POST', url, admin, {})).json()).toMatchObject({ error: 'VALIDATION', field: 'add' });
    expect((await call('POST', url, admin, { add: ['pc:S24-PC-1'] })).json()).toMatchObject({ field: 'targets' });
    expect((await call('POST', url, admin, { add: ['pc:S07-PC-9'] })).json()).toMatchObject({ field: 'targets' });
    expect((await call('POST', url, admin, { remove: ['pc:S07-PC-8'] })).json()).toMatchObject({ field: 'remove' });
    expect(
      (await call('POST', url, (await h.login('admin', (await h.chain()).state.id)).cookie, { add: ['pc:S07-PC-4'] })).statusCode,
    ).toBe(404);
    expect((await call('POST', url, (await h.login('viewer', state.id)).cookie, { add: ['pc:S07-PC-4'] })).statusCode).toBe(403);
    // Plan one instance of the cluster first, so the moving counts are not all alike.
    const pc2 = await h.db
      .selectFrom('programme_instance')
      .select('id')
      .where('programme_id', '=', p.id)
      .where('target_key', '=', 'pc:S07-PC-2')
      .executeTakeFirstOrThrow();
    expect((await call('PATCH', `/api/v1/programme-instances/${pc2.id}`, admin, { plannedDate: day(5) })).json()).toMatchObject({
      status: 'planned',
    });
    const res = await call('POST', url, admin, { add: ['pc:S07-PC-4', 'pc:S07-PC-5'], remove: ['pc:S07-PC-2'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ targets: 4 });
    const prog = (await call('GET', `/api/v1/programmes/${p.id}/progress?by=cluster`, admin)).json();
    expect(prog.rows.find((r: { key: string }) => r.key === String(c.id)).counts).toMatchObject({ total: 4, planned: 0, notPlanned: 4 });
    expect(prog.rows.find((r: { key: string }) => r.key === String(other.id)).counts).toMatchObject({ total: 1 });
    const moved = await h.db
      .selectFrom('programme_instance')
      .select(['target_key', 'cluster_id'])
      .where('programme_id', '=', p.id)
      .where('target_key', 'in', ['pc:S07-PC-2', 'pc:S07-PC-4'])
      .orderBy('target_key')
      .execute();
    expect(moved).toEqual([
      { target_key: 'pc:S07-PC-2', cluster_id: null },
      { target_key: 'pc:S07-PC-4', cluster_id: c.id },
    ]);
    await call('POST', url, admin, { add: ['pc:S07-PC-2'] });
    await expectTallyMatches(c.id);
    await expectTallyMatches(other.id);
    // A later phase's roll-out puts its instances in the cluster of their target.
    await call('POST', `/api/v1/programmes/${p.id}/rollout`, admin, { target: 'pc', underUnitId: state.id, phase: 2 });
    await expectTallyMatches(c.id);
    const page1 = (await call('GET', `${url}?limit=3`, admin)).json();
    expect(page1.items).toHaveLength(3);
    expect(page1.items[0]).toMatchObject({ key: 'pc:S07-PC-1', name: expect.any(String) });
    const page2 = (await call('GET', `${url}?limit=3&cursor=${page1.nextCursor}`, admin)).json();
    expect(page2.items.map((i: { key: string }) => i.key)).toEqual(['pc:S07-PC-4', 'pc:S07-PC-5']);
    expect(page2.nextCursor).toBeNull();
  });

  it('deletes only an empty cluster, keeping its record and ending its in-charge: 401, 400, 404, 403, 204', async () => {
    const { state, p, c } = await setup();
    const lead = await h.person({ homeUnitId: state.id });
    await call('PATCH', `/api/v1/programme-clusters/${c.id}`, admin, { inChargePersonId: lead.id });
    const url = `/api/v1/programme-clusters/${c.id}`;
    expect((await call('DELETE', url)).statusCode).toBe(401);
    const full = await call('DELETE', url, admin);
    expect(full.statusCode).toBe(400);
    expect(full.json()).toMatchObject({ error: 'VALIDATION', message: expect.stringContaining('3') });
    expect((await call('DELETE', url, (await h.login('admin', (await h.chain()).state.id)).cookie)).statusCode).toBe(404);
    expect((await call('DELETE', url, (await h.login('viewer', state.id)).cookie)).statusCode).toBe(403);
    await call('POST', `${url}/targets`, admin, { remove: ['pc:S07-PC-1', 'pc:S07-PC-2', 'pc:S07-PC-3'] });
    expect((await call('DELETE', url, admin)).statusCode).toBe(204);
    expect((await call('GET', url, admin)).statusCode).toBe(404);
    expect((await call('DELETE', url, admin)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/programmes/${p.id}/clusters`, admin)).json().items).toEqual([]);
    const row = await h.db.selectFrom('programme_cluster').select(['deleted_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    const tenure = await h.db.selectFrom('tenure').select(['end_date']).where('programme_cluster_id', '=', c.id).executeTakeFirstOrThrow();
    expect(tenure.end_date).not.toBeNull();
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'programme.cluster.delete')
        .where('entity_id', '=', String(c.id))
        .execute(),
    ).toHaveLength(1);
    // Its former members can join another cluster.
    expect((await call('POST', `/api/v1/programmes/${p.id}/clusters`, admin, { name: 'New', targets: ['pc:S07-PC-1'] })).statusCode).toBe(
      201,
    );
  });

  it('the cluster list is paged', async () => {
    const { p } = await setup();
    await call('POST', `/api/v1/programmes/${p.id}/clusters`, admin, { name: 'Second', targets: ['pc:S07-PC-4'] });
    await call('POST', `/api/v1/programmes/${p.id}/clusters`, admin, { name: 'Third', targets: ['pc:S07-PC-5'] });
    const a = (await call('GET', `/api/v1/programmes/${p.id}/clusters?limit=2`, admin)).json();
    expect(a.items.map((x: { name: string }) => x.name)).toEqual(['North', 'Second']);
    const b = (await call('GET', `/api/v1/programmes/${p.id}/clusters?limit=2&cursor=${a.nextCursor}`, admin)).json();
    expect(b).toMatchObject({ items: [expect.objectContaining({ name: 'Third' })], nextCursor: null });
  });
});
