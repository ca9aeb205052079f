import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
  h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

describe('unit posts and the booth committee', () => {
  it('lists template slots with holders and vacancies; a booth committee counts n of 10', async () => {
    const { booth, district } = await h.chain();
    const empty = (await call('GET', `/api/v1/units/${booth.id}/posts`, admin)).json();
    expect(empty).toMatchObject({ level: 'booth', filled: 0, total: 10, isComplete: false, canAppoint: true });
    expect(empty.slots.map((s: { post: string }) => s.post)).toEqual(['president', 'booth-agent', 'secretary', 'whatsapp-in-charge', 'member']);
    for (let i = 0; i < 6; i++) {
      const p = await h.person({ homeUnitId: booth.id });
      expect((await call('POST', '/api/v1/tenures', admin, { unitId: booth.id, post: 'member', personId: p.id, startDate: '2026-03-01' })).statusCode).toBe(201);
    }
    const seventh = await h.person({ homeUnitId: booth.id });
    const full = await call('POST', '/api/v1/tenures', admin, { unitId: booth.id, post: 'member', personId: seventh.id, startDate: '2026-03-01' });
    expect(full.json()).toMatchObject({ error: 'VALIDATION', field: 'post' });
    for (const post of ['president', 'booth-agent', 'secretary', 'whatsapp-in-charge']) {
      const p = await h.person({ homeUnitId: booth.id });
      await call('POST', '/api/v1/tenures', admin, { unitId: booth.id, post, personId: p.id, startDate: '2026-03-01' });
    }
    const complete = (await call('GET', `/api/v1/units/${booth.id}/posts`, admin)).json();
    expect(complete).toMatchObject({ filled: 10, total: 10, isComplete: true });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('GET', `/api/v1/units/${booth.id}/posts`, viewer)).json().canAppoint).toBe(false);
    expect((await call('GET', `/api/v1/units/${booth.id}/posts`)).statusCode).toBe(401);
    const outsider = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    expect((await call('GET', `/api/v1/units/${booth.id}/posts`, outsider)).statusCode).toBe(404);
  });
});

