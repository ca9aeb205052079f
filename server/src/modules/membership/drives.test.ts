import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { divideProportionally } from './targets';
import { caller, dayOffset, makeDrive } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

describe('POST /api/v1/drives', () => {
  it('401, 400, 403, 404, 201 — and bad dates or an unknown unit carry the field', async () => {
    const { state, district } = await h.chain();
    const body = {
      name: 'Sadasyata Abhiyan 2026',
      nameHi: 'सदस्यता अभियान 2026',
      unitId: state.id,
      startsOn: dayOffset(-1),
      endsOn: dayOffset(60),
    };
    expect((await call('POST', '/api/v1/drives', undefined, body)).statusCode).toBe(401);
    const bad = await call('POST', '/api/v1/drives', admin, { ...body, endsOn: dayOffset(-5) }, 'hi');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'VALIDATION', field: 'endsOn' });
    expect(bad.json().message).toMatch(/[\u0900-\u097f]/);
    expect((await call('POST', '/api/v1/drives', admin, { ...body, startsOn: '2026-02-30' })).json()).toMatchObject({ field: 'startsOn' });
    expect((await call('POST', '/api/v1/drives', admin, { ...body, activeRuleMinVerified: 0 })).json()).toMatchObject({
      field: 'activeRuleMinVerified',
    });
    const unknown = await call('POST', '/api/v1/drives', admin, { ...body, unitId: 99_999_999 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ field: 'unitId' });
    const entry = (await h.login('data-entry', state.id)).cookie;
    expect((await call('POST', '/api/v1/drives', entry, body)).statusCode).toBe(403);
    const districtAdmin = (await h.login('admin', district.id)).cookie;
    expect((await call('POST', '/api/v1/drives', districtAdmin, body)).statusCode).toBe(404);
    const stateAdmin = (await h.login('admin', state.id)).cookie;
    const ok = await call('POST', '/api/v1/drives', stateAdmin, body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      name: 'Sadasyata Abhiyan 2026',
      nameHi: 'सदस्यता अभियान 2026',
      unit: { id: state.id, level: 'state' },
      activeRuleMinVerified: 25,
      allowSelfEnrol: true,
      isOpen: true,
      actions: { canSetTargets: true, canEnrol: true },
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'membership_drive')
      .where('entity_id', '=', String(ok.json().id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['drive.create']);
  });
});

