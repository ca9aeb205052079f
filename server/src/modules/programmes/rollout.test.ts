import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, haryana, programmeBody } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const newProgramme = async (unitId: number, cookie = admin) => (await call('POST', '/api/v1/programmes', cookie, programmeBody(unitId))).json();

describe('roll-out', () => {
  it('401, 400, 404, 403 and 200: every PC of the state, keyed by PC, linked to a unit where one points at it; a repeat adds nothing', async () => {
    const { state, district } = await haryana(h);
    const pcUnit = await h.unit({ parentId: state.id, level: 'region', name: 'Karnal PC team', geo: 'S07-PC-5' });
    const p = await newProgramme(state.id);
    const url = `/api/v1/programmes/${p.id}/rollout`;
    const body = { target: 'pc', underUnitId: state.id, phase: 1 };
    expect((await call('POST', url, undefined, body)).statusCode).toBe(401);
    expect((await call('POST', url, admin, { ...body, target: 'booths' })).statusCode).toBe(400);
    expect((await call('POST', url, admin, { ...body, phase: 3 })).json()).toMatchObject({ error: 'VALIDATION', field: 'phase' });
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', url, outsider, body)).statusCode).toBe(404);
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', url, viewer, body)).statusCode).toBe(403);
    // An office bearer of a district below sees the programme but may not roll it out.
    const local = (await h.login('office-bearer', district.id)).cookie;
    expect((await call('POST', url, local, body)).statusCode).toBe(403);
    const bearer = (await h.login('office-bearer', state.id)).cookie;
    const res = await call('POST', url, bearer, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 10, existing: 0 });
    expect((await call('POST', url, bearer, body)).json()).toMatchObject({ created: 0, existing: 10 });
    const rows = await h.db.selectFrom('programme_instance').select(['target_key', 'unit_id', 'scope_unit_id', 'state_code']).where('programme_id', '=', p.id).orderBy('id').execute();
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.target_key)).size).toBe(10);
    expect(rows.every((r) => r.state_code === 'S07')).toBe(true);
    expect(rows.find((r) => r.target_key === 'pc:S07-PC-5')).toMatchObject({ unit_id: pcUnit.id, scope_unit_id: pcUnit.id });
    expect(rows.find((r) => r.target_key === 'pc:S07-PC-1')).toMatchObject({ unit_id: null, scope_unit_id: state.id });
    const prog = (await call('GET', `/api/v1/programmes/${p.id}/progress?by=state`, viewer)).json();
    expect(prog.total).toMatchObject({ total: 10, notPlanned: 10, vacant: 10 });
    expect(prog.rows).toEqual([expect.objectContaining({ key: 'S07', name: 'Haryana', counts: expect.objectContaining({ total: 10 }) })]);
    const audit = await h.db.selectFrom('audit_log').select('after').where('action', '=', 'programme.rollout').where('entity_id', '=', String(p.id)).orderBy('id').execute();
    expect(audit.map((a) => (a.after as { created: number }).created)).toEqual([10, 0]);
  });

  it('phase 2 to every AC; a district rolls out only to the ACs of its district', async () => {
    const { state } = await haryana(h);
    const p = await newProgramme(state.id);
    const res = await call('POST', `/api/v1/programmes/${p.id}/rollout`, admin, { target: 'ac', underUnitId: state.id, phase: 2 });
    expect(res.json()).toMatchObject({ created: 90 });
    const linked = await h.db.selectFrom('programme_instance').select(['unit_id']).where('programme_id', '=', p.id).where('target_key', '=', 'ac:S07-AC-1').executeTakeFirstOrThrow();
    expect(linked.unit_id).not.toBeNull();
    const { code } = await h.db.selectFrom('geo_area').select('code').where('kind', '=', 'district').where('state_code', '=', 'S07').orderBy('code').executeTakeFirstOrThrow();
    const district = await h.unit({ parentId: state.id, level: 'district', geo: code });
    const acs = await h.db.selectFrom('geo_ac_district').select('ac_code').where('district_code', '=', code).execute();
    expect(acs.length).toBeGreaterThan(0);
    expect(acs.length).toBeLessThan(90);
    const q = await newProgramme(state.id);
    const d = await call('POST', `/api/v1/programmes/${q.id}/rollout`, admin, { target: 'ac', underUnitId: district.id, phase: 1 });
    expect(d.json()).toMatchObject({ created: acs.length });
  });

  it('every unit of a level under the issuer; a level at or above it is refused, as is a unit outside it', async () => {
    const { state, district, assembly } = await haryana(h);
    const a2 = await h.unit({ parentId: district.id, level: 'assembly', geo: 'S07-AC-2' });
    const p = await newProgramme(district.id);
    const url = `/api/v1/programmes/${p.id}/rollout`;
    expect((await call('POST', url, admin, { target: { level: 'state' }, underUnitId: district.id, phase: 1 })).json()).toMatchObject({ error: 'VALIDATION', field: 'target.level' });
    expect((await call('POST', url, admin, { target: { level: 'district' }, underUnitId: district.id, phase: 1 })).json()).toMatchObject({ field: 'target.level' });
    expect((await call('POST', url, admin, { target: { level: 'nowhere' }, underUnitId: district.id, phase: 1 })).json()).toMatchObject({ field: 'target.level' });
    expect((await call('POST', url, admin, { target: { level: 'booth' }, underUnitId: district.id, phase: 1 })).json()).toMatchObject({ field: 'target' });
    // Rolling out under the state from a district's programme: outside its area.
    expect((await call('POST', url, admin, { target: { level: 'assembly' }, underUnitId: state.id, phase: 1 })).json()).toMatchObject({ field: 'underUnitId' });
    expect((await call('POST', url, admin, { target: { level: 'assembly' }, underUnitId: district.id, phase: 1 })).json()).toMatchObject({ created: 2 });
    const other = await h.unit({ parentId: state.id, level: 'district' });
    expect((await call('POST', url, admin, { target: { unitIds: [other.id] }, underUnitId: district.id, phase: 2 })).json()).toMatchObject({ field: 'target.unitIds' });
    expect((await call('POST', url, admin, { target: { unitIds: [99999999] }, underUnitId: district.id, phase: 2 })).statusCode).toBe(404);
    expect((await call('POST', url, admin, { target: { unitIds: [assembly.id, a2.id, assembly.id] }, underUnitId: district.id, phase: 2 })).json()).toMatchObject({ created: 2 });
    expect((await call('POST', url, admin, { target: { unitIds: [a2.id] }, underUnitId: district.id, phase: 2 })).json()).toMatchObject({ created: 0, existing: 1 });
    const rows = await h.db.selectFrom('programme_instance').select(['state_code', 'scope_unit_id']).where('programme_id', '=', p.id).execute();
    expect(rows.every((r) => r.state_code === 'S07')).toBe(true);
    const tree = (await call('GET', `/api/v1/programmes/${p.id}/progress?by=unit&phase=2`, admin)).json();
    expect(tree.rows.map((r: { key: string; counts: { total: number } }) => [Number(r.key), r.counts.total]).sort()).toEqual([[assembly.id, 1], [a2.id, 1]].sort());
  });

  it('clusters group targets under a cluster in-charge and count them apart', async () => {
    const { state } = await haryana(h);
    const p = await newProgramme(state.id);
    await call('POST', `/api/v1/programmes/${p.id}/rollout`, admin, { target: 'pc', underUnitId: state.id, phase: 1 });
    const lead = await h.person({ homeUnitId: state.id });
    const url = `/api/v1/programmes/${p.id}/clusters`;
    const body = { name: 'North Haryana', targets: ['pc:S07-PC-1', 'pc:S07-PC-2', 'pc:S07-PC-3'], inChargePersonId: lead.id };
    expect((await call('POST', url, undefined, body)).statusCode).toBe(401);
    expect((await call('POST', url, admin, { ...body, targets: ['S07-PC-1'] })).statusCode).toBe(400);
    expect((await call('POST', url, (await h.login('viewer', state.id)).cookie, body)).statusCode).toBe(403);
    expect((await call('POST', url, (await h.login('admin', (await h.chain()).state.id)).cookie, body)).statusCode).toBe(404);
    const c = await call('POST', url, admin, body);
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ targets: 3, inCharge: { id: lead.id } });
    expect((await call('POST', url, admin, { name: 'Again', targets: ['pc:S07-PC-3'] })).json()).toMatchObject({ field: 'targets' });
    // A roll-out after the cluster exists puts the new instances in it too.
    await call('POST', `/api/v1/programmes/${p.id}/rollout`, admin, { target: { unitIds: [state.id] }, underUnitId: state.id, phase: 2 });
    const prog = (await call('GET', `/api/v1/programmes/${p.id}/progress?by=cluster`, admin)).json();
    expect(prog.rows).toEqual([expect.objectContaining({ name: 'North Haryana', counts: expect.objectContaining({ total: 3, vacant: 3 }) })]);
    const tenures = (await call('GET', `/api/v1/people/${lead.id}/tenures`, admin)).json();
    expect(tenures.items.map((t: { post: string }) => t.post)).toContain('cluster-in-charge');
    expect((await call('GET', url, admin)).json().items).toHaveLength(1);
  });
});
