import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { bulkBoothPresidents, caller, district, FUTURE, heldMeeting, makeMeeting, meetingBody, PAST } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const meetingsOf = async (unitId: number) =>
  (await h.db.selectFrom('meeting').select('id').where('unit_id', '=', unitId).execute()).length;

describe('creating a meeting', () => {
  it('401, 400s, 403, 404, and 201 with invitees materialised from the rules', async () => {
    const s = await district(h);
    const body = meetingBody(s.district.id);
    expect((await call('POST', '/api/v1/meetings', undefined, body)).statusCode).toBe(401);
    const bad = async (patch: object, field: string) => {
      const res = await call('POST', '/api/v1/meetings', admin, { ...body, ...patch });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().field).toBe(field);
    };
    await bad({ type: 'party' }, 'type');
    await bad({ startsAt: '15/03/2999' }, 'startsAt');
    await bad({ startsAt: PAST }, 'startsAt');
    await bad({ status: 'held', startsAt: FUTURE }, 'startsAt');
    await bad({ title: '' }, 'title');
    await bad({ invitees: { rules: [{ levels: ['state'], posts: [] }] } }, 'invitees.rules.0.levels.0');
    await bad({ invitees: { rules: [{ levels: ['booth'], posts: ['king'] }] } }, 'invitees.rules.0.posts.0');
    const noChair = await call('POST', '/api/v1/meetings', admin, { ...body, chairPersonId: 99999999 });
    expect(noChair.json()).toMatchObject({ error: 'NOT_FOUND', field: 'chairPersonId' });
    const planned = await call('POST', '/api/v1/meetings', admin, { ...body, startsAt: PAST });
    expect(planned.json().message).toMatch(/future/);
    const viewer = (await h.login('viewer', s.state.id)).cookie;
    expect((await call('POST', '/api/v1/meetings', viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('office-bearer', (await h.chain()).district.id)).cookie;
    const out = await call('POST', '/api/v1/meetings', outsider, body);
    expect(out.statusCode).toBe(404);
    expect(out.json().field).toBe('unitId');
    expect(await meetingsOf(s.district.id)).toBe(0);

    const bearer = (await h.login('office-bearer', s.district.id)).cookie;
    const res = await call('POST', '/api/v1/meetings', bearer, { ...body, chairPersonId: s.dPres.id, venueUnitId: s.district.id });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      status: 'planned',
      unit: { id: s.district.id },
      chair: { id: s.dPres.id, nameHi: 'मेहताब चौहान' },
      venueUnit: { id: s.district.id },
      agenda: ['Booth committees', 'Membership drive'],
      counts: { invited: 4, present: 0 },
      actions: { canEdit: true, canEditInvitees: true, canHold: true, canCancel: true, canEditMinutes: false },
    });
    const att = (await call('GET', `/api/v1/meetings/${m.id}/attendance`, bearer)).json();
    expect(att.items.map((i: { personId: number }) => i.personId)).toEqual([s.dPres.id, s.dSec.id, s.a1Pres.id, s.a2Pres.id]);
    expect(att.items[2].post).toMatchObject({ key: 'president', nameHi: 'अध्यक्ष', unit: { id: s.a1.id } });
  });

  it('invites whole teams of a level, individuals once, and the unit itself only when asked', async () => {
    const s = await district(h);
    const other = await h.person();
    const m = await makeMeeting(h, admin, s.district.id, {
      invitees: { includeSelf: false, rules: [{ levels: ['assembly'], posts: [] }], personIds: [other.id, s.a1Pres.id] },
    });
    const att = (await call('GET', `/api/v1/meetings/${m.id}/attendance`, admin)).json();
    const by = Object.fromEntries(att.items.map((i: { personId: number; source: string }) => [i.personId, i.source]));
    expect(by).toEqual({ [s.a1Pres.id]: 'rule', [s.a1Sec.id]: 'rule', [s.a2Pres.id]: 'rule', [other.id]: 'individual' });
  });
});

describe('the size limit', () => {
  it('refuses rules that would invite more than 5,000 people, writing nothing', async () => {
    const { district: d, assembly } = await h.chain();
    await bulkBoothPresidents(h, assembly.id, 5001);
    const res = await call('POST', '/api/v1/meetings', admin, meetingBody(d.id, { invitees: { includeSelf: false, rules: [{ levels: ['booth'], posts: ['president'] }] } }));
    expect(res.json()).toMatchObject({ error: 'VALIDATION', field: 'invitees' });
    expect(res.json().message).toMatch(/5001 people/);
    expect(await meetingsOf(d.id)).toBe(0);
    expect((await h.db.selectFrom('meeting_invitee').select('id').execute()).length).toBeLessThan(5001);
  });
});

