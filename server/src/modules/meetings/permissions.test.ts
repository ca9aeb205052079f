import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, district, heldMeeting } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

describe('every meeting endpoint: 401 without a session, 400 for a bad id, 404 outside jurisdiction, 403 for a viewer writing', () => {
  it('answers the quartet', async () => {
    const s = await district(h);
    const m = await heldMeeting(h, admin, s.district.id);
    const r = (await call('POST', `/api/v1/meetings/${m.id}/resolutions`, admin, { text: 'One' })).json();
    const viewer = (await h.login('viewer', s.district.id)).cookie;
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    const endpoints: { method: TMethod; path: (id: string) => string; body?: object; write: boolean }[] = [
      { method: 'GET', path: (id) => `/api/v1/meetings/${id}`, write: false },
      { method: 'PATCH', path: (id) => `/api/v1/meetings/${id}`, body: { title: 'x' }, write: true },
      { method: 'PUT', path: (id) => `/api/v1/meetings/${id}/minutes`, body: { text: 'x', lang: 'en' }, write: true },
      { method: 'POST', path: (id) => `/api/v1/meetings/${id}/status`, body: { status: 'minutes-approved' }, write: true },
      { method: 'GET', path: (id) => `/api/v1/meetings/${id}/attendance`, write: false },
      { method: 'PUT', path: (id) => `/api/v1/meetings/${id}/attendance`, body: { entries: [{ personId: s.dPres.id, status: 'present' }] }, write: true },
      { method: 'GET', path: (id) => `/api/v1/meetings/${id}/resolutions`, write: false },
      { method: 'POST', path: (id) => `/api/v1/meetings/${id}/resolutions`, body: { text: 'x' }, write: true },
      { method: 'PATCH', path: (id) => `/api/v1/meetings/${id}/resolutions/${r.id}`, body: { text: 'x' }, write: true },
      { method: 'POST', path: (id) => `/api/v1/meetings/${id}/resolutions/${r.id}/withdraw`, body: { reason: 'x' }, write: true },
      { method: 'GET', path: (id) => `/api/v1/meetings/${id}/history`, write: false },
    ];
    for (const e of endpoints) {
      const url = e.path(String(m.id));
      const label = `${e.method} ${url}`;
      expect((await call(e.method, url, undefined, e.body)).statusCode, label).toBe(401);
      expect((await call(e.method, e.path('abc'), admin, e.body)).statusCode, label).toBe(400);
      expect((await call(e.method, url, outsider, e.body)).statusCode, label).toBe(404);
      expect((await call(e.method, url, viewer, e.body)).statusCode, label).toBe(e.write ? 403 : 200);
    }
    // Nothing the refused calls tried was written.
    const after = (await call('GET', `/api/v1/meetings/${m.id}`, admin)).json();
    expect(after).toMatchObject({ title: 'District review', minutes: null, status: 'held', counts: { present: 0 } });
  });
});
