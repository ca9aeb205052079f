import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

// Every unit endpoint, four ways: no session (401), malformed input (400), a unit outside the
// actor's jurisdiction (404, so ids do not leak), a role too weak for the action (403).
let h: THarness;
let mine: Awaited<ReturnType<THarness['chain']>>;
let theirs: Awaited<ReturnType<THarness['chain']>>;
let viewer: string;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  mine = await h.chain();
  theirs = await h.chain();
  viewer = (await h.login('viewer', mine.state.id)).cookie;
  admin = (await h.login('admin', mine.state.id)).cookie;
});

type TCase = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: (id: number | string) => string; body?: (id: number) => object; write: boolean };
const CASES: Record<string, TCase> = {
  get: { method: 'GET', url: (id) => `/api/v1/units/${id}`, write: false },
  children: { method: 'GET', url: (id) => `/api/v1/units/${id}/children`, write: false },
  ancestors: { method: 'GET', url: (id) => `/api/v1/units/${id}/ancestors`, write: false },
  history: { method: 'GET', url: (id) => `/api/v1/units/${id}/history`, write: false },
  search: { method: 'GET', url: (id) => `/api/v1/units/search?q=unit&under=${id}`, write: false },
  create: { method: 'POST', url: () => '/api/v1/units', body: (id) => ({ parentId: id, level: 'mandal', name: `New ${Math.random()}` }), write: true },
  patch: { method: 'PATCH', url: (id) => `/api/v1/units/${id}`, body: () => ({ name: `Renamed ${Math.random()}` }), write: true },
  delete: { method: 'DELETE', url: (id) => `/api/v1/units/${id}`, write: true },
  restore: { method: 'POST', url: (id) => `/api/v1/units/${id}/restore`, write: true },
};

const send = (c: TCase, id: number | string, cookie?: string, body?: object) =>
  h.app.inject({ method: c.method, url: c.url(id), headers: cookie ? { cookie } : {}, ...(body ? { payload: body } : c.body && typeof id === 'number' ? { payload: c.body(id) } : {}) });

describe.each(Object.entries(CASES))('%s', (_name, c) => {
  it('401 without a session', async () => {
    expect((await send(c, mine.assembly.id)).statusCode).toBe(401);
  });
  it('400 for malformed input', async () => {
    const res = c.method === 'POST' && c.body ? await send(c, 0, admin, { parentId: 'x', level: 'mandal', name: 'n' }) : await send(c, 'abc', admin);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'VALIDATION', field: expect.any(String) });
  });
  it('404 outside jurisdiction, even for an admin', async () => {
    const res = await send(c, theirs.assembly.id, admin);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('NOT_FOUND');
  });
  it(c.write ? '403 for a viewer inside jurisdiction' : '200 for a viewer inside jurisdiction', async () => {
    const res = await send(c, mine.assembly.id, viewer);
    expect(res.statusCode).toBe(c.write ? 403 : 200);
  });
});
