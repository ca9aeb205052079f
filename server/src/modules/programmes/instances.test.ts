import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { JPEG, PNG } from '../files/test-images';
import { caller, day, haryana, programmeBody } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness({ maxUploadBytes: 64 * 1024 });
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

/** A Haryana programme rolled out to its 10 PCs; returns the instance of PC 5 (linked to a unit) and PC 1. */
const rolledOut = async () => {
  const geo = await haryana(h);
  const pcUnit = await h.unit({ parentId: geo.state.id, level: 'region', geo: 'S07-PC-5' });
  const p = (await call('POST', '/api/v1/programmes', admin, programmeBody(geo.state.id))).json();
  await call('POST', `/api/v1/programmes/${p.id}/rollout`, admin, { target: 'pc', underUnitId: geo.state.id, phase: 1 });
  const list = (await call('GET', `/api/v1/programmes/${p.id}/instances?limit=50`, admin)).json();
  const byKey = (k: string) => list.items.find((i: { targetKey: string }) => i.targetKey === k);
  return { ...geo, pcUnit, programme: p, pc5: byKey('pc:S07-PC-5'), pc1: byKey('pc:S07-PC-1') };
};

const upload = (id: number, cookie: string | undefined, body: Buffer, type = 'image/jpeg', query = '') =>
  h.app.inject({ method: 'POST', url: `/api/v1/programme-instances/${id}/photos${query}`, payload: body, headers: { 'content-type': type, ...(cookie ? { cookie } : {}) } });

