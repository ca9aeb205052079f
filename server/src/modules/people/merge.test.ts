import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { appoint } from '../posts/operations';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
  h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

describe('likely duplicates and merge', () => {
  it('lists the same name across scripts and spellings in one unit, not different names', async () => {
    const { booth, district } = await h.chain();
    const a = await h.person({ homeUnitId: booth.id, name: 'Mehtab Chauhan' });
    const b = await h.person({ homeUnitId: booth.id, nameHi: 'महताब चौहान' });
    const c = await h.person({ homeUnitId: booth.id, name: 'Mohd Anis' });
    const d = await h.person({ homeUnitId: booth.id, name: 'Mohammed Anees' });
    await h.person({ homeUnitId: booth.id, name: 'Sunita Verma' });
    const res = await call('GET', `/api/v1/units/${booth.id}/duplicates`, admin);
    const pairs = res.json().items.map((p: { a: { id: number }; b: { id: number } }) => [p.a.id, p.b.id]);
    expect(pairs).toContainEqual([a.id, b.id]);
    expect(pairs).toContainEqual([c.id, d.id]);
    expect(pairs).toHaveLength(2);
    expect((await call('GET', `/api/v1/units/${booth.id}/duplicates`)).statusCode).toBe(401);
    const outsider = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    expect((await call('GET', `/api/v1/units/${booth.id}/duplicates`, outsider)).statusCode).toBe(404);
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('GET', `/api/v1/units/${booth.id}/duplicates`, viewer)).statusCode).toBe(200);
  });

  it('merges keeping every post of both, and undoes it exactly', async () => {
    const { booth, district, assembly } = await h.chain();
    const keep = await h.person({ homeUnitId: booth.id, name: 'Ajay Kumar' });
    const dup = await h.person({ homeUnitId: booth.id, name: 'Ajai Kumar' });
    await appoint(h.ctx, { unitId: booth.id, post: 'president', personId: keep.id, startDate: '2025-01-01' });
    const t2 = await appoint(h.ctx, { unitId: assembly.id, post: 'secretary', personId: dup.id, startDate: '2025-02-01' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', `/api/v1/people/${dup.id}/merge`, viewer, { intoId: keep.id })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/people/${dup.id}/merge`, admin, { intoId: dup.id })).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/people/${dup.id}/merge`, admin, { intoId: 'x' })).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/people/${dup.id}/merge`, admin, { intoId: 99999999 })).statusCode).toBe(404);
    const merged = await call('POST', `/api/v1/people/${dup.id}/merge`, admin, { intoId: keep.id });
    expect(merged.json()).toMatchObject({ tenures: 1, person: { id: keep.id } });
    const posts = (await call('GET', `/api/v1/people/${keep.id}/tenures`, admin)).json();
    expect(posts.items.map((t: { id: number }) => t.id)).toContain(t2.id);
    expect((await call('GET', `/api/v1/people/${dup.id}`, admin)).json()).toMatchObject({ mergedInto: keep.id, deletedAt: expect.any(String) });
    expect((await call('POST', `/api/v1/people/${dup.id}/merge`, admin, { intoId: keep.id })).statusCode).toBe(400);
    const undone = await call('POST', `/api/v1/people/${dup.id}/unmerge`, admin);
    expect(undone.json()).toMatchObject({ id: dup.id, deletedAt: null, mergedInto: null });
    expect((await call('GET', `/api/v1/people/${dup.id}/tenures`, admin)).json().items.map((t: { id: number }) => t.id)).toEqual([t2.id]);
    expect((await call('GET', `/api/v1/people/${keep.id}/tenures`, admin)).json().items).toHaveLength(1);
    expect((await call('POST', `/api/v1/people/${dup.id}/unmerge`, admin)).statusCode).toBe(400);
    const history = (await call('GET', `/api/v1/people/${dup.id}/history`, admin)).json();
    expect(history.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual(['person.unmerge', 'person.merge']);
  });

  it('refuses to merge two holders of the same post of one unit', async () => {
    const { booth } = await h.chain();
    const a = await h.person({ homeUnitId: booth.id });
    const b = await h.person({ homeUnitId: booth.id });
    await appoint(h.ctx, { unitId: booth.id, post: 'member', personId: a.id, startDate: '2025-01-01' });
    await appoint(h.ctx, { unitId: booth.id, post: 'member', personId: b.id, startDate: '2025-01-01' });
    expect((await call('POST', `/api/v1/people/${b.id}/merge`, admin, { intoId: a.id })).json()).toMatchObject({ error: 'VALIDATION' });
  });
});
