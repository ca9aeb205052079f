import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, hoursFromNow, makeCourse, makeSession } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const appoint = async (unitId: number, post: string, personId: number) => {
  const res = await call('POST', '/api/v1/tenures', admin, { unitId, post, personId, startDate: '2026-01-01' });
  if (res.statusCode !== 201) throw new Error(res.body);
};

describe('invitations', () => {
  it("invites current holders by post and level under the session unit, a list, and a drive's active members; 401/400/403/404", async () => {
    const { state, district, assembly, booth } = await h.chain();
    const booth2 = await h.unit({ parentId: assembly.id, level: 'booth' });
    const otherDistrict = await h.unit({ parentId: state.id, level: 'district' });
    const otherBooth = await h.unit({ parentId: (await h.unit({ parentId: otherDistrict.id, level: 'assembly' })).id, level: 'booth' });
    // One after another: the list below is in person id order.
    const p1 = await h.person({ homeUnitId: booth.id });
    const p2 = await h.person({ homeUnitId: booth2.id });
    const p3 = await h.person({ homeUnitId: otherBooth.id });
    const p4 = await h.person({ homeUnitId: booth.id });
    await appoint(booth.id, 'president', p1.id);
    await appoint(booth2.id, 'president', p2.id);
    await appoint(otherBooth.id, 'president', p3.id);
    await appoint(booth.id, 'secretary', p4.id);
    const course = await makeCourse(h, admin, district.id);
    const session = await makeSession(h, admin, course.id, { capacity: 2 });
    const url = `/api/v1/training-sessions/${session.id}/invitees`;
    const rule = { kind: 'posts', levels: ['booth'], posts: ['president'] };
    expect((await call('POST', url, undefined, rule)).statusCode).toBe(401);
    expect((await call('POST', url, admin, { kind: 'everyone' })).statusCode).toBe(400);
    expect((await call('POST', url, admin, { kind: 'people', personIds: [] })).json()).toMatchObject({ field: 'personIds' });
    expect((await call('POST', url, admin, { kind: 'people', personIds: [-3] })).statusCode).toBe(400);
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', url, viewer, rule)).statusCode).toBe(403);
    const outsider = (await h.login('admin', otherDistrict.id)).cookie;
    expect((await call('POST', url, outsider, rule)).statusCode).toBe(404);
    const byPost = await call('POST', url, admin, rule);
    expect(byPost.json()).toEqual({ added: 2, invited: 2, capacity: 2, isOverCapacity: false });
    // Again: nobody is invited twice.
    expect((await call('POST', url, admin, rule)).json()).toMatchObject({ added: 0, invited: 2 });
    const bearer = (await h.login('office-bearer', district.id)).cookie;
    expect((await call('POST', url, bearer, { kind: 'people', personIds: [p3.id] })).json()).toMatchObject({
      error: 'NOT_FOUND',
      field: 'personIds',
    });
    const listed = await call('POST', url, bearer, { kind: 'people', personIds: [p4.id, p4.id] });
    expect(listed.json()).toEqual({ added: 1, invited: 3, capacity: 2, isOverCapacity: true });

    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', `${url}?rsvp=perhaps`, admin)).statusCode).toBe(400);
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    const all = (await call('GET', `${url}?limit=2`, viewer)).json();
    expect(all.items.map((i: { personId: number }) => i.personId)).toEqual([p1.id, p2.id]);
    expect(all.items[0]).toMatchObject({ source: 'post', rsvp: null, attendance: null, isContactMasked: true });
    const rest = (await call('GET', `${url}?limit=2&cursor=${all.nextCursor}`, bearer)).json();
    expect(rest).toMatchObject({ items: [{ personId: p4.id, source: 'list', isContactMasked: false }], nextCursor: null });
  });

  it('invites the active members of a drive living under the session unit', async () => {
    const { state, district, booth } = await h.chain();
    const drive = (
      await call('POST', '/api/v1/drives', admin, {
        name: 'Drive',
        unitId: state.id,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        activeRuleMinVerified: 1,
      })
    ).json();
    const asha = await h.person({ homeUnitId: booth.id, name: 'Asha' });
    const bala = await h.person({ homeUnitId: booth.id, name: 'Bala' });
    for (const p of [asha, bala]) {
      const m = (await call('POST', `/api/v1/drives/${drive.id}/enrol`, admin, { personId: p.id, unitId: booth.id })).json();
      await call('POST', `/api/v1/memberships/${m.id}/verify`, admin, { method: 'otp' });
    }
    // Asha enrolled one verified member: with the rule at 1 she is active; Bala is not.
    const recruit = (
      await call('POST', `/api/v1/drives/${drive.id}/enrol`, admin, {
        person: { name: 'Recruit', phone: h.phone(), consent: { purpose: 'party membership', date: '2026-02-01', method: 'verbal' } },
        unitId: booth.id,
        enrollerPersonId: asha.id,
      })
    ).json();
    expect(recruit.id).toBeGreaterThan(0);
    await call('POST', `/api/v1/memberships/${recruit.id}/verify`, admin, { method: 'otp' });
    const course = await makeCourse(h, admin, district.id);
    const session = await makeSession(h, admin, course.id);
    const url = `/api/v1/training-sessions/${session.id}/invitees`;
    expect((await call('POST', url, admin, { kind: 'active-members', driveId: 999_999 })).json()).toMatchObject({
      error: 'NOT_FOUND',
      field: 'driveId',
    });
    expect((await call('POST', url, admin, { kind: 'active-members', driveId: drive.id })).json()).toMatchObject({ added: 1 });
    const items = (await call('GET', url, admin)).json().items;
    expect(items).toEqual([expect.objectContaining({ personId: asha.id, source: 'active-members' })]);
  });
});

