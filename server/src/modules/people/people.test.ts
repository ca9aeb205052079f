import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: object, lang?: string) =>
  h.app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) } });
const consent = { purpose: 'party membership records', date: '2026-02-01', method: 'verbal' };

describe('POST /api/v1/people', () => {
  it('401, 400, 403, 404, 201 — and the phone is stored in E.164 with a derived Hindi name', async () => {
    const { booth, district } = await h.chain();
    const body = { name: 'Mehtab Chauhan', phone: '098765-43210', epic: 'abc1234567', homeUnitId: booth.id, consent };
    expect((await call('POST', '/api/v1/people', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/people', admin, { ...body, consent: undefined })).json()).toMatchObject({ error: 'VALIDATION', field: 'consent' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', '/api/v1/people', viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('data-entry', (await h.chain()).district.id)).cookie;
    expect((await call('POST', '/api/v1/people', outsider, body)).statusCode).toBe(404);
    const entry = (await h.login('data-entry', district.id)).cookie;
    const res = await call('POST', '/api/v1/people', entry, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ phone: '+919876543210', epic: 'ABC1234567', name: 'Mehtab Chauhan', derivedName: 'nameHi', isContactMasked: false });
    expect(res.json().nameHi).toMatch(/[\u0900-\u097f]/);
  });
  it('returns 409 with the existing id for the same phone in another format, or the same EPIC', async () => {
    const first = await h.person({ phone: '+91 91234 56789', epic: 'XYZ7654321' });
    const { booth } = await h.chain();
    const again = await call('POST', '/api/v1/people', admin, { name: 'Other', phone: '9123456789', homeUnitId: booth.id, consent });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'CONFLICT', existingId: first.id, field: 'phone' });
    const byEpic = await call('POST', '/api/v1/people', admin, { name: 'Other', phone: h.phone(), epic: 'xyz 765 4321', homeUnitId: booth.id, consent });
    expect(byEpic.json()).toMatchObject({ error: 'CONFLICT', existingId: first.id, field: 'epic' });
  });
  it('refuses malformed phone, EPIC, dates and names with the field and a reason in the user language', async () => {
    const { booth } = await h.chain();
    const base = { name: 'A', phone: h.phone(), homeUnitId: booth.id, consent };
    const short = await call('POST', '/api/v1/people', admin, { ...base, phone: '98765' }, 'hi');
    expect(short.json()).toMatchObject({ error: 'VALIDATION', field: 'phone' });
    expect(short.json().message).toMatch(/[\u0900-\u097f]/);
    expect((await call('POST', '/api/v1/people', admin, { ...base, phone: '5876543210' })).json()).toMatchObject({ field: 'phone' });
    expect((await call('POST', '/api/v1/people', admin, { ...base, epic: 'AB1234567' })).json()).toMatchObject({ field: 'epic' });
    expect((await call('POST', '/api/v1/people', admin, { ...base, consent: { ...consent, date: '2026-13-45' } })).json()).toMatchObject({ field: 'consent.date' });
    expect((await call('POST', '/api/v1/people', admin, { ...base, name: undefined })).json()).toMatchObject({ field: 'name' });
    expect((await call('POST', '/api/v1/people', admin, { ...base, religion: 'x' })).statusCode).toBe(201);
    const row = await h.db.selectFrom('person').selectAll().where('phone', '=', `+91${base.phone}`).executeTakeFirstOrThrow();
    expect(Object.keys(row).some((k) => /religion|caste/.test(k))).toBe(false);
  });
});

