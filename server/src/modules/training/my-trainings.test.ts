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

/** A login (viewer at its home booth) linked to a fresh person: the invitee answering for themself. */
const invitee = async (homeUnitId: number) => {
  const person = await h.person({ homeUnitId });
  const login = await h.login('viewer', homeUnitId);
  await h.db.updateTable('app_user').set({ person_id: person.id }).where('username', '=', login.username).execute();
  return { personId: person.id, cookie: login.cookie };
};

describe('my trainings: an invitee answers their own invitation', () => {
  it("lists the invitations of the login's person; RSVP yes/no up to capacity; refused after the start, when cancelled, or when not invited; 401/400/404", async () => {
    const { district, booth } = await h.chain();
    const course = await makeCourse(h, admin, district.id);
    const soon = await makeSession(h, admin, course.id, { capacity: 1, startsAt: hoursFromNow(24) });
    const started = await makeSession(h, admin, course.id, { startsAt: hoursFromNow(-3) });
    const other = await makeSession(h, admin, course.id, { startsAt: hoursFromNow(48) });
    const asha = await invitee(booth.id);
    const bala = await invitee(booth.id);
    for (const s of [soon, started])
      await call('POST', `/api/v1/training-sessions/${s.id}/invitees`, admin, {
        kind: 'people',
        personIds: [asha.personId, bala.personId],
      });

    // The list: 401, bad query, then upcoming only (the started one ended: 3 hours ago, 2 hours long).
    expect((await call('GET', '/api/v1/my/trainings')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/my/trainings?when=later', asha.cookie)).json()).toMatchObject({ error: 'VALIDATION' });
    expect((await call('GET', '/api/v1/my/trainings?cursor=x', asha.cookie)).json()).toMatchObject({ field: 'cursor' });
    const mine = (await call('GET', '/api/v1/my/trainings', asha.cookie)).json();
    expect(mine.items).toEqual([
      expect.objectContaining({ session: expect.objectContaining({ id: soon.id }), rsvp: null, canRsvp: true, isFull: false }),
    ]);
    const all = (await call('GET', '/api/v1/my/trainings?when=all&limit=1', asha.cookie)).json();
    expect(all.items).toHaveLength(1);
    const rest = (await call('GET', `/api/v1/my/trainings?when=all&limit=1&cursor=${all.nextCursor}`, asha.cookie)).json();
    expect([...all.items, ...rest.items].map((i: { session: { id: number } }) => i.session.id).sort()).toEqual(
      [soon.id, started.id].sort(),
    );
    // Newest invitation first: the started session's invitation was made second.
    expect(all.items[0]).toMatchObject({ session: { id: started.id }, canRsvp: false });
    expect(rest).toMatchObject({ items: [{ session: { id: soon.id }, canRsvp: true }], nextCursor: null });
    // A login with no linked person has no invitations.
    expect((await call('GET', '/api/v1/my/trainings', admin)).json()).toEqual({ items: [], nextCursor: null });

    const url = `/api/v1/my/trainings/${soon.id}/rsvp`;
    expect((await call('POST', url, undefined, { response: 'yes' })).statusCode).toBe(401);
    expect((await call('POST', url, asha.cookie, { response: 'maybe' })).json()).toMatchObject({ error: 'VALIDATION', field: 'response' });
    expect((await call('POST', url, asha.cookie, { response: 'yes', personId: bala.personId })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/my/trainings/abc/rsvp', asha.cookie, { response: 'yes' })).statusCode).toBe(400);
    // Not invited, no such session, or no linked person: not found for them.
    expect((await call('POST', `/api/v1/my/trainings/${other.id}/rsvp`, asha.cookie, { response: 'yes' })).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/my/trainings/999999/rsvp', asha.cookie, { response: 'yes' })).statusCode).toBe(404);
    expect((await call('POST', url, admin, { response: 'yes' })).statusCode).toBe(404);

    const yes = await call('POST', url, asha.cookie, { response: 'yes' });
    expect(yes.statusCode).toBe(200);
    expect(yes.json()).toMatchObject({ rsvp: 'yes', canRsvp: true, isFull: false, session: { id: soon.id, counts: { yes: 1 } } });
    // The one seat is Asha's: Bala is told in Hindi that the session is full, and nothing changes.
    expect((await call('GET', '/api/v1/my/trainings', bala.cookie)).json().items[0]).toMatchObject({ isFull: true });
    const full = await call('POST', url, bala.cookie, { response: 'yes' }, 'hi');
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ error: 'CONFLICT', field: 'response', message: expect.stringContaining('सत्र भर चुका है') });
    expect((await call('POST', url, bala.cookie, { response: 'no' })).json()).toMatchObject({
      rsvp: 'no',
      session: { counts: { yes: 1, no: 1 } },
    });
    // Asha gives her seat back; Bala takes it.
    expect((await call('POST', url, asha.cookie, { response: 'no' })).json()).toMatchObject({ session: { counts: { yes: 0, no: 2 } } });
    expect((await call('POST', url, bala.cookie, { response: 'yes' })).json()).toMatchObject({
      rsvp: 'yes',
      session: { counts: { yes: 1 } },
    });
    // The office bearers' invitee list shows the answers.
    const list = (await call('GET', `/api/v1/training-sessions/${soon.id}/invitees`, admin)).json().items;
    expect(list.map((i: { personId: number; rsvp: string }) => [i.personId, i.rsvp])).toEqual([
      [asha.personId, 'no'],
      [bala.personId, 'yes'],
    ]);

    const late = await call('POST', `/api/v1/my/trainings/${started.id}/rsvp`, asha.cookie, { response: 'yes' });
    expect(late.json()).toMatchObject({ error: 'VALIDATION', field: 'response', message: expect.stringContaining('answers are closed') });
    const lateHi = await call('POST', `/api/v1/my/trainings/${started.id}/rsvp`, asha.cookie, { response: 'yes' }, 'hi');
    expect(lateHi.json().message).toContain('शुरू हो चुका है');
    await call('PATCH', `/api/v1/training-sessions/${soon.id}`, admin, { isCancelled: true });
    expect((await call('POST', url, asha.cookie, { response: 'yes' })).json()).toMatchObject({
      error: 'VALIDATION',
      message: expect.stringContaining('cancelled'),
    });

    // Each answer that changed something is in the session's history, as the invitee's own.
    const hist = (await call('GET', `/api/v1/training-sessions/${soon.id}/history`, admin)).json().items;
    expect(hist.filter((e: { action: string }) => e.action === 'training.rsvp.self')).toHaveLength(4);
  });
});