describe('GET /api/v1/drives and /drives/:id', () => {
  it('shows a drive to its subtree (also to units below it), hides it elsewhere with 404', async () => {
    const { state, district, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const other = await makeDrive(h, admin, (await h.chain()).state.id);
    const boothViewer = (await h.login('viewer', booth.id)).cookie;
    expect((await call('GET', '/api/v1/drives')).statusCode).toBe(401);
    const list = (await call('GET', '/api/v1/drives', boothViewer)).json();
    expect(list.items.map((d: { id: number }) => d.id)).toContain(drive.id);
    expect(list.items.map((d: { id: number }) => d.id)).not.toContain(other.id);
    const one = await call('GET', `/api/v1/drives/${drive.id}`, boothViewer);
    expect(one.statusCode).toBe(200);
    expect(one.json().actions).toEqual({ canSetTargets: false, canEnrol: false });
    const districtEntry = (await h.login('data-entry', district.id)).cookie;
    expect((await call('GET', `/api/v1/drives/${drive.id}`, districtEntry)).json().actions).toEqual({
      canSetTargets: false,
      canEnrol: true,
    });
    expect((await call('GET', `/api/v1/drives/${other.id}`, boothViewer)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/drives/abc', boothViewer)).json()).toMatchObject({ error: 'VALIDATION', field: 'params.id' });
    expect((await call('GET', '/api/v1/drives/99999999', admin)).statusCode).toBe(404);
  });
});

describe('PUT /api/v1/drives/:id/targets', () => {
  it('401, 400, 403, 404, 200 for explicit targets', async () => {
    const { state, district, assembly } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const url = `/api/v1/drives/${drive.id}/targets`;
    const body = { targets: [{ unitId: district.id, target: 5000 }] };
    expect((await call('PUT', url, undefined, body)).statusCode).toBe(401);
    expect((await call('PUT', url, admin, { targets: [{ unitId: district.id, target: -1 }] })).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'targets.0.target',
    });
    expect((await call('PUT', url, admin, { targets: [{ unitId: district.id, target: 1.5 }] })).json()).toMatchObject({
      field: 'targets.0.target',
    });
    expect((await call('PUT', url, admin, {})).json()).toMatchObject({ field: 'targets' });
    const dup = await call('PUT', url, admin, { targets: [body.targets[0], body.targets[0]] });
    expect(dup.json()).toMatchObject({ error: 'VALIDATION', field: 'targets.1.unitId' });
    const elsewhere = (await h.chain()).district;
    expect((await call('PUT', url, admin, { targets: [{ unitId: elsewhere.id, target: 3 }] })).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'targets.0.unitId',
    });
    expect((await call('PUT', url, admin, { targets: [{ unitId: 99_999_999, target: 3 }] })).json()).toMatchObject({
      error: 'NOT_FOUND',
      field: 'targets.0.unitId',
    });
    const entry = (await h.login('data-entry', state.id)).cookie;
    expect((await call('PUT', url, entry, body)).statusCode).toBe(403);
    const assemblyAdmin = (await h.login('admin', assembly.id)).cookie;
    expect((await call('PUT', url, assemblyAdmin, body)).statusCode).toBe(404);
    const districtAdmin = (await h.login('admin', district.id)).cookie;
    const ok = await call('PUT', url, districtAdmin, {
      targets: [
        { unitId: district.id, target: 5000 },
        { unitId: assembly.id, target: 1200 },
      ],
    });
    expect(ok.statusCode).toBe(200);
    const again = await call('PUT', url, districtAdmin, { targets: [{ unitId: assembly.id, target: 1300 }] });
    expect(again.json()).toEqual({ items: [{ unitId: assembly.id, target: 1300 }] });
    const progress = (await call('GET', `/api/v1/drives/${drive.id}/progress?unit=${district.id}`, districtAdmin)).json();
    expect(progress.unit.target).toBe(5000);
    expect(progress.children).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: assembly.id }), target: 1300 })]);
    expect(progress.childTargetSum).toBe(1300);
  });

  it('divides a total among children in proportion to their subtree size; shares sum to the total', async () => {
    const state = await h.unit({ level: 'state' });
    const districts = [];
    for (const booths of [0, 1, 4]) {
      const d = await h.unit({ parentId: state.id, level: 'district' });
      const a = await h.unit({ parentId: d.id, level: 'assembly' });
      for (let i = 0; i < booths; i++) await h.unit({ parentId: a.id, level: 'booth' });
      districts.push(d);
    }
    // Subtree sizes (1 + descendants): 2, 3, 6 → 11 parts.
    const drive = await makeDrive(h, admin, state.id);
    const url = `/api/v1/drives/${drive.id}/targets`;
    expect((await call('PUT', url, admin, { unitId: state.id, total: -10, divideDown: true })).json()).toMatchObject({ field: 'total' });
    expect((await call('PUT', url, admin, { unitId: state.id, divideDown: true })).json()).toMatchObject({ field: 'total' });
    const booth = (await h.chain()).booth;
    const leafDrive = await makeDrive(h, admin, booth.id);
    expect(
      (await call('PUT', `/api/v1/drives/${leafDrive.id}/targets`, admin, { unitId: booth.id, total: 10, divideDown: true })).json(),
    ).toMatchObject({
      error: 'VALIDATION',
      field: 'unitId',
    });
    const res = await call('PUT', url, admin, { unitId: state.id, total: 1000, divideDown: true });
    expect(res.statusCode).toBe(200);
    const items: { unitId: number; target: number }[] = res.json().items;
    expect(items[0]).toEqual({ unitId: state.id, target: 1000 });
    const shares = items.slice(1);
    expect(shares.map((s) => s.unitId).sort()).toEqual(districts.map((d) => d.id).sort());
    expect(shares.reduce((s, x) => s + x.target, 0)).toBe(1000);
    const byId = new Map(shares.map((s) => [s.unitId, s.target]));
    expect(districts.map((d) => byId.get(d.id))).toEqual([182, 273, 545]);
    const progress = (await call('GET', `/api/v1/drives/${drive.id}/progress`, admin)).json();
    expect(progress.unit.target).toBe(1000);
    expect(progress.childTargetSum).toBe(1000);
  });

  it('largest-remainder division is exact for awkward totals and falls back to equal shares', () => {
    for (const [total, weights] of [
      [10, [1, 1, 1]],
      [7, [5, 0, 2, 9]],
      [1, [3, 3]],
      [0, [1, 2]],
      [999_999_937, [13, 7, 1, 1, 2]],
    ] as [number, number[]][]) {
      const shares = divideProportionally(total, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      expect(shares.every((s) => s >= 0)).toBe(true);
    }
    expect(divideProportionally(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(divideProportionally(5, [0, 0])).toEqual([3, 2]);
  });
});