describe('programme instances', () => {
  it('PATCH: 401, 400, 404, 403 and 200; the in-charge is a tenure in the person\'s history; team and plan audited', async () => {
    const r = await rolledOut();
    const url = `/api/v1/programme-instances/${r.pc5.id}`;
    const lead = await h.person({ homeUnitId: r.pcUnit.id, nameHi: 'मेहताब चौहान' });
    const member = await h.person({ homeUnitId: r.pcUnit.id });
    expect((await call('PATCH', url, undefined, { venue: 'Hall' })).statusCode).toBe(401);
    expect((await call('PATCH', url, admin, {})).statusCode).toBe(400);
    expect((await call('PATCH', url, admin, { plannedDate: '2026-13-45' })).statusCode).toBe(400);
    expect((await call('PATCH', url, admin, { status: 'planned' })).json()).toMatchObject({ error: 'VALIDATION', field: 'plannedDate' });
    expect((await call('PATCH', url, admin, { status: 'held' })).statusCode).toBe(400);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('PATCH', url, outsider, { venue: 'Hall' })).statusCode).toBe(404);
    expect((await call('PATCH', '/api/v1/programme-instances/99999999', admin, { venue: 'Hall' })).statusCode).toBe(404);
    const viewer = (await h.login('viewer', r.pcUnit.id)).cookie;
    expect((await call('PATCH', url, viewer, { venue: 'Hall' })).statusCode).toBe(403);
    // The PC team's own office bearer runs the instance.
    const local = (await h.login('office-bearer', r.pcUnit.id)).cookie;
    const ok = await call('PATCH', url, local, { inChargePersonId: lead.id, team: [member.id], plannedDate: day(5), venue: 'Town hall, Karnal' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'planned', plannedDate: day(5), venue: 'Town hall, Karnal', inCharge: { id: lead.id }, team: [{ id: member.id }] });
    const tenures = (await call('GET', `/api/v1/people/${lead.id}/tenures`, admin)).json();
    expect(tenures.items).toEqual([expect.objectContaining({ post: 'programme-in-charge', postName: 'In-charge: Dialogue with professionals', postNameHi: 'प्रभारी: प्रबुद्ध वर्ग संवाद', unitId: r.pcUnit.id, isCurrent: true })]);
    // Replacing the in-charge ends the first tenure (kept) and starts another.
    const next = await h.person({ homeUnitId: r.pcUnit.id });
    expect((await call('PATCH', url, local, { inChargePersonId: next.id })).json().inCharge.id).toBe(next.id);
    const again = (await call('GET', `/api/v1/people/${lead.id}/tenures`, admin)).json();
    expect(again.items[0]).toMatchObject({ post: 'programme-in-charge', isCurrent: false, endReason: 'term-ended' });
    const hist = (await call('GET', `${url}/history`, viewer)).json();
    expect(hist.items.map((e: { action: string }) => e.action)).toEqual(['programme.instance.update', 'programme.instance.update']);
    const prog = (await call('GET', `/api/v1/programmes/${r.programme.id}/progress?by=state`, admin)).json();
    expect(prog.total).toMatchObject({ total: 10, notPlanned: 9, planned: 1, vacant: 9 });
    // Cancelling needs a reason; a cancelled instance is final.
    expect((await call('PATCH', `/api/v1/programme-instances/${r.pc1.id}`, admin, { status: 'cancelled' })).json()).toMatchObject({ field: 'cancelReason' });
    const cancelled = await call('PATCH', `/api/v1/programme-instances/${r.pc1.id}`, admin, { status: 'cancelled', cancelReason: 'Floods in the district' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Floods in the district' });
    expect((await call('PATCH', `/api/v1/programme-instances/${r.pc1.id}`, admin, { venue: 'x' })).statusCode).toBe(400);
    const after = (await call('GET', `/api/v1/programmes/${r.programme.id}/progress?by=state`, admin)).json();
    expect(after.total).toMatchObject({ notPlanned: 8, planned: 1, cancelled: 1, vacant: 8 });
  });

  it('POST report: 401, 400 (negative, not a number, unknown segment, future, cancelled), 404, 403 and 200', async () => {
    const r = await rolledOut();
    const url = `/api/v1/programme-instances/${r.pc5.id}/report`;
    const body = { heldOn: day(-1), attendance: { doctors: 40, lawyers: 12 }, notes: 'Good turnout' };
    expect((await call('POST', url, undefined, body)).statusCode).toBe(401);
    expect((await call('POST', url, admin, { ...body, attendance: { doctors: -1 } })).statusCode).toBe(400);
    expect((await call('POST', url, admin, { ...body, attendance: { doctors: 'forty' } })).statusCode).toBe(400);
    expect((await call('POST', url, admin, { ...body, attendance: { doctors: 2.5 } })).statusCode).toBe(400);
    expect((await call('POST', url, admin, { ...body, attendance: { farmers: 3 } })).json()).toMatchObject({ error: 'VALIDATION', field: 'attendance.farmers' });
    expect((await call('POST', url, admin, { ...body, heldOn: day(3) })).json()).toMatchObject({ field: 'heldOn' });
    expect((await call('POST', url, (await h.login('admin', (await h.chain()).state.id)).cookie, body)).statusCode).toBe(404);
    expect((await call('POST', url, (await h.login('viewer', r.state.id)).cookie, body)).statusCode).toBe(403);
    const ok = await call('POST', url, (await h.login('office-bearer', r.pcUnit.id)).cookie, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'reported', heldOn: day(-1), attendance: { doctors: 40, lawyers: 12 }, notes: 'Good turnout' });
    await call('PATCH', `/api/v1/programme-instances/${r.pc1.id}`, admin, { status: 'cancelled', cancelReason: 'Called off' });
    expect((await call('POST', `/api/v1/programme-instances/${r.pc1.id}/report`, admin, body)).json()).toMatchObject({ error: 'VALIDATION' });
    const prog = (await call('GET', `/api/v1/programmes/${r.programme.id}/progress?by=state`, admin)).json();
    expect(prog.total).toMatchObject({ reported: 1, cancelled: 1, notPlanned: 8 });
    const map = (await call('GET', `/api/v1/programmes/${r.programme.id}/map?kind=pc&state=S07`, admin)).json();
    expect(map.values).toMatchObject({ 'S07-PC-5': 3, 'S07-PC-1': -1, 'S07-PC-2': 0 });
  });

  it('report photos: 401, 400, 403, 404, 413, 415 (not an image, lying extension) and 200; served to whoever sees the instance', async () => {
    const r = await rolledOut();
    const id = r.pc5.id;
    expect((await upload(id, undefined, JPEG)).statusCode).toBe(401);
    expect((await upload(id, admin, Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload(id, admin, Buffer.from('not an image at all'), 'image/png')).statusCode).toBe(415);
    expect((await upload(id, admin, PNG, 'image/jpeg')).statusCode).toBe(415);
    expect((await upload(id, admin, JPEG, 'image/jpeg', '?name=photo.png')).statusCode).toBe(415);
    expect((await upload(id, admin, Buffer.alloc(70 * 1024, 1))).statusCode).toBe(413);
    const viewer = (await h.login('viewer', r.pcUnit.id)).cookie;
    expect((await upload(id, viewer, JPEG)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await upload(id, outsider, JPEG)).statusCode).toBe(404);
    const ok = await upload(id, admin, JPEG, 'image/jpeg', '?name=samvad.jpg');
    expect(ok.statusCode).toBe(200);
    const [photo] = ok.json().photos;
    expect((await call('GET', `/api/v1/files/${photo.id}`, viewer)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/files/${photo.id}`, outsider)).statusCode).toBe(404);
    const del = `/api/v1/programme-instances/${id}/photos/${photo.id}`;
    expect((await call('DELETE', del)).statusCode).toBe(401);
    expect((await call('DELETE', del, viewer)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/programme-instances/${id}/photos/99999999`, admin)).statusCode).toBe(404);
    expect((await call('DELETE', del, admin)).json().photos).toHaveLength(0);
    const hist = (await call('GET', `/api/v1/programme-instances/${id}/history`, viewer)).json();
    expect(hist.items.map((e: { action: string }) => e.action)).toEqual(['programme.instance.photo.remove', 'programme.instance.photo.add']);
  });

  it('GET instances and progress: 401/400/404, filters, paging, overdue, and counters equal to a GROUP BY after random changes', async () => {
    const r = await rolledOut();
    const base = `/api/v1/programmes/${r.programme.id}`;
    expect((await call('GET', `${base}/instances`)).statusCode).toBe(401);
    expect((await call('GET', `${base}/instances?status=bogus`, admin)).statusCode).toBe(400);
    expect((await call('GET', `${base}/progress?by=district`, admin)).statusCode).toBe(400);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('GET', `${base}/progress`, outsider)).statusCode).toBe(404);
    expect((await call('GET', `${base}/instances`, outsider)).statusCode).toBe(404);
    const p1 = (await call('GET', `${base}/instances?limit=4`, admin)).json();
    const p2 = (await call('GET', `${base}/instances?limit=4&cursor=${p1.nextCursor}`, admin)).json();
    expect(new Set([...p1.items, ...p2.items].map((i: { id: number }) => i.id)).size).toBe(8);
    // A district's office bearer sees only what is counted in their jurisdiction.
    const pcLocal = (await h.login('viewer', r.pcUnit.id)).cookie;
    expect((await call('GET', `${base}/instances`, pcLocal)).json().items.map((i: { targetKey: string }) => i.targetKey)).toEqual(['pc:S07-PC-5']);
    const ids = (await h.db.selectFrom('programme_instance').select('id').where('programme_id', '=', r.programme.id).orderBy('id').execute()).map((x) => x.id);
    const people = [await h.person({ homeUnitId: r.state.id }), await h.person({ homeUnitId: r.state.id })];
    // A fixed sequence of plan, in-charge, report and cancel moves; the counters must agree with the rows.
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 25; k++) {
      const id = ids[rnd(ids.length)] ?? 0;
      const u = `/api/v1/programme-instances/${id}`;
      const move = rnd(5);
      if (move === 0) await call('PATCH', u, admin, { plannedDate: day(rnd(2) === 0 ? -3 : 4) });
      else if (move === 1) await call('PATCH', u, admin, { inChargePersonId: rnd(3) === 0 ? null : people[rnd(2)]?.id ?? null });
      else if (move === 2) await call('POST', `${u}/report`, admin, { heldOn: day(-1), attendance: { doctors: rnd(50) }, isFinal: rnd(2) === 0 });
      else if (move === 3 && rnd(3) === 0) await call('PATCH', u, admin, { status: 'cancelled', cancelReason: 'Rain' });
      else await call('PATCH', u, admin, { status: 'not-planned' });
    }
    const rows = await h.db.selectFrom('programme_instance').select(['status', 'has_in_charge', 'planned_date']).where('programme_id', '=', r.programme.id).where('phase_id', '=', r.programme.phases[0].id).execute();
    const expected = {
      total: rows.length,
      notPlanned: rows.filter((x) => x.status === 'not-planned').length,
      planned: rows.filter((x) => x.status === 'planned').length,
      held: rows.filter((x) => x.status === 'held').length,
      reported: rows.filter((x) => x.status === 'reported').length,
      cancelled: rows.filter((x) => x.status === 'cancelled').length,
      vacant: rows.filter((x) => (x.status === 'not-planned' || x.status === 'planned') && !x.has_in_charge).length,
      overdue: rows.filter((x) => (x.status === 'not-planned' || x.status === 'planned') && x.planned_date !== null && x.planned_date < day(0)).length,
    };
    const state = (await call('GET', `${base}/progress?by=state`, admin)).json();
    expect(state.total).toEqual(expected);
    expect(state.rows[0].counts).toEqual(expected);
    const tree = (await call('GET', `${base}/progress?by=unit`, admin)).json();
    const sum = (k: 'total' | 'reported' | 'vacant' | 'overdue') => tree.rows.reduce((n: number, x: { counts: Record<string, number> }) => n + (x.counts[k] ?? 0), 0);
    // The PC-5 unit hangs off the state, like the other nine (counted at the state unit itself).
    expect(sum('total')).toBe(1);
    const own = await h.db.selectFrom('rollup_count').select(['total', 's_done', 'vacant']).where('subject', '=', 'programme').where('unit_id', '=', r.state.id).executeTakeFirstOrThrow();
    expect({ total: own.total, reported: own.s_done, vacant: own.vacant }).toEqual({ total: expected.total, reported: expected.reported, vacant: expected.vacant });
    expect(sum('overdue')).toBeLessThanOrEqual(expected.overdue);
    const overdue = (await call('GET', `${base}/instances?status=overdue&limit=100`, admin)).json();
    expect(overdue.items).toHaveLength(expected.overdue);
    const vacant = (await call('GET', `${base}/instances?status=vacant&limit=100`, admin)).json();
    expect(vacant.items).toHaveLength(expected.vacant);
  });
});
