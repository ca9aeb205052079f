import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, district, heldMeeting, makeMeeting } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

type TItem = { personId: number; source: string; phone: string; isContactMasked: boolean; current: { status: string } | null; history: { status: string }[] };
const records = async (meetingId: number) => (await h.db.selectFrom('meeting_attendance').select('id').where('meeting_id', '=', meetingId).execute()).length;
const consent = { purpose: 'party meeting attendance', date: '2026-11-20', method: 'verbal' };

describe('taking attendance', () => {
  it('401, 400, 403, 404, then records present/absent/excused per invitee with counts', async () => {
    const s = await district(h);
    const m = await heldMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}/attendance`;
    const body = { entries: [{ personId: s.dPres.id, status: 'present' }] };
    expect((await call('PUT', url, undefined, body)).statusCode).toBe(401);
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('PUT', url, admin, { entries: [{ personId: s.dPres.id, status: 'late' }] })).json().field).toBe('entries.0.status');
    expect((await call('PUT', url, admin, { entries: [] })).statusCode).toBe(400);
    expect((await call('PUT', url, admin, { entries: [{ status: 'present' }] })).statusCode).toBe(400);
    const viewer = (await h.login('viewer', s.district.id)).cookie;
    expect((await call('PUT', url, viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('office-bearer', (await h.chain()).district.id)).cookie;
    expect((await call('PUT', url, outsider, body)).statusCode).toBe(404);
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    expect(await records(m.id)).toBe(0);

    const bearer = (await h.login('office-bearer', s.district.id)).cookie;
    const res = await call('PUT', url, bearer, {
      entries: [
        { personId: s.dPres.id, status: 'present' },
        { personId: s.dSec.id, status: 'excused', note: 'unwell' },
        { personId: s.a1Pres.id, status: 'absent' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toEqual({ invited: 4, present: 1, absent: 1, excused: 1, walkIns: 0 });
    // The answer carries the rows just written, not the whole list.
    expect(res.json().items.map((i: TItem) => i.personId).sort()).toEqual([s.dPres.id, s.dSec.id, s.a1Pres.id].sort());
    const seen = (await call('GET', url, viewer)).json();
    expect(seen.canTakeAttendance).toBe(false);
    const byId = new Map<number, TItem>(seen.items.map((i: TItem) => [i.personId, i]));
    expect(byId.get(s.dSec.id)?.current).toMatchObject({ status: 'excused', note: 'unwell' });
    expect(byId.get(s.a2Pres.id)?.current).toBeNull();
    // A viewer sees phones masked; an office bearer of the unit sees them.
    expect(byId.get(s.dPres.id)).toMatchObject({ isContactMasked: true, phone: expect.stringMatching(/X/) });
    const full = (await call('GET', url, bearer)).json().items.find((i: TItem) => i.personId === s.dPres.id);
    expect(full).toMatchObject({ isContactMasked: false, phone: s.dPres.phone });
  });

  it('keeps a correction as a new record: the latest is current, the earlier stays in history and the audit', async () => {
    const s = await district(h);
    const m = await heldMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}/attendance`;
    await call('PUT', url, admin, { entries: [{ personId: s.a1Pres.id, status: 'absent' }] });
    await call('PUT', url, admin, { entries: [{ personId: s.a1Pres.id, status: 'absent' }] });
    expect(await records(m.id)).toBe(1);
    const res = await call('PUT', url, admin, { entries: [{ personId: s.a1Pres.id, status: 'present', note: 'arrived late' }] });
    const item = res.json().items.find((i: TItem) => i.personId === s.a1Pres.id);
    expect(item.current).toMatchObject({ status: 'present', note: 'arrived late' });
    expect(item.history.map((x: { status: string }) => x.status)).toEqual(['present', 'absent']);
    expect(res.json().counts).toMatchObject({ present: 1, absent: 0 });
    const history = (await call('GET', `/api/v1/meetings/${m.id}/history`, admin)).json().items;
    expect(history[0]).toMatchObject({
      action: 'meeting.attendance',
      before: [{ personId: s.a1Pres.id, status: 'absent' }],
      after: [{ personId: s.a1Pres.id, status: 'present', note: 'arrived late' }],
    });
  });

  it('refuses a non-invitee without the walk-in flag (nothing written), and adds walk-ins with it', async () => {
    const s = await district(h);
    const m = await makeMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}/attendance`;
    const stranger = await h.person({ homeUnitId: s.a2.id, name: 'Ravi Verma' });
    const refused = await call('PUT', url, admin, { entries: [{ personId: s.dPres.id, status: 'present' }, { personId: stranger.id, status: 'present' }] });
    expect(refused.json()).toMatchObject({ error: 'VALIDATION', field: 'entries.1.personId' });
    expect(refused.json().message).toMatch(/Ravi Verma was not invited/);
    expect(await records(m.id)).toBe(0);
    const dup = await call('PUT', url, admin, { entries: [{ personId: s.dPres.id, status: 'present' }, { personId: s.dPres.id, status: 'absent' }] });
    expect(dup.json().field).toBe('entries.1.personId');
    expect((await call('PUT', url, admin, { entries: [{ personId: 99999999, status: 'present', walkIn: true }] })).statusCode).toBe(404);
    const ok = await call('PUT', url, admin, { entries: [{ personId: stranger.id, status: 'present', walkIn: true }] });
    expect(ok.json().counts).toMatchObject({ invited: 5, present: 1, walkIns: 1 });
    expect(ok.json().items.at(-1)).toMatchObject({ personId: stranger.id, source: 'walk-in', post: null });
  });

  it('creates a new walk-in through the people module, with consent and phone dedupe', async () => {
    const s = await district(h);
    const m = await heldMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}/attendance`;
    const phone = h.phone();
    const newPerson = { nameHi: 'गीता देवी', phone, homeUnitId: s.booth.id, consent };
    expect((await call('PUT', url, admin, { entries: [{ newPerson, status: 'present' }] })).json().field).toBe('entries.0.walkIn');
    expect((await call('PUT', url, admin, { entries: [{ newPerson: { ...newPerson, consent: undefined }, status: 'present', walkIn: true }] })).statusCode).toBe(400);
    const ok = await call('PUT', url, admin, { entries: [{ newPerson, status: 'present', walkIn: true }] });
    expect(ok.statusCode, ok.body).toBe(200);
    const created = ok.json().items.find((i: TItem & { nameHi: string }) => i.nameHi === 'गीता देवी');
    expect(created).toMatchObject({ source: 'walk-in', current: { status: 'present' } });
    const person = await h.db.selectFrom('person').select(['consent_method', 'home_unit_id']).where('id', '=', created.personId).executeTakeFirstOrThrow();
    expect(person).toEqual({ consent_method: 'verbal', home_unit_id: s.booth.id });
    const again = await call('PUT', url, admin, { entries: [{ newPerson: { ...newPerson, nameHi: 'गीता' }, status: 'present', walkIn: true }] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ field: 'phone', existingId: created.personId });
    // A locked meeting refuses before the new person is created.
    const locked = await heldMeeting(h, admin, s.district.id);
    await call('PUT', `/api/v1/meetings/${locked.id}/minutes`, admin, { text: 'done', lang: 'en' });
    await call('POST', `/api/v1/meetings/${locked.id}/status`, admin, { status: 'minutes-approved' });
    const late = await call('PUT', `/api/v1/meetings/${locked.id}/attendance`, admin, { entries: [{ newPerson: { ...newPerson, phone: h.phone() }, status: 'present', walkIn: true }] });
    expect(late.json().message).toMatch(/approved/);
    expect(await h.db.selectFrom('person').select('id').where('name_hi', '=', 'गीता देवी').execute()).toHaveLength(1);
  });
});