describe('listing a unit\'s meetings', () => {
  it('filters by type, status and dates, pages by cursor, and stays in jurisdiction', async () => {
    const s = await district(h);
    const a = await makeMeeting(h, admin, s.district.id, { startsAt: '2999-01-10T10:00:00+05:30' });
    const b = await makeMeeting(h, admin, s.district.id, { startsAt: '2999-02-10T10:00:00+05:30', type: 'executive' });
    const c = await heldMeeting(h, admin, s.district.id, { startsAt: '2025-05-01T10:00:00+05:30' });
    const sub = await makeMeeting(h, admin, s.a1.id, { invitees: {} });
    const url = `/api/v1/units/${s.district.id}/meetings`;
    const ids = (res: { json: () => { items: { id: number }[] } }) => res.json().items.map((i) => i.id);
    expect(ids(await call('GET', url, admin))).toEqual([b.id, a.id, c.id]);
    expect(ids(await call('GET', `${url}?type=executive`, admin))).toEqual([b.id]);
    expect(ids(await call('GET', `${url}?status=held`, admin))).toEqual([c.id]);
    expect(ids(await call('GET', `${url}?from=2999-01-10&to=2999-01-10`, admin))).toEqual([a.id]);
    expect(ids(await call('GET', `${url}?includeSubunits=true`, admin))).toContain(sub.id);
    const first = (await call('GET', `${url}?limit=2`, admin)).json();
    expect(first.items.map((i: { id: number }) => i.id)).toEqual([b.id, a.id]);
    const second = (await call('GET', `${url}?limit=2&cursor=${first.nextCursor}`, admin)).json();
    expect(second).toMatchObject({ items: [{ id: c.id }], nextCursor: null });
    expect((await call('GET', `${url}?cursor=nonsense`, admin)).json().field).toBe('cursor');
    expect((await call('GET', `${url}?status=done`, admin)).statusCode).toBe(400);
    expect((await call('GET', `${url}?from=2999-02-01&to=2999-01-01`, admin)).json().field).toBe('to');
    expect((await call('GET', url)).statusCode).toBe(401);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    // A viewer of one assembly sees its meetings but not the district's.
    const aViewer = (await h.login('viewer', s.a1.id)).cookie;
    expect(ids(await call('GET', `/api/v1/units/${s.a1.id}/meetings`, aViewer))).toEqual([sub.id]);
    expect((await call('GET', url, aViewer)).statusCode).toBe(404);
    const list = (await call('GET', `/api/v1/units/${s.a1.id}/meetings`, aViewer)).json();
    expect(list.items[0].actions).toMatchObject({ canEdit: false, canHold: false });
  });
});