describe('appoint, end, replace', () => {
  it('401, 400, 403, 404 and 201 for an appointment; an in-charge from elsewhere is marked', async () => {
    const { district, state } = await h.chain();
    const local = await h.person({ homeUnitId: district.id });
    const body = { unitId: district.id, post: 'president', personId: local.id, startDate: '2025-04-01' };
    expect((await call('POST', '/api/v1/tenures', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/tenures', admin, { ...body, startDate: '01/04/2025' })).json()).toMatchObject({ field: 'startDate' });
    expect((await call('POST', '/api/v1/tenures', admin, { ...body, startDate: '2999-01-01' })).json()).toMatchObject({ field: 'startDate' });
    expect((await call('POST', '/api/v1/tenures', admin, { ...body, post: 'king' })).json()).toMatchObject({ field: 'post' });
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', '/api/v1/tenures', viewer, body)).statusCode).toBe(403);
    const outsiderAdmin = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', '/api/v1/tenures', outsiderAdmin, body)).statusCode).toBe(404);
    const ok = await call('POST', '/api/v1/tenures', admin, body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ post: 'president', postNameHi: 'अध्यक्ष', isCurrent: true, isFromOutside: false });
    expect((await call('POST', '/api/v1/tenures', admin, body)).json()).toMatchObject({ field: 'personId' });
    const elsewhere = await h.person();
    const incharge = await call('POST', '/api/v1/tenures', admin, { ...body, post: 'in-charge', personId: elsewhere.id });
    expect(incharge.json()).toMatchObject({ isFromOutside: true });
    const elsewhereAdmin = (await h.login('admin', state.id)).cookie;
    const notVisible = await call('POST', '/api/v1/tenures', elsewhereAdmin, { ...body, post: 'treasurer', personId: (await h.person()).id });
    expect(notVisible.json()).toMatchObject({ error: 'NOT_FOUND', field: 'personId' });
  });

  it('ends a tenure with a reason, keeps it as history, and refuses to rewrite it', async () => {
    const { district } = await h.chain();
    const p = await h.person({ homeUnitId: district.id });
    const t = (await call('POST', '/api/v1/tenures', admin, { unitId: district.id, post: 'president', personId: p.id, startDate: '2020-01-10' })).json();
    expect((await call('POST', `/api/v1/tenures/${t.id}/end`, admin, { endDate: '2019-12-31', reason: 'resigned' })).json()).toMatchObject({ field: 'endDate' });
    expect((await call('POST', `/api/v1/tenures/${t.id}/end`, admin, { endDate: '2024-05-01', reason: 'bored' })).json()).toMatchObject({ field: 'reason' });
    expect((await call('POST', `/api/v1/tenures/${t.id}/end`, undefined, { endDate: '2024-05-01', reason: 'resigned' })).statusCode).toBe(401);
    const ended = await call('POST', `/api/v1/tenures/${t.id}/end`, admin, { endDate: '2024-05-01', reason: 'term-ended' });
    expect(ended.json()).toMatchObject({ endDate: '2024-05-01', endReason: 'term-ended', isCurrent: false });
    expect((await call('POST', `/api/v1/tenures/${t.id}/end`, admin, { endDate: '2024-06-01', reason: 'removed' })).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/tenures/${t.id}/replace`, admin, { personId: p.id, date: '2024-06-01', reason: 'removed' })).statusCode).toBe(400);
    const posts = (await call('GET', `/api/v1/units/${district.id}/posts`, admin)).json();
    expect(posts.slots.find((s: { post: string }) => s.post === 'president').vacant).toBe(1);
    const former = (await call('GET', `/api/v1/people/${p.id}/tenures`, admin)).json();
    expect(former.items).toEqual([expect.objectContaining({ post: 'president', startDate: '2020-01-10', endDate: '2024-05-01' })]);
    expect((await call('POST', '/api/v1/tenures/999999/end', admin, { endDate: '2024-05-01', reason: 'resigned' })).statusCode).toBe(404);
  });

  it('replaces in one transaction, and rolls back entirely when the successor cannot be appointed', async () => {
    const { district, state } = await h.chain();
    const oldP = await h.person({ homeUnitId: district.id });
    const newP = await h.person({ homeUnitId: district.id });
    const t = (await call('POST', '/api/v1/tenures', admin, { unitId: district.id, post: 'treasurer', personId: oldP.id, startDate: '2021-01-01' })).json();
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', `/api/v1/tenures/${t.id}/replace`, viewer, { personId: newP.id, date: '2025-01-01', reason: 'inactive' })).statusCode).toBe(403);
    const bad = await call('POST', `/api/v1/tenures/${t.id}/replace`, admin, { personId: 99999999, date: '2025-01-01', reason: 'inactive' });
    expect(bad.statusCode).toBe(404);
    const still = (await call('GET', `/api/v1/units/${district.id}/tenures?includeEnded=false`, admin)).json();
    expect(still.items.map((x: { id: number }) => x.id)).toContain(t.id);
    const res = await call('POST', `/api/v1/tenures/${t.id}/replace`, admin, { personId: newP.id, date: '2025-01-01', reason: 'inactive' });
    expect(res.json()).toMatchObject({ ended: { id: t.id, endReason: 'inactive', endDate: '2025-01-01' }, started: { personId: newP.id, post: 'treasurer', startDate: '2025-01-01' } });
    const history = (await call('GET', `/api/v1/units/${district.id}/tenures`, admin)).json();
    expect(history.items.filter((x: { post: string }) => x.post === 'treasurer')).toHaveLength(2);
    // A person who holds a post cannot be deleted.
    expect((await h.app.inject({ method: 'DELETE', url: `/api/v1/people/${newP.id}`, headers: { cookie: admin } })).json()).toMatchObject({ error: 'VALIDATION' });
  });
});
