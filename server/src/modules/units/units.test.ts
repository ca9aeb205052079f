import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });

describe('GET /api/v1/units/root and /:id', () => {
  it('401 without a session', async () => {
    expect((await call('GET', '/api/v1/units/root')).statusCode).toBe(401);
    const res = await call('GET', `/api/v1/units/${h.rootId}`);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'UNAUTHENTICATED', requestId: expect.any(String) });
  });
  it('returns the national unit of the main wing', async () => {
    const res = await call('GET', '/api/v1/units/root', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: h.rootId, level: 'national', parentId: null, wing: 'main', nameHi: 'राष्ट्रीय' });
  });
  it('400 for a non-numeric id, 404 for a missing one', async () => {
    expect((await call('GET', '/api/v1/units/abc', admin)).json()).toMatchObject({ error: 'VALIDATION', field: 'params.id' });
    expect((await call('GET', '/api/v1/units/999999999', admin)).statusCode).toBe(404);
  });
  it('404 outside jurisdiction, and the unit with its actions inside', async () => {
    const a = await h.chain();
    const b = await h.chain();
    const viewer = (await h.login('viewer', a.district.id)).cookie;
    expect((await call('GET', `/api/v1/units/${b.district.id}`, viewer)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/units/${a.state.id}`, viewer)).statusCode).toBe(404);
    const res = await call('GET', `/api/v1/units/${a.booth.id}`, viewer);
    expect(res.statusCode).toBe(200);
    expect(res.json().actions).toEqual({ canEdit: false, canCreateChild: false, canMove: false, canDelete: false, canRestore: false });
    const adminRes = await call('GET', `/api/v1/units/${a.booth.id}`, admin);
    expect(adminRes.json().actions).toMatchObject({ canEdit: true, canDelete: true });
  });
});

describe('POST /api/v1/units', () => {
  it('401, 400, 403, 404 and 201', async () => {
    const { district, state } = await h.chain();
    const body = { parentId: district.id, level: 'assembly', name: 'Kairana unit', nameHi: 'कैराना इकाई' };
    expect((await call('POST', '/api/v1/units', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/units', admin, { ...body, name: '' })).json()).toMatchObject({ error: 'VALIDATION', field: 'name' });
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', '/api/v1/units', viewer, body)).json()).toMatchObject({ error: 'FORBIDDEN' });
    const other = await h.chain();
    const otherAdmin = (await h.login('admin', other.state.id)).cookie;
    expect((await call('POST', '/api/v1/units', otherAdmin, body)).statusCode).toBe(404);
    const res = await call('POST', '/api/v1/units', admin, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ parentId: district.id, level: 'assembly', name: 'Kairana unit', nameHi: 'कैराना इकाई', depth: 3 });
    const parent = (await call('GET', `/api/v1/units/${district.id}`, admin)).json();
    expect(parent.childCount).toBe(2);
    const national = (await call('GET', `/api/v1/units/${state.id}`, admin)).json();
    expect(national.descendantCount).toBe(4);
  });
  it('refuses an unknown level, a level not below the parent, a duplicate sibling name, an unknown geography code', async () => {
    const { district } = await h.chain();
    const base = { parentId: district.id, name: 'X unit' };
    const unknown = await call('POST', '/api/v1/units', admin, { ...base, level: 'galaxy' });
    expect(unknown.json()).toMatchObject({ error: 'VALIDATION', field: 'level' });
    expect((await call('POST', '/api/v1/units', admin, { ...base, level: 'state' })).json()).toMatchObject({ error: 'VALIDATION', field: 'level' });
    expect((await call('POST', '/api/v1/units', admin, { ...base, level: 'district' })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/units', admin, { ...base, level: 'mandal', name: 'Same' })).statusCode).toBe(201);
    const dup = await call('POST', '/api/v1/units', admin, { ...base, level: 'mandal', name: 'same' });
    expect(dup.json()).toMatchObject({ error: 'VALIDATION', field: 'name' });
    const geo = await call('POST', '/api/v1/units', admin, { ...base, level: 'assembly', geo: 'S24-AC-999' });
    expect(geo.json()).toMatchObject({ error: 'VALIDATION', field: 'geo' });
    expect(geo.json().message).toContain('S24-AC-999');
    const kind = await call('POST', '/api/v1/units', admin, { ...base, level: 'assembly', geo: 'S24' });
    expect(kind.json()).toMatchObject({ error: 'VALIDATION', field: 'geo' });
    const ok = await call('POST', '/api/v1/units', admin, { ...base, level: 'assembly', geo: 'S24-AC-14', name: 'Muzaffarnagar AC' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().geo).toMatchObject({ code: 'S24-AC-14', kind: 'ac' });
  });
  it('refuses a 500-character name and a 10 MB body cleanly, in Hindi when asked', async () => {
    const { district } = await h.chain();
    const long = await h.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: admin, 'accept-language': 'hi-IN,hi;q=0.9' },
      payload: { parentId: district.id, level: 'mandal', name: 'क'.repeat(500) },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().field).toBe('name');
    expect(long.json().message).toMatch(/[\u0900-\u097f]/);
    const huge = await h.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ parentId: district.id, level: 'mandal', name: 'x', pad: 'y'.repeat(10 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
    const bad = await h.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"parentId":' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('children, ancestors, search', () => {
  it('pages children in order with a cursor and counts them', async () => {
    const { assembly } = await h.chain();
    for (let i = 0; i < 7; i++) await h.unit({ parentId: assembly.id, level: 'mandal', name: `Mandal ${String.fromCharCode(71 - i)}` });
    const page1 = (await call('GET', `/api/v1/units/${assembly.id}/children?limit=3`, admin)).json();
    expect(page1.total).toBe(8);
    expect(page1.items).toHaveLength(3);
    const page2 = (await call('GET', `/api/v1/units/${assembly.id}/children?limit=3&cursor=${page1.nextCursor}`, admin)).json();
    const page3 = (await call('GET', `/api/v1/units/${assembly.id}/children?limit=3&cursor=${page2.nextCursor}`, admin)).json();
    expect(page3.nextCursor).toBeNull();
    const names = [...page1.items, ...page2.items, ...page3.items].map((u: { name: string }) => u.name);
    expect(names).toHaveLength(8);
    expect(names.slice(0, 3)).toEqual(['Mandal A', 'Mandal B', 'Mandal C']);
    expect((await call('GET', `/api/v1/units/${assembly.id}/children?cursor=zzz`, admin)).json()).toMatchObject({ field: 'cursor' });
    expect((await call('GET', `/api/v1/units/${assembly.id}/children?limit=0`, admin)).statusCode).toBe(400);
    expect((await call('GET', `/api/v1/units/${assembly.id}/children`)).statusCode).toBe(401);
  });
  it('lists ancestors root first, only inside jurisdiction', async () => {
    const { state, district, assembly, booth } = await h.chain();
    const all = (await call('GET', `/api/v1/units/${booth.id}/ancestors`, admin)).json();
    expect(all.items.map((u: { id: number }) => u.id)).toEqual([h.rootId, state.id, district.id, assembly.id]);
    const viewer = (await h.login('viewer', district.id)).cookie;
    const some = (await call('GET', `/api/v1/units/${booth.id}/ancestors`, viewer)).json();
    expect(some.items.map((u: { id: number }) => u.id)).toEqual([district.id, assembly.id]);
  });
  it('finds units by name in either script and spelling, within jurisdiction', async () => {
    const { district } = await h.chain();
    const u = await h.unit({ parentId: district.id, level: 'assembly', name: 'Mehtab Nagar', nameHi: 'मेहताब नगर' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    for (const q of ['Mehtab Nagar', 'mahtab', 'मेहताब']) {
      const res = (await call('GET', `/api/v1/units/search?q=${encodeURIComponent(q)}`, viewer)).json();
      expect(res.items.map((i: { id: number }) => i.id), q).toContain(u.id);
    }
    const outsider = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    const none = (await call('GET', `/api/v1/units/search?q=${encodeURIComponent('Mehtab Nagar')}`, outsider)).json();
    expect(none.items.map((i: { id: number }) => i.id)).not.toContain(u.id);
    expect((await call('GET', '/api/v1/units/search?q=', viewer)).statusCode).toBe(400);
  });
});

describe('PATCH, DELETE, restore, history', () => {
  it('renames with audit, moves a subtree, refuses a cycle', async () => {
    const a = await h.chain();
    const b = await h.chain();
    const viewer = (await h.login('viewer', a.state.id)).cookie;
    expect((await call('PATCH', `/api/v1/units/${a.district.id}`, undefined, { name: 'N' })).statusCode).toBe(401);
    expect((await call('PATCH', `/api/v1/units/${a.district.id}`, viewer, { name: 'N' })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/units/${a.district.id}`, admin, {})).statusCode).toBe(400);
    const renamed = await call('PATCH', `/api/v1/units/${a.district.id}`, admin, { name: 'Renamed', nameHi: 'नया नाम' });
    expect(renamed.json()).toMatchObject({ name: 'Renamed', nameHi: 'नया नाम' });
    const cycle = await call('PATCH', `/api/v1/units/${a.district.id}`, admin, { parentId: a.booth.id });
    expect(cycle.json()).toMatchObject({ error: 'VALIDATION', field: 'parentId' });
    const moved = await call('PATCH', `/api/v1/units/${a.assembly.id}`, admin, { parentId: b.district.id });
    expect(moved.statusCode).toBe(200);
    const anc = (await call('GET', `/api/v1/units/${a.booth.id}/ancestors`, admin)).json();
    expect(anc.items.map((u: { id: number }) => u.id)).toEqual([h.rootId, b.state.id, b.district.id, a.assembly.id]);
    expect((await call('GET', `/api/v1/units/${a.state.id}`, admin)).json().descendantCount).toBe(1);
    expect((await call('GET', `/api/v1/units/${b.state.id}`, admin)).json().descendantCount).toBe(5);
    const history = (await call('GET', `/api/v1/units/${a.district.id}/history`, admin)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['unit.update', 'unit.create']);
    expect(history.items[0]).toMatchObject({ before: { name: expect.stringMatching(/^Unit/) }, after: { name: 'Renamed' }, actor: expect.any(String) });
  });
  it('soft-deletes a subtree and restores it', async () => {
    const { state, district, booth } = await h.chain();
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('DELETE', `/api/v1/units/${district.id}`, viewer)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/units/${h.rootId}`, admin)).statusCode).toBe(400);
    const del = await call('DELETE', `/api/v1/units/${district.id}`, admin);
    expect(del.json().deletedAt).not.toBeNull();
    expect((await call('GET', `/api/v1/units/${booth.id}`, admin)).json().deletedAt).not.toBeNull();
    expect((await call('GET', `/api/v1/units/${state.id}/children`, admin)).json().total).toBe(0);
    expect((await call('GET', `/api/v1/units/${state.id}`, admin)).json().descendantCount).toBe(0);
    expect((await call('POST', '/api/v1/units', admin, { parentId: district.id, level: 'mandal', name: 'Z' })).statusCode).toBe(400);
    const restored = await call('POST', `/api/v1/units/${district.id}/restore`, admin);
    expect(restored.json().deletedAt).toBeNull();
    expect((await call('GET', `/api/v1/units/${booth.id}`, admin)).json().deletedAt).toBeNull();
    expect((await call('GET', `/api/v1/units/${state.id}`, admin)).json().descendantCount).toBe(3);
    expect((await call('POST', `/api/v1/units/${district.id}/restore`, admin)).statusCode).toBe(400);
    const history = (await call('GET', `/api/v1/units/${district.id}/history`, admin)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['unit.restore', 'unit.delete', 'unit.create']);
  });
});
