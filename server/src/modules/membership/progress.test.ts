import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { updateUnit } from '../units/operations';
import { mergePerson, unmergePerson } from '../people/merge';
import { caller, consent, makeDrive, recount, recountEnrollers, storedCounts } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const enrolNew = async (driveId: number, unitId: number, cookie = admin, extra: object = {}) => {
  const res = await call('POST', `/api/v1/drives/${driveId}/enrol`, cookie, {
    person: { name: `M ${h.phone()}`, phone: h.phone(), consent },
    unitId,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: number; person: { id: number } };
};
const verify = (id: number) => call('POST', `/api/v1/memberships/${id}/verify`, admin, { method: 'epic' });

describe('GET /api/v1/drives/:id/progress', () => {
  it('401, 400, 404, 200 — the unit and each child with counts and targets; a booth viewer lands on their booth', async () => {
    const { state, district, assembly, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const url = `/api/v1/drives/${drive.id}/progress`;
    await enrolNew(drive.id, booth.id);
    await call('PUT', `/api/v1/drives/${drive.id}/targets`, admin, { targets: [{ unitId: district.id, target: 10 }] });
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', `${url}?unit=x`, admin)).json()).toMatchObject({ error: 'VALIDATION', field: 'querystring.unit' });
    expect((await call('GET', `${url}?unit=${(await h.chain()).district.id}`, admin)).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'unit',
    });
    const boothViewer = (await h.login('viewer', booth.id)).cookie;
    expect((await call('GET', `${url}?unit=${district.id}`, boothViewer)).statusCode).toBe(404);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    const mine = (await call('GET', url, boothViewer)).json();
    expect(mine).toMatchObject({ unit: { unit: { id: booth.id }, enrolled: 1, verified: 0, target: null }, children: [] });
    const top = (await call('GET', url, admin)).json();
    expect(top).toMatchObject({
      driveId: drive.id,
      unit: { unit: { id: state.id, level: 'state' }, enrolled: 1 },
      childTargetSum: 10,
      children: [{ unit: { id: district.id }, enrolled: 1, verified: 0, rejected: 0, target: 10 }],
    });
    const a = (await call('GET', `${url}?unit=${assembly.id}`, admin)).json();
    expect(a.children).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: booth.id }), enrolled: 1 })]);
  });
});

describe('GET /api/v1/drives/:id/leaderboard and active members', () => {
  it('ranks enrollers by verified enrolments within the subtree; an enroller person meeting the rule is active', async () => {
    const { state, district, assembly, booth } = await h.chain();
    const booth2 = await h.unit({ parentId: assembly.id, level: 'booth' });
    const drive = await makeDrive(h, admin, state.id, { activeRuleMinVerified: 2 });
    const url = `/api/v1/drives/${drive.id}/leaderboard`;
    const asha = await h.person({ homeUnitId: booth.id, name: 'Asha' });
    const bala = await h.person({ homeUnitId: booth2.id, name: 'Bala' });
    // Asha: 3 enrolled (booth), 3 verified. Bala: 3 enrolled (booth2), 1 verified. The user: 2 enrolled in booth2, 2 verified.
    for (let i = 0; i < 3; i++) await verify((await enrolNew(drive.id, booth.id, admin, { enrollerPersonId: asha.id })).id);
    const b = [];
    for (let i = 0; i < 3; i++) b.push(await enrolNew(drive.id, booth2.id, admin, { enrollerPersonId: bala.id }));
    await verify(b[0]?.id ?? 0);
    const entry = await h.login('data-entry', district.id);
    for (let i = 0; i < 2; i++) await verify((await enrolNew(drive.id, booth2.id, entry.cookie)).id);
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', `${url}?limit=0`, admin)).json()).toMatchObject({ field: 'querystring.limit' });
    expect((await call('GET', `${url}?unit=${booth.id}`, (await h.login('viewer', booth2.id)).cookie)).statusCode).toBe(404);
    const board = (await call('GET', url, admin)).json();
    expect(board).toMatchObject({ driveId: drive.id, unitId: state.id, activeRuleMinVerified: 2 });
    expect(
      board.items.map((i: { kind: string; name: string; rank: number; verified: number; enrolled: number; isActive: boolean }) => [
        i.rank,
        i.kind,
        i.name,
        i.verified,
        i.enrolled,
        i.isActive,
      ]),
    ).toEqual([
      [1, 'person', 'Asha', 3, 3, true],
      [2, 'user', entry.username, 2, 2, false],
      [3, 'person', 'Bala', 1, 3, false],
    ]);
    const inBooth2 = (await call('GET', `${url}?unit=${booth2.id}&limit=1`, admin)).json();
    expect(inBooth2.items).toEqual([expect.objectContaining({ kind: 'user', verified: 2, rank: 1 })]);
    // Asha's own membership shows her as an active member.
    const ashaMember = await call('POST', `/api/v1/drives/${drive.id}/enrol`, admin, { personId: asha.id, unitId: booth.id });
    expect(ashaMember.json()).toMatchObject({ verifiedEnrolments: 3, isActive: true });
    const balaMember = await call('POST', `/api/v1/drives/${drive.id}/enrol`, admin, { personId: bala.id, unitId: booth2.id });
    expect(balaMember.json()).toMatchObject({ verifiedEnrolments: 1, isActive: false });
    await verify(b[1]?.id ?? 0);
    expect((await call('GET', `/api/v1/memberships/${balaMember.json().id}`, admin)).json()).toMatchObject({
      verifiedEnrolments: 2,
      isActive: true,
    });
  });
});

