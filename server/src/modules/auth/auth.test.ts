import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});

describe('login, me, logout', () => {
  it('logs in with an httpOnly SameSite cookie and refuses bad credentials with 401', async () => {
    const { username, password } = await h.login('viewer');
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'samiti_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({ username, grants: [{ role: 'viewer', unitId: h.rootId }] });
    const wrong = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
    const nobody = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ghost', password: 'x' } });
    expect(nobody.statusCode).toBe(401);
    const empty = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(empty.statusCode).toBe(400);
  });
  it('me needs a session; logout ends it', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const { cookie } = await h.login('office-bearer');
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ locale: 'en', homeUnitId: h.rootId });
    const out = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'samiti_session=forged' } })).statusCode).toBe(401);
  });
  it('stores the language and answers errors in it', async () => {
    const { cookie } = await h.login('viewer');
    const bad = await h.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: { cookie }, payload: { locale: 'fr' } });
    expect(bad.json()).toMatchObject({ error: 'VALIDATION', field: 'locale' });
    const ok = await h.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: { cookie }, payload: { locale: 'hi' } });
    expect(ok.json().locale).toBe('hi');
    const missing = await h.app.inject({ method: 'GET', url: '/api/v1/units/999999999', headers: { cookie } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/[\u0900-\u097f]/);
  });
});

describe('POST /api/v1/users', () => {
  it('401, 400, 403 for a viewer, 404 outside the admin subtree, 201', async () => {
    const a = await h.chain();
    const b = await h.chain();
    const body = { username: 'district-user', password: 'long-enough-1', role: 'viewer', unitId: a.district.id };
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/users', payload: body })).statusCode).toBe(401);
    const adminA = (await h.login('admin', a.state.id)).cookie;
    const short = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: adminA }, payload: { ...body, password: 'x' } });
    expect(short.json()).toMatchObject({ error: 'VALIDATION', field: 'password' });
    const viewer = (await h.login('viewer', a.state.id)).cookie;
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: viewer }, payload: body })).statusCode).toBe(403);
    const outside = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: adminA }, payload: { ...body, unitId: b.district.id } });
    expect(outside.statusCode).toBe(404);
    const national = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: adminA }, payload: { ...body, role: 'national-admin', unitId: undefined } });
    expect(national.statusCode).toBe(403);
    const ok = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: adminA }, payload: body });
    expect(ok.statusCode).toBe(201);
    const again = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: adminA }, payload: { ...body, username: 'DISTRICT-USER' } });
    expect(again.statusCode).toBe(409);
  });
});

describe('health and docs', () => {
  it('reports the database engine and serves OpenAPI', async () => {
    const health = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', database: h.database.kind });
    const spec = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toEqual(expect.arrayContaining(['/api/v1/units/{id}/children', '/api/v1/geo/search']));
    expect((await h.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
    const unknown = await h.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(unknown.json()).toMatchObject({ error: 'NOT_FOUND' });
  });
});