describe('search, masking, jurisdiction', () => {
  it('finds a person by either script and spelling, and by phone in any format', async () => {
    const { district, booth } = await h.chain();
    const p = await h.person({ homeUnitId: booth.id, name: 'Mehtab Chauhan', nameHi: 'मेहताब चौहान', phone: '9811122233' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    for (const q of ['मेहताब चौहान', 'Mehtab Chauhan', 'mahtab chauhan', 'Chouhan', '+91 98111 22233', '098111-22233']) {
      const res = (await call('GET', `/api/v1/people?q=${encodeURIComponent(q)}`, viewer)).json();
      expect(res.items.map((i: { id: number }) => i.id), q).toContain(p.id);
    }
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('GET', `/api/v1/people?q=${encodeURIComponent('Mehtab Chauhan')}`, outsider)).json().items.map((i: { id: number }) => i.id)).not.toContain(p.id);
    expect((await call('GET', `/api/v1/people/${p.id}`, outsider)).statusCode).toBe(404);
  });
  it('masks phone and EPIC for viewers and shows them to office bearers of the area', async () => {
    const { district, booth } = await h.chain();
    const p = await h.person({ homeUnitId: booth.id, phone: '9822233344', epic: 'MNO1112223' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('GET', `/api/v1/people/${p.id}`, viewer)).json()).toMatchObject({ phone: '+91 98XXX XX344', epic: 'MNOXXXX223', isContactMasked: true });
    expect((await call('GET', `/api/v1/people?q=9822233344`, viewer)).json().items[0].phone).toBe('+91 98XXX XX344');
    const bearer = (await h.login('office-bearer', district.id)).cookie;
    expect((await call('GET', `/api/v1/people/${p.id}`, bearer)).json()).toMatchObject({ phone: '+919822233344', epic: 'MNO1112223' });
  });
  it('pages the people of a subtree with a cursor', async () => {
    const { district, booth } = await h.chain();
    for (let i = 0; i < 5; i++) await h.person({ homeUnitId: booth.id });
    const p1 = (await call('GET', `/api/v1/people?unit=${district.id}&limit=2`, admin)).json();
    const p2 = (await call('GET', `/api/v1/people?unit=${district.id}&limit=2&cursor=${p1.nextCursor}`, admin)).json();
    const p3 = (await call('GET', `/api/v1/people?unit=${district.id}&limit=2&cursor=${p2.nextCursor}`, admin)).json();
    expect([...p1.items, ...p2.items, ...p3.items]).toHaveLength(5);
    expect(p3.nextCursor).toBeNull();
    expect((await call('GET', `/api/v1/people?cursor=abc`, admin)).statusCode).toBe(400);
    expect((await call('GET', `/api/v1/people`)).statusCode).toBe(401);
  });
});

describe('edit, delete, restore, history', () => {
  it('edits with audit, refuses a phone that belongs to someone else, soft-deletes and restores', async () => {
    const { district, booth } = await h.chain();
    const a = await h.person({ homeUnitId: booth.id });
    const b = await h.person({ homeUnitId: booth.id });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('PATCH', `/api/v1/people/${a.id}`, undefined, { name: 'X' })).statusCode).toBe(401);
    expect((await call('PATCH', `/api/v1/people/${a.id}`, viewer, { name: 'X' })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/people/${a.id}`, admin, {})).statusCode).toBe(400);
    const clash = await call('PATCH', `/api/v1/people/${a.id}`, admin, { phone: b.phone });
    expect(clash.json()).toMatchObject({ error: 'CONFLICT', existingId: b.id });
    const ok = await call('PATCH', `/api/v1/people/${a.id}`, admin, { nameHi: 'अजय कुमार', gender: 'male' });
    expect(ok.json()).toMatchObject({ nameHi: 'अजय कुमार', derivedName: null, gender: 'male' });
    expect((await call('DELETE', `/api/v1/people/${a.id}`, viewer)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/people/${a.id}`, admin)).json().deletedAt).not.toBeNull();
    expect((await call('GET', `/api/v1/people?unit=${district.id}`, admin)).json().items.map((i: { id: number }) => i.id)).not.toContain(a.id);
    expect((await call('POST', `/api/v1/people/${a.id}/restore`, admin)).json().deletedAt).toBeNull();
    const history = (await call('GET', `/api/v1/people/${a.id}/history`, admin)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['person.restore', 'person.delete', 'person.update', 'person.create']);
    expect((await call('GET', `/api/v1/people/${a.id}/history`, undefined)).statusCode).toBe(401);
  });
});
