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

describe('POST/GET/PATCH /api/v1/trainings', () => {
  it('401, 400, 403, 404 and 201 for a course; list filters by unit and name and pages', async () => {
    const { state, district } = await h.chain();
    const body = { unitId: district.id, name: 'Booth management', nameHi: 'बूथ प्रबंधन', requiredSessions: 2 };
    expect((await call('POST', '/api/v1/trainings', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/trainings', admin, { ...body, requiredSessions: 0 })).json()).toMatchObject({
      field: 'requiredSessions',
    });
    expect((await call('POST', '/api/v1/trainings', admin, { ...body, requiredSessions: 'two' })).json()).toMatchObject({
      field: 'requiredSessions',
    });
    expect((await call('POST', '/api/v1/trainings', admin, { ...body, requiredSessions: 5000 })).json()).toMatchObject({
      field: 'requiredSessions',
    });
    expect((await call('POST', '/api/v1/trainings', admin, { ...body, name: '' })).json()).toMatchObject({ field: 'name' });
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', '/api/v1/trainings', viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', '/api/v1/trainings', outsider, body)).json()).toMatchObject({ error: 'NOT_FOUND', field: 'unitId' });
    const bearer = (await h.login('office-bearer', district.id)).cookie;
    const created = await call('POST', '/api/v1/trainings', bearer, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Booth management',
      nameHi: 'बूथ प्रबंधन',
      requiredSessions: 2,
      sessionCount: 0,
      actions: { canEdit: true },
    });
    const second = await makeCourse(h, admin, district.id, { name: 'Social media', nameHi: 'सोशल मीडिया' });

    expect((await call('GET', '/api/v1/trainings')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/trainings?limit=0', admin)).json()).toMatchObject({ field: 'querystring.limit' });
    expect((await call('GET', `/api/v1/trainings?unit=${district.id}`, outsider)).statusCode).toBe(404);
    const page1 = (await call('GET', `/api/v1/trainings?unit=${district.id}&limit=1`, viewer)).json();
    expect(page1.items.map((c: { id: number }) => c.id)).toEqual([second.id]);
    expect(page1.items[0].actions.canEdit).toBe(false);
    const page2 = (await call('GET', `/api/v1/trainings?unit=${district.id}&limit=1&cursor=${page1.nextCursor}`, viewer)).json();
    expect(page2).toMatchObject({ items: [{ id: created.json().id }], nextCursor: null });
    const found = (await call('GET', `/api/v1/trainings?unit=${district.id}&q=${encodeURIComponent('मीडिया')}`, viewer)).json();
    expect(found.items.map((c: { id: number }) => c.id)).toEqual([second.id]);
    expect((await call('GET', '/api/v1/trainings?cursor=abc', admin)).json()).toMatchObject({ field: 'cursor' });
    expect((await call('GET', '/api/v1/trainings', outsider)).json().items.some((c: { id: number }) => c.id === second.id)).toBe(false);

    const id = created.json().id;
    expect((await call('GET', `/api/v1/trainings/${id}`)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/trainings/abc', admin)).statusCode).toBe(400);
    expect((await call('GET', `/api/v1/trainings/${id}`, outsider)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/trainings/${id}`, viewer)).json()).toMatchObject({ id, sessions: [] });

    expect((await call('PATCH', `/api/v1/trainings/${id}`, undefined, { requiredSessions: 3 })).statusCode).toBe(401);
    expect((await call('PATCH', `/api/v1/trainings/${id}`, admin, {})).statusCode).toBe(400);
    expect((await call('PATCH', `/api/v1/trainings/${id}`, admin, { requiredSessions: -1 })).json()).toMatchObject({
      field: 'requiredSessions',
    });
    expect((await call('PATCH', `/api/v1/trainings/${id}`, viewer, { requiredSessions: 3 })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/trainings/${id}`, outsider, { requiredSessions: 3 })).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/trainings/${id}`, bearer, { requiredSessions: 3, nameHi: null })).json()).toMatchObject({
      requiredSessions: 3,
      nameHi: null,
    });
    const hist = (await call('GET', `/api/v1/trainings/${id}/history`, viewer)).json();
    expect(hist.items.map((e: { action: string }) => e.action)).toEqual(['training.course.update', 'training.course.create']);
    expect(hist.items[0]).toMatchObject({ before: { requiredSessions: 2 }, after: { requiredSessions: 3 } });
  });
});

describe('sessions', () => {
  it('401, 400, 403, 404 and 201 for a session; online needs a link, offline a venue; units must be under the course', async () => {
    const { state, district, assembly } = await h.chain();
    const course = await makeCourse(h, admin, district.id);
    const url = `/api/v1/trainings/${course.id}/sessions`;
    const body = { mode: 'online', link: 'https://meet.example.org/abc', startsAt: '2026-12-20T10:00:00+05:30', capacity: 100 };
    expect((await call('POST', url, undefined, body)).statusCode).toBe(401);
    expect((await call('POST', url, admin, { ...body, link: undefined })).json()).toMatchObject({ field: 'link' });
    expect((await call('POST', url, admin, { ...body, link: 'javascript:alert(1)' })).json()).toMatchObject({ field: 'link' });
    expect((await call('POST', url, admin, { mode: 'offline', startsAt: body.startsAt, capacity: 10 })).json()).toMatchObject({
      field: 'venue',
    });
    expect((await call('POST', url, admin, { ...body, capacity: -5 })).json()).toMatchObject({ field: 'capacity' });
    expect((await call('POST', url, admin, { ...body, capacity: 10_000_000 })).json()).toMatchObject({ field: 'capacity' });
    expect((await call('POST', url, admin, { ...body, startsAt: '20/12/2026' })).json()).toMatchObject({ field: 'startsAt' });
    expect((await call('POST', url, admin, { ...body, startsAt: '2096-12-20T10:00:00+05:30' })).json()).toMatchObject({
      field: 'startsAt',
    });
    expect((await call('POST', url, admin, { ...body, unitId: state.id })).json()).toMatchObject({ field: 'unitId' });
    expect((await call('POST', url, admin, { ...body, durationMinutes: 5 })).json()).toMatchObject({ field: 'durationMinutes' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', url, viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('POST', url, outsider, body)).statusCode).toBe(404);
    const trainer = await h.person({ homeUnitId: district.id, nameHi: 'रमेश त्यागी' });
    const ok = await call('POST', url, admin, { ...body, unitId: assembly.id, trainerPersonId: trainer.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      mode: 'online',
      startsAt: '2026-12-20T04:30:00.000Z',
      unit: { id: assembly.id },
      trainer: { id: trainer.id, nameHi: 'रमेश त्यागी' },
      counts: { invited: 0, yes: 0, present: 0 },
      actions: { canEdit: true, canTakeAttendance: false },
    });
    const id = ok.json().id;
    expect((await call('GET', `/api/v1/training-sessions/${id}`)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/training-sessions/${id}`, outsider)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/training-sessions/${id}`, viewer)).json()).toMatchObject({ id, actions: { canEdit: false } });
    expect((await call('GET', `/api/v1/trainings/${course.id}`, viewer)).json()).toMatchObject({ sessionCount: 1, sessions: [{ id }] });

    const s = `/api/v1/training-sessions/${id}`;
    expect((await call('PATCH', s, undefined, { capacity: 5 })).statusCode).toBe(401);
    expect((await call('PATCH', s, admin, { link: null })).json()).toMatchObject({ field: 'link' });
    expect((await call('PATCH', s, admin, { capacity: 0 })).json()).toMatchObject({ field: 'capacity' });
    expect((await call('PATCH', s, viewer, { capacity: 5 })).statusCode).toBe(403);
    expect((await call('PATCH', s, outsider, { capacity: 5 })).statusCode).toBe(404);
    const moved = await call('PATCH', s, admin, { mode: 'offline', venue: 'ज़िला कार्यालय', capacity: 1 });
    expect(moved.json()).toMatchObject({ mode: 'offline', link: null, venue: 'ज़िला कार्यालय', capacity: 1 });
    const p = await h.person({ homeUnitId: assembly.id });
    await call('POST', `${s}/invitees`, admin, { kind: 'people', personIds: [p.id] });
    await call('POST', `${s}/rsvp`, admin, { personId: p.id, response: 'yes' });
    // One seat is confirmed: the capacity cannot drop to zero seats (schema) nor below it (operation).
    expect((await call('PATCH', s, admin, { capacity: 1, startsAt: hoursFromNow(48) })).statusCode).toBe(200);
    const cancelled = await call('PATCH', s, admin, { isCancelled: true });
    expect(cancelled.json()).toMatchObject({ isCancelled: true, actions: { canInvite: false } });
    expect((await call('GET', `/api/v1/trainings/${course.id}`, viewer)).json()).toMatchObject({ sessionCount: 0 });
    const hist = (await call('GET', `${s}/history`, viewer)).json();
    expect(hist.items[0]).toMatchObject({ action: 'training.session.cancel', before: { cancelledAt: null } });
  });

  it('says in Hindi why a session cannot be created', async () => {
    const { district } = await h.chain();
    const course = await makeCourse(h, admin, district.id);
    const res = await call(
      'POST',
      `/api/v1/trainings/${course.id}/sessions`,
      admin,
      { mode: 'offline', venue: 'x', startsAt: '2090-01-01T10:00:00Z', capacity: 5 },
      'hi',
    );
    expect(res.json()).toMatchObject({ field: 'startsAt', message: expect.stringContaining('बहुत दूर') });
    const s = await makeSession(h, admin, course.id);
    expect(s.unit.id).toBe(district.id);
  });
});