describe('reading and editing a meeting', () => {
  it('GET and PATCH: 401, 400, 403, 404, 200, and the history keeps before and after', async () => {
    const s = await district(h);
    const m = await makeMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}`;
    const viewer = (await h.login('viewer', s.district.id)).cookie;
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', url, viewer)).json()).toMatchObject({ id: m.id, actions: { canEdit: false } });
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/meetings/99999999', admin)).statusCode).toBe(404);
    expect((await call('PATCH', url, undefined, { title: 'x' })).statusCode).toBe(401);
    expect((await call('PATCH', url, admin, {})).statusCode).toBe(400);
    expect((await call('PATCH', url, admin, { startsAt: PAST })).json().field).toBe('startsAt');
    expect((await call('PATCH', url, admin, { colour: 'red' })).statusCode).toBe(400);
    expect((await call('PATCH', url, viewer, { title: 'x' })).statusCode).toBe(403);
    expect((await call('PATCH', url, outsider, { title: 'x' })).statusCode).toBe(404);
    const ok = await call('PATCH', url, admin, { title: 'जिला समीक्षा बैठक', agenda: ['बूथ समिति'], venue: null });
    expect(ok.json()).toMatchObject({ title: 'जिला समीक्षा बैठक', agenda: ['बूथ समिति'], venue: null });
    const history = (await call('GET', `${url}/history`, viewer)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['meeting.update', 'meeting.create']);
    expect(history[0]).toMatchObject({ before: { title: 'District review', venue: 'District office' }, after: { title: 'जिला समीक्षा बैठक', venue: null } });
    expect((await call('GET', `${url}/history`, outsider)).statusCode).toBe(404);
  });
});

describe('status moves', () => {
  it('planned → held only once it has started; cancel needs a reason; approval needs minutes and locks', async () => {
    const s = await district(h);
    const m = await makeMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}/status`;
    const early = await call('POST', url, admin, { status: 'held' });
    expect(early.json()).toMatchObject({ error: 'VALIDATION', field: 'startsAt' });
    expect((await call('POST', url, admin, { status: 'minutes-approved' })).json().field).toBe('status');
    const viewer = (await h.login('viewer', s.district.id)).cookie;
    expect((await call('POST', url, viewer, { status: 'held' })).statusCode).toBe(403);
    expect((await call('POST', url, undefined, { status: 'held' })).statusCode).toBe(401);
    // The day comes: the meeting's time is now in the past.
    await h.db.updateTable('meeting').set({ starts_at: new Date(PAST) }).where('id', '=', m.id).execute();
    const held = await call('POST', url, admin, { status: 'held' });
    expect(held.json()).toMatchObject({ status: 'held', actions: { canEditMinutes: true, canApproveMinutes: false, canHold: false } });
    expect((await call('POST', url, admin, { status: 'minutes-approved' })).json().field).toBe('status');
    expect((await call('PUT', `/api/v1/meetings/${m.id}/minutes`, viewer, { text: 'x', lang: 'en' })).statusCode).toBe(403);
    expect((await call('PUT', `/api/v1/meetings/${m.id}/minutes`, admin, { text: 'x', lang: 'fr' })).statusCode).toBe(400);
    const minutes = await call('PUT', `/api/v1/meetings/${m.id}/minutes`, admin, { text: 'बैठक में बूथ समितियों की समीक्षा हुई।', lang: 'hi' });
    expect(minutes.json()).toMatchObject({ minutesLang: 'hi', actions: { canApproveMinutes: true } });
    const approved = await call('POST', url, admin, { status: 'minutes-approved' });
    expect(approved.json()).toMatchObject({ status: 'minutes-approved', minutesApprovedAt: expect.any(String), actions: { canEdit: false, canTakeAttendance: false } });
    const locked = await call('PUT', `/api/v1/meetings/${m.id}/minutes`, admin, { text: 'changed', lang: 'en' });
    expect(locked.json()).toMatchObject({ error: 'VALIDATION' });
    expect(locked.json().message).toMatch(/approved/);
    expect((await call('PATCH', `/api/v1/meetings/${m.id}`, admin, { title: 'changed' })).statusCode).toBe(400);
    expect((await call('POST', url, admin, { status: 'held' })).statusCode).toBe(400);
    const history = (await call('GET', `/api/v1/meetings/${m.id}/history`, admin)).json().items;
    expect(history.map((e: { action: string }) => e.action).slice(0, 3)).toEqual(['meeting.minutes-approved', 'meeting.minutes', 'meeting.held']);
    expect(history[0]).toMatchObject({ before: { status: 'held' }, after: { status: 'minutes-approved' } });
  });

  it('cancels a planned meeting with a reason, and a cancelled one goes nowhere', async () => {
    const s = await district(h);
    const m = await makeMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}/status`;
    expect((await call('POST', url, admin, { status: 'cancelled' })).json().field).toBe('reason');
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', url, outsider, { status: 'cancelled', reason: 'rain' })).statusCode).toBe(404);
    const res = await call('POST', url, admin, { status: 'cancelled', reason: 'Heavy rain' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Heavy rain', actions: { canTakeAttendance: false, canHold: false } });
    expect((await call('POST', url, admin, { status: 'held' })).statusCode).toBe(400);
    const att = await call('PUT', `/api/v1/meetings/${m.id}/attendance`, admin, { entries: [{ personId: s.dPres.id, status: 'present' }] });
    expect(att.json().message).toMatch(/cancelled/);
  });
});

describe('editing the invitee list', () => {
  it('rebuilds while planned, refuses once attendance is taken or the meeting is held', async () => {
    const s = await district(h);
    const m = await makeMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}/invitees`;
    const spec = { includeSelf: false, rules: [{ levels: ['booth'], posts: ['president'] }] };
    expect((await call('PUT', url, undefined, spec)).statusCode).toBe(401);
    expect((await call('PUT', url, admin, { rules: [{ levels: ['national'] }] })).json().field).toBe('rules.0.levels.0');
    const viewer = (await h.login('viewer', s.district.id)).cookie;
    expect((await call('PUT', url, viewer, spec)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('PUT', url, outsider, spec)).statusCode).toBe(404);
    const res = await call('PUT', url, admin, spec);
    expect(res.json()).toMatchObject({ counts: { invited: 1 }, inviteeRule: { includeSelf: false, rules: [{ levels: ['booth'], posts: ['president'] }] } });
    const att = (await call('GET', `/api/v1/meetings/${m.id}/attendance`, admin)).json();
    expect(att.items.map((i: { personId: number }) => i.personId)).toEqual([s.boothPres.id]);
    await call('PUT', `/api/v1/meetings/${m.id}/attendance`, admin, { entries: [{ personId: s.boothPres.id, status: 'excused' }] });
    expect((await call('PUT', url, admin, spec)).json().field).toBe('invitees');
    const held = await heldMeeting(h, admin, s.district.id);
    expect((await call('PUT', `/api/v1/meetings/${held.id}/invitees`, admin, spec)).statusCode).toBe(400);
    const history = (await call('GET', `/api/v1/meetings/${m.id}/history`, admin)).json().items;
    expect(history.find((e: { action: string }) => e.action === 'meeting.invitees')).toMatchObject({
      before: { personIds: [s.dPres.id, s.dSec.id, s.a1Pres.id, s.a2Pres.id].sort((x, y) => x - y) },
      after: { count: 1, personIds: [s.boothPres.id] },
    });
  });
});