describe('RSVP, attendance and completion', () => {
  it('takes RSVPs up to capacity, attendance for invitees only, and counts completion per person', async () => {
    const { state, district, assembly, booth } = await h.chain();
    const course = await makeCourse(h, admin, district.id, { requiredSessions: 2 });
    const s1 = await makeSession(h, admin, course.id, { capacity: 2 });
    const s2 = await makeSession(h, admin, course.id, { capacity: 10, startsAt: hoursFromNow(-1) });
    const future = await makeSession(h, admin, course.id, { startsAt: hoursFromNow(24) });
    const a = (await h.person({ homeUnitId: booth.id })).id;
    const b = (await h.person({ homeUnitId: booth.id })).id;
    const c = (await h.person({ homeUnitId: booth.id })).id;
    for (const s of [s1, s2, future])
      await call('POST', `/api/v1/training-sessions/${s.id}/invitees`, admin, { kind: 'people', personIds: [a, b, c] });
    const stranger = await h.person({ homeUnitId: booth.id });

    const rsvp = `/api/v1/training-sessions/${s1.id}/rsvp`;
    expect((await call('POST', rsvp, undefined, { personId: a, response: 'yes' })).statusCode).toBe(401);
    expect((await call('POST', rsvp, admin, { personId: a, response: 'sure' })).json()).toMatchObject({ field: 'response' });
    expect((await call('POST', rsvp, admin, { personId: stranger.id, response: 'yes' })).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'personId',
    });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', rsvp, viewer, { personId: a, response: 'yes' })).statusCode).toBe(403);
    const outsider = (await h.login('office-bearer', (await h.chain()).district.id)).cookie;
    expect((await call('POST', rsvp, outsider, { personId: a, response: 'yes' })).statusCode).toBe(404);
    expect((await call('POST', rsvp, admin, { personId: a, response: 'yes' })).json()).toMatchObject({ counts: { yes: 1 } });
    expect((await call('POST', rsvp, admin, { personId: b, response: 'yes' })).json()).toMatchObject({ counts: { yes: 2 } });
    const full = await call('POST', rsvp, admin, { personId: c, response: 'yes' }, 'hi');
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ error: 'CONFLICT', message: expect.stringContaining('सत्र भर चुका है') });
    expect((await call('POST', rsvp, admin, { personId: a, response: 'yes' })).statusCode).toBe(200);
    // Two seats are confirmed: the capacity cannot drop below them.
    expect((await call('PATCH', `/api/v1/training-sessions/${s1.id}`, admin, { capacity: 1 })).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'capacity',
    });
    expect((await call('POST', rsvp, admin, { personId: c, response: 'maybe' })).json()).toMatchObject({ counts: { yes: 2, maybe: 1 } });

    const att = `/api/v1/training-sessions/${s1.id}/attendance`;
    const marks = {
      marks: [
        { personId: a, status: 'present' },
        { personId: b, status: 'absent' },
      ],
    };
    expect((await call('POST', att, undefined, marks)).statusCode).toBe(401);
    expect((await call('POST', att, admin, { marks: [] })).json()).toMatchObject({ field: 'marks' });
    expect((await call('POST', att, admin, { marks: [{ personId: a, status: 'late' }] })).json()).toMatchObject({
      field: 'marks.0.status',
    });
    expect(
      (
        await call('POST', att, admin, {
          marks: [
            { personId: a, status: 'present' },
            { personId: a, status: 'absent' },
          ],
        })
      ).json(),
    ).toMatchObject({ field: 'marks.1.personId' });
    const notInvited = await call('POST', att, admin, {
      marks: [
        { personId: a, status: 'present' },
        { personId: stranger.id, status: 'present' },
      ],
    });
    expect(notInvited.json()).toMatchObject({
      error: 'VALIDATION',
      field: 'marks.1.personId',
      message: expect.stringContaining('not invited'),
    });
    expect((await call('POST', att, viewer, marks)).statusCode).toBe(403);
    expect((await call('POST', att, outsider, marks)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/training-sessions/${future.id}/attendance`, admin, marks)).json()).toMatchObject({
      field: 'marks',
    });
    const over = await call('POST', att, admin, {
      marks: [
        { personId: a, status: 'present' },
        { personId: b, status: 'present' },
        { personId: c, status: 'present' },
      ],
    });
    expect(over.json()).toMatchObject({ error: 'VALIDATION', field: 'marks' });
    // Nothing of the refused requests was written.
    expect((await call('GET', `/api/v1/training-sessions/${s1.id}`, admin)).json()).toMatchObject({ counts: { present: 0, absent: 0 } });
    const ok = await call('POST', att, admin, marks);
    expect(ok.json()).toEqual({ recorded: 2, counts: expect.objectContaining({ present: 1, absent: 1 }) });
    expect((await call('POST', att, admin, marks)).json()).toMatchObject({ recorded: 0 });
    // A correction is a new record; the earlier mark stays in the attendance history.
    expect((await call('POST', att, admin, { marks: [{ personId: b, status: 'present' }] })).json()).toMatchObject({
      recorded: 1,
      counts: { present: 2, absent: 0 },
    });
    const marksOfB = await h.db
      .selectFrom('training_attendance as t')
      .innerJoin('training_invitation as i', 'i.id', 't.invitation_id')
      .select('t.status')
      .where('i.session_id', '=', s1.id)
      .where('i.person_id', '=', b)
      .orderBy('t.id')
      .execute();
    expect(marksOfB.map((m) => m.status)).toEqual(['absent', 'present']);
    await call('POST', `/api/v1/training-sessions/${s2.id}/attendance`, admin, {
      marks: [
        { personId: a, status: 'present' },
        { personId: c, status: 'present' },
      ],
    });

    const hist = `/api/v1/people/${a}/trainings`;
    expect((await call('GET', hist)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/people/x/trainings', admin)).statusCode).toBe(400);
    expect((await call('GET', hist, outsider)).statusCode).toBe(404);
    const ofA = (await call('GET', hist, viewer)).json().items;
    expect(ofA).toEqual([expect.objectContaining({ courseId: course.id, requiredSessions: 2, attended: 2, isComplete: true })]);
    expect(ofA[0].sessions.map((s: { sessionId: number }) => s.sessionId)).toEqual([future.id, s2.id, s1.id]);
    expect((await call('GET', `/api/v1/people/${b}/trainings`, viewer)).json().items[0]).toMatchObject({ attended: 1, isComplete: false });

    // Coverage: a and b hold posts under the district; a completed, b did not; c holds nothing.
    await appoint(booth.id, 'president', a);
    await appoint(assembly.id, 'secretary', b);
    const cov = `/api/v1/units/${district.id}/training-coverage`;
    expect((await call('GET', cov)).statusCode).toBe(401);
    expect((await call('GET', `${cov}?course=zero`, admin)).statusCode).toBe(400);
    expect((await call('GET', cov, outsider)).statusCode).toBe(404);
    expect((await call('GET', `${cov}?course=${course.id}`, viewer)).json()).toEqual({
      unitId: district.id,
      courseId: course.id,
      officeBearers: 2,
      completed: 1,
      share: 0.5,
    });
    expect((await call('GET', `/api/v1/units/${booth.id}/training-coverage`, viewer)).json()).toMatchObject({
      officeBearers: 1,
      completed: 1,
      share: 1,
    });
    expect((await call('GET', `/api/v1/units/${state.id}/training-coverage?course=${course.id}`, admin)).json()).toMatchObject({
      officeBearers: 2,
      completed: 1,
    });
    // Raising the requirement un-completes a: completion is read, not stored.
    await call('PATCH', `/api/v1/trainings/${course.id}`, admin, { requiredSessions: 3 });
    expect((await call('GET', `${cov}?course=${course.id}`, viewer)).json()).toMatchObject({ completed: 0, share: 0 });
  });
});
