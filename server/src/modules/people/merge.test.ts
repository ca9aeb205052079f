import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { uniqueJpeg } from '../files/test-images';
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
    expect((await call('GET', `/api/v1/people/${dup.id}`, admin)).json()).toMatchObject({
      mergedInto: keep.id,
      deletedAt: expect.any(String),
    });
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

  it("keeps the survivor's photo, takes the other's when it has none, and undo gives it back", async () => {
    const { booth, district } = await h.chain();
    const putPhoto = async (id: number, tag: string) =>
      (
        await h.app.inject({
          method: 'PUT',
          url: `/api/v1/people/${id}/photo`,
          payload: uniqueJpeg(tag),
          headers: { cookie: admin, 'content-type': 'image/jpeg' },
        })
      ).json().photoFileId as number;
    const photoOf = async (id: number) => (await call('GET', `/api/v1/people/${id}`, admin)).json().photoFileId as number | null;
    const fetchFile = (fileId: number, cookie: string) =>
      h.app.inject({ method: 'GET', url: `/api/v1/files/${fileId}`, headers: { cookie } });

    // Both have a photo: the kept record keeps its own, the retired one's stays with it.
    const keep1 = await h.person({ homeUnitId: booth.id });
    const dup1 = await h.person({ homeUnitId: booth.id });
    const own = await putPhoto(keep1.id, 'merge-own');
    const other = await putPhoto(dup1.id, 'merge-other');
    const m1 = (await call('POST', `/api/v1/people/${dup1.id}/merge`, admin, { intoId: keep1.id })).json();
    expect(m1).toMatchObject({ person: { id: keep1.id, photoFileId: own }, movedPhotoFileId: null });
    expect(await photoOf(dup1.id)).toBe(other);
    await call('POST', `/api/v1/people/${dup1.id}/unmerge`, admin);
    expect([await photoOf(keep1.id), await photoOf(dup1.id)]).toEqual([own, other]);

    // The kept record has none: it takes the other's, which anyone who sees the kept record may fetch.
    const elsewhere = await h.chain();
    const keep2 = await h.person({ homeUnitId: booth.id });
    const dup2 = await h.person({ homeUnitId: elsewhere.booth.id });
    const taken = await putPhoto(dup2.id, 'merge-taken');
    const m2 = (await call('POST', `/api/v1/people/${dup2.id}/merge`, admin, { intoId: keep2.id })).json();
    expect(m2).toMatchObject({ person: { id: keep2.id, photoFileId: taken }, movedPhotoFileId: taken });
    expect(await photoOf(dup2.id)).toBeNull();
    const localViewer = (await h.login('viewer', district.id)).cookie;
    expect((await fetchFile(taken, localViewer)).statusCode).toBe(200);
    const merged = (await call('GET', `/api/v1/people/${dup2.id}/history`, admin)).json().items[0];
    expect(merged).toMatchObject({ action: 'person.merge', after: { movedPhotoFileId: taken } });
    // Undo: the photo goes back to the record it came from, and with it who may fetch it.
    const undone = (await call('POST', `/api/v1/people/${dup2.id}/unmerge`, admin)).json();
    expect(undone).toMatchObject({ id: dup2.id, photoFileId: taken });
    expect(await photoOf(keep2.id)).toBeNull();
    expect((await fetchFile(taken, localViewer)).statusCode).toBe(404);
    expect((await fetchFile(taken, (await h.login('viewer', elsewhere.district.id)).cookie)).statusCode).toBe(200);

    // Replaced after the merge: undo leaves the kept record's new photo alone.
    const keep3 = await h.person({ homeUnitId: booth.id });
    const dup3 = await h.person({ homeUnitId: booth.id });
    await putPhoto(dup3.id, 'merge-replaced');
    await call('POST', `/api/v1/people/${dup3.id}/merge`, admin, { intoId: keep3.id });
    const newer = await putPhoto(keep3.id, 'merge-newer');
    await call('POST', `/api/v1/people/${dup3.id}/unmerge`, admin);
    expect([await photoOf(keep3.id), await photoOf(dup3.id)]).toEqual([newer, null]);
  });
});