describe('GET /api/v1/drives/:id/members', () => {
  it('401, 400, 404, 200 — filtered by subtree, jurisdiction and status, paged by cursor, phones masked for viewers', async () => {
    const { state, assembly, booth } = await h.chain();
    const booth2 = await h.unit({ parentId: assembly.id, level: 'booth' });
    const drive = await makeDrive(h, admin, state.id);
    const url = `/api/v1/drives/${drive.id}/members`;
    const ms = [];
    for (const u of [booth, booth, booth2, booth]) ms.push(await enrolNew(drive.id, u.id));
    await verify(ms[1]?.id ?? 0);
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', `${url}?status=lost`, admin)).json()).toMatchObject({ field: 'querystring.status' });
    expect((await call('GET', `${url}?cursor=abc`, admin)).json()).toMatchObject({ field: 'cursor' });
    expect((await call('GET', url, (await h.login('viewer', (await h.chain()).booth.id)).cookie)).statusCode).toBe(404);
    const p1 = (await call('GET', `${url}?limit=2`, admin)).json();
    expect(p1.items.map((m: { id: number }) => m.id)).toEqual([ms[3]?.id, ms[2]?.id]);
    const p2 = (await call('GET', `${url}?limit=2&cursor=${p1.nextCursor}`, admin)).json();
    expect(p2.items.map((m: { id: number }) => m.id)).toEqual([ms[1]?.id, ms[0]?.id]);
    expect(p2.nextCursor).toBeNull();
    expect((await call('GET', `${url}?status=verified`, admin)).json().items.map((m: { id: number }) => m.id)).toEqual([ms[1]?.id]);
    const viewer = (await h.login('viewer', booth2.id)).cookie;
    const seen = (await call('GET', url, viewer)).json();
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]).toMatchObject({ id: ms[2]?.id, person: { isContactMasked: true }, actions: { canVerify: false } });
    expect(seen.items[0].person.phone).toMatch(/XXX/);
    expect((await call('GET', `/api/v1/memberships/${ms[0]?.id}`, viewer)).statusCode).toBe(404);
  });
});

describe('moveDriveCounts', () => {
  it('keeps counters equal to a recount when a unit with members moves to another parent', async () => {
    const state = await h.unit({ level: 'state' });
    const d1 = await h.unit({ parentId: state.id, level: 'district' });
    const d2 = await h.unit({ parentId: state.id, level: 'district' });
    const a1 = await h.unit({ parentId: d1.id, level: 'assembly' });
    const b1 = await h.unit({ parentId: a1.id, level: 'booth' });
    const drive = await makeDrive(h, admin, state.id);
    const enroller = await h.person({ homeUnitId: d1.id });
    await verify((await enrolNew(drive.id, b1.id, admin, { enrollerPersonId: enroller.id })).id);
    await enrolNew(drive.id, b1.id);
    await enrolNew(drive.id, d1.id);
    // Moving the unit (the units module calls moveDriveCounts in the same transaction).
    await updateUnit(h.ctx, a1.id, { parentId: d2.id });
    expect(await storedCounts(h, drive.id)).toEqual(await recount(h, drive.id));
    expect((await storedCounts(h, drive.id)).get(d2.id)).toEqual({ enrolled: 2, verified: 1, rejected: 0 });
    const board = (await call('GET', `/api/v1/drives/${drive.id}/leaderboard?unit=${d2.id}`, admin)).json();
    expect(board.items).toEqual([
      expect.objectContaining({ kind: 'person', id: enroller.id, verified: 1 }),
      expect.objectContaining({ kind: 'user' }),
    ]);
  });
});

describe('moveEnrolmentCredit', () => {
  it("moves an enroller's counts with the memberships a person merge hands to another person", async () => {
    const { state, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const [dup, kept] = [await h.person({ homeUnitId: booth.id }), await h.person({ homeUnitId: booth.id })];
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await enrolNew(drive.id, booth.id, admin, { enrollerPersonId: dup.id })).id);
    await verify(ids[0] ?? 0);
    await call('POST', `/api/v1/memberships/${ids[1]}/reject`, admin, { reason: 'duplicate' });
    // Merging the enroller's duplicate record moves the credit (people/merge.ts calls moveEnrolmentCredit).
    await mergePerson(h.ctx, dup.id, kept.id);
    const { recounted, stored } = await recountEnrollers(h, drive.id);
    expect(stored).toEqual(recounted);
    expect(stored.get(`${state.id}:person:${kept.id}`)).toEqual({ enrolled: 2, verified: 1 });
    await unmergePerson(h.ctx, dup.id);
    const undone = await recountEnrollers(h, drive.id);
    expect(undone.stored).toEqual(undone.recounted);
    expect(undone.stored.get(`${state.id}:person:${dup.id}`)).toEqual({ enrolled: 2, verified: 1 });
  });
});

describe('concurrent enrolment', () => {
  it('16 enrolments at once leave counters equal to a recount after a progress read', async () => {
    const { state, district, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const enroller = await h.person({ homeUnitId: booth.id });
    const made = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        enrolNew(drive.id, i % 2 ? booth.id : district.id, admin, i % 4 ? {} : { enrollerPersonId: enroller.id }),
      ),
    );
    await Promise.all(made.slice(0, 4).map((m) => verify(m.id)));
    const progress = (await call('GET', `/api/v1/drives/${drive.id}/progress`, admin)).json();
    expect(progress.unit).toMatchObject({ enrolled: 16, verified: 4, rejected: 0 });
    expect(await storedCounts(h, drive.id)).toEqual(await recount(h, drive.id));
    const { recounted, stored } = await recountEnrollers(h, drive.id);
    expect(stored).toEqual(recounted);
  });
});
