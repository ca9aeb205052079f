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

describe('programmes', () => {
  it('POST /programmes: 401, 400, 404, 403 and 201 with phases, segments and an audit row', async () => {
    const { state, district } = await haryana(h);
    expect((await call('POST', '/api/v1/programmes', undefined, programmeBody(state.id))).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/programmes', admin, { ...programmeBody(state.id), segments: [] })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/programmes', admin, programmeBody(state.id, { segments: ['nobody'] }))).json()).toMatchObject({ error: 'VALIDATION', field: 'segments' });
    expect((await call('POST', '/api/v1/programmes', admin, programmeBody(state.id, { wing: 'no-such-wing' }))).json()).toMatchObject({ field: 'wing' });
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', '/api/v1/programmes', outsider, programmeBody(state.id))).statusCode).toBe(404);
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', '/api/v1/programmes', viewer, programmeBody(state.id))).statusCode).toBe(403);
    const bearer = (await h.login('office-bearer', state.id)).cookie;
    const res = await call('POST', '/api/v1/programmes', bearer, programmeBody(state.id));
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ name: 'Dialogue with professionals', nameHi: 'प्रबुद्ध वर्ग संवाद', wing: 'main', canRollOut: true });
    expect(p.phases.map((x: { number: number }) => x.number)).toEqual([1, 2]);
    expect(p.segments.map((s: { key: string }) => s.key)).toEqual(['doctors', 'lawyers', 'teachers']);
    expect(p.counts).toMatchObject({ total: 0, vacant: 0 });
    const audit = await h.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'programme').where('entity_id', '=', String(p.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['programme.create']);
    // A district below sees the state's programme (read-only); an outsider does not.
    const local = (await h.login('office-bearer', district.id)).cookie;
    expect((await call('GET', `/api/v1/programmes/${p.id}`, local)).json()).toMatchObject({ id: p.id, canRollOut: false });
    expect((await call('GET', `/api/v1/programmes/${p.id}`, outsider)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/programmes/${p.id}`)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/programmes/abc', admin)).statusCode).toBe(400);
  });

  it('GET /programmes: visible ones only, searchable in either script, paged by cursor', async () => {
    const { state, district } = await haryana(h);
    const other = await haryana(h);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await call('POST', '/api/v1/programmes', admin, programmeBody(state.id, { name: `Series ${i}` }))).json().id);
    const hidden = (await call('POST', '/api/v1/programmes', admin, programmeBody(other.state.id, { name: 'Series hidden' }))).json().id;
    const local = (await h.login('viewer', district.id)).cookie;
    expect((await call('GET', '/api/v1/programmes')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/programmes?limit=0', local)).statusCode).toBe(400);
    const page1 = (await call('GET', '/api/v1/programmes?limit=2&q=series', local)).json();
    expect(page1.items.map((x: { id: number }) => x.id)).toEqual([ids[2], ids[1]]);
    const page2 = (await call('GET', `/api/v1/programmes?limit=2&q=series&cursor=${page1.nextCursor}`, local)).json();
    expect(page2.items.map((x: { id: number }) => x.id)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();
    const hi = (await call('GET', `/api/v1/programmes?q=${encodeURIComponent('संवाद')}&unitId=${state.id}`, admin)).json();
    expect(hi.items).toHaveLength(3);
    expect((await call('GET', '/api/v1/programmes?q=hidden', local)).json().items).toHaveLength(0);
    expect((await call('GET', '/api/v1/programmes?q=hidden', admin)).json().items.map((x: { id: number }) => x.id)).toEqual([hidden]);
    expect((await call('GET', '/api/v1/programmes?cursor=%%%', admin)).statusCode).toBe(400);
  });

  it('PATCH /programmes/:id: 401, 400, 404, 403 and 200, audited before/after', async () => {
    const { state } = await haryana(h);
    const p = (await call('POST', '/api/v1/programmes', admin, programmeBody(state.id))).json();
    const url = `/api/v1/programmes/${p.id}`;
    expect((await call('PATCH', url, undefined, { name: 'X' })).statusCode).toBe(401);
    expect((await call('PATCH', url, admin, {})).statusCode).toBe(400);
    expect((await call('PATCH', url, admin, { segments: ['nobody'] })).statusCode).toBe(400);
    expect((await call('PATCH', '/api/v1/programmes/99999999', admin, { name: 'X' })).statusCode).toBe(404);
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('PATCH', url, viewer, { name: 'X' })).statusCode).toBe(403);
    const ok = await call('PATCH', url, admin, { name: 'Samvad', segments: ['intellectuals', 'doctors'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Samvad' });
    expect(ok.json().segments.map((s: { key: string }) => s.key)).toEqual(['intellectuals', 'doctors']);
    const hist = await call('GET', `${url}/history`, viewer);
    expect(hist.json().items.map((e: { action: string }) => e.action)).toEqual(['programme.update', 'programme.create']);
    expect((await call('GET', `${url}/history`)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/programmes/x/history', admin)).statusCode).toBe(400);
    expect((await call('GET', `${url}/history`, (await h.login('viewer', (await h.chain()).state.id)).cookie)).statusCode).toBe(404);
    const row = await h.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'programme.update').where('entity_id', '=', String(p.id)).executeTakeFirstOrThrow();
    expect(row.before).toMatchObject({ name: 'Dialogue with professionals', segments: ['doctors', 'lawyers', 'teachers'] });
  });

  it('audience segments: a configurable list; only national admins add to it', async () => {
    expect((await call('GET', '/api/v1/audience-segments')).statusCode).toBe(401);
    const viewer = (await h.login('viewer')).cookie;
    const list = (await call('GET', '/api/v1/audience-segments', viewer)).json();
    expect(list.items.map((s: { key: string }) => s.key)).toContain('women-beneficiaries');
    expect((await call('POST', '/api/v1/audience-segments', admin, { key: 'Bad Key', name: 'x', nameHi: 'x' })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/audience-segments', (await h.login('admin')).cookie, { key: 'farmers', name: 'Farmers', nameHi: 'किसान' })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/audience-segments', admin, { key: 'farmers', name: 'Farmers', nameHi: 'किसान' })).statusCode).toBe(201);
    expect((await call('POST', '/api/v1/audience-segments', admin, { key: 'farmers', name: 'Farmers', nameHi: 'किसान' })).statusCode).toBe(409);
    expect((await call('GET', '/api/v1/audience-segments', viewer)).json().items.map((s: { key: string }) => s.key)).toContain('farmers');
  });
});
