import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

let h: THarness;
let national: string;
beforeAll(async () => {
  h = await createHarness();
  national = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
  h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

describe('levels', () => {
  it('lists the default ladder; a national admin adds a level; others cannot', async () => {
    expect((await call('GET', '/api/v1/levels')).statusCode).toBe(401);
    const viewer = (await h.login('viewer')).cookie;
    const { items } = (await call('GET', '/api/v1/levels', viewer)).json();
    expect(items.map((l: { key: string }) => l.key)).toEqual(['national', 'state', 'region', 'division', 'district', 'assembly', 'mandal', 'shakti-kendra', 'booth']);
    const cluster = { key: 'cluster', rank: 10, name: 'Cluster of states', nameHi: 'राज्य समूह' };
    expect((await call('POST', '/api/v1/levels', national, { ...cluster, key: 'Bad Key' })).json()).toMatchObject({ field: 'key' });
    expect((await call('POST', '/api/v1/levels', (await h.login('admin')).cookie, cluster)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/levels', national, cluster)).statusCode).toBe(201);
    expect((await call('POST', '/api/v1/levels', national, cluster)).statusCode).toBe(409);
    const unit = await call('POST', '/api/v1/units', national, { parentId: h.rootId, level: 'cluster', name: 'North' });
    expect(unit.statusCode).toBe(201);
    const state = await call('POST', '/api/v1/units', national, { parentId: unit.json().id, level: 'state', name: 'Some state' });
    expect(state.statusCode).toBe(201);
  });
});

describe('wings', () => {
  it('creates a parallel tree with its own national unit', async () => {
    expect((await call('GET', '/api/v1/wings')).statusCode).toBe(401);
    const body = { key: 'youth', name: 'Youth wing', nameHi: 'युवा मोर्चा' };
    expect((await call('POST', '/api/v1/wings', (await h.login('admin')).cookie, body)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/wings', national, { ...body, nameHi: '' })).statusCode).toBe(400);
    const created = await call('POST', '/api/v1/wings', national, body);
    expect(created.statusCode).toBe(201);
    expect((await call('POST', '/api/v1/wings', national, body)).statusCode).toBe(409);
    const root = (await call('GET', '/api/v1/units/root?wing=youth', national)).json();
    expect(root).toMatchObject({ id: created.json().rootUnitId, wing: 'youth', level: 'national', parentId: null });
    const { items } = (await call('GET', '/api/v1/wings', national)).json();
    expect(items.map((w: { key: string }) => w.key)).toEqual(['main', 'youth']);
    expect((await call('GET', '/api/v1/units/root?wing=nope', national)).statusCode).toBe(404);
    // A unit cannot move between wings.
    const a = await call('POST', '/api/v1/units', national, { parentId: root.id, level: 'state', name: 'Youth UP' });
    const b = await h.unit({ level: 'state' });
    const move = await h.app.inject({ method: 'PATCH', url: `/api/v1/units/${b.id}`, headers: { cookie: national }, payload: { parentId: a.json().id } });
    expect(move.statusCode).toBe(400);
  });
});

describe('POST /api/v1/units/scaffold', () => {
  it('401, 400, 403, 200', async () => {
    const body = { state: 'S11' };
    expect((await call('POST', '/api/v1/units/scaffold', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/units/scaffold', national, { state: 'Goa' })).json()).toMatchObject({ field: 'state' });
    expect((await call('POST', '/api/v1/units/scaffold', (await h.login('viewer')).cookie, body)).statusCode).toBe(403);
    const ok = await call('POST', '/api/v1/units/scaffold', national, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ states: 1, booths: 0 });
    expect(ok.json().assemblies).toBeGreaterThan(0);
  });
});
