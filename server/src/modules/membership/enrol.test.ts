import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { mdb } from './tables';
import { caller, consent, dayOffset, makeDrive, recount, recountEnrollers, storedCounts } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const expectCountersMatch = async (driveId: number) => {
  expect(await storedCounts(h, driveId)).toEqual(await recount(h, driveId));
  const { recounted, stored } = await recountEnrollers(h, driveId);
  expect(stored).toEqual(recounted);
};

describe('POST /api/v1/drives/:id/enrol', () => {
  it('401, 400, 403, 404, 201 — a new person enrolled pending, phone in E.164', async () => {
    const { state, district, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const url = `/api/v1/drives/${drive.id}/enrol`;
    const body = { person: { name: 'Ajay Tyagi', phone: '098101-23456', epic: 'tya1234567', consent }, unitId: booth.id };
    expect((await call('POST', url, undefined, body)).statusCode).toBe(401);
    expect((await call('POST', url, admin, { ...body, person: { ...body.person, phone: '+44 7911 123456' } })).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'person.phone',
    });
    expect((await call('POST', url, admin, { ...body, person: { ...body.person, epic: 'X1' } })).json()).toMatchObject({
      field: 'person.epic',
    });
    expect((await call('POST', url, admin, { ...body, person: { ...body.person, name: undefined } })).json()).toMatchObject({
      field: 'person.name',
    });
    expect((await call('POST', url, admin, { unitId: booth.id })).json()).toMatchObject({ field: 'person' });
    const unknownUnit = await call('POST', url, admin, { ...body, unitId: 99_999_999 });
    expect(unknownUnit.statusCode).toBe(404);
    expect(unknownUnit.json()).toMatchObject({ field: 'unitId' });
    const otherBooth = (await h.chain()).booth;
    expect((await call('POST', url, admin, { ...body, unitId: otherBooth.id })).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'unitId',
    });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', url, viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('data-entry', (await h.chain()).district.id)).cookie;
    expect((await call('POST', url, outsider, body)).statusCode).toBe(404);
    const entry = (await h.login('data-entry', district.id)).cookie;
    const res = await call('POST', url, entry, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      driveId: drive.id,
      person: { name: 'Ajay Tyagi', phone: '+919810123456', isContactMasked: false },
      unit: { id: booth.id },
      channel: 'enroller',
      status: 'pending',
      method: null,
      enrolledBy: { kind: 'user' },
      isActive: false,
      actions: { canVerify: true, canReject: true },
    });
    const person = await h.db.selectFrom('person').selectAll().where('phone', '=', '+919810123456').executeTakeFirstOrThrow();
    expect(person).toMatchObject({ epic: 'TYA1234567', home_unit_id: booth.id, derived_name: 'nameHi' });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('request_id', '=', res.headers['x-request-id'] as string)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['person.create', 'membership.enrol']);
  });

  it('an existing phone (any writing) or EPIC reuses the person; a second enrolment is 409 with the membership id', async () => {
    const { state, booth } = await h.chain();
    const known = await h.person({ homeUnitId: booth.id, phone: '+91 97000 11122', epic: 'KNW7654321' });
    const drive = await makeDrive(h, admin, state.id);
    const url = `/api/v1/drives/${drive.id}/enrol`;
    const first = await call('POST', url, admin, { person: { name: 'Someone Else', phone: '097000-11122', consent }, unitId: booth.id });
    expect(first.statusCode).toBe(201);
    expect(first.json().person).toMatchObject({ id: known.id, name: known.name });
    const people = await h.db.selectFrom('person').select('id').where('phone', '=', '+919700011122').execute();
    expect(people).toHaveLength(1);
    const again = await call('POST', url, admin, {
      person: { name: 'X', phone: h.phone(), epic: 'knw 765 4321', consent },
      unitId: booth.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'CONFLICT', existingId: first.json().id });
    const byId = await call('POST', url, admin, { personId: known.id, unitId: booth.id });
    expect(byId.json()).toMatchObject({ error: 'CONFLICT', existingId: first.json().id });
    const members = await mdb(h.db).selectFrom('membership').select('id').where('person_id', '=', known.id).execute();
    expect(members).toHaveLength(1);
    const other = await h.person({ homeUnitId: booth.id, epic: 'OTH1111111' });
    const mismatch = await call('POST', url, admin, {
      person: { name: 'Y', phone: other.phone, epic: 'KNW7654321', consent },
      unitId: booth.id,
    });
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json()).toMatchObject({ field: 'person.epic', existingId: known.id });
    await expectCountersMatch(drive.id);
  });

  it('refuses enrolment outside the drive dates, and a person the actor cannot see is 404 on personId', async () => {
    const { state, booth } = await h.chain();
    const closed = await makeDrive(h, admin, state.id, { startsOn: dayOffset(5), endsOn: dayOffset(10) });
    const p = await h.person({ homeUnitId: booth.id });
    const res = await call('POST', `/api/v1/drives/${closed.id}/enrol`, admin, { personId: p.id, unitId: booth.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('VALIDATION');
    const open = await makeDrive(h, admin, state.id);
    const entry = (await h.login('data-entry', state.id)).cookie;
    const hidden = await h.person();
    expect((await call('POST', `/api/v1/drives/${open.id}/enrol`, entry, { personId: hidden.id, unitId: booth.id })).json()).toMatchObject({
      error: 'NOT_FOUND',
      field: 'personId',
    });
  });
});

describe('concurrent enrolments of one person', () => {
  it('one 201, the rest 409 with its id: one person, one membership, one delta, audit rows only for the winner', async () => {
    const { state, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const phone = h.phone();
    const body = { person: { name: 'Race Person', phone, consent }, unitId: booth.id };
    const all = await Promise.all(Array.from({ length: 6 }, () => call('POST', `/api/v1/drives/${drive.id}/enrol`, admin, body)));
    const won = all.filter((r) => r.statusCode === 201);
    expect(won).toHaveLength(1);
    for (const r of all.filter((x) => x.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ error: 'CONFLICT', existingId: won[0]?.json().id });
    }
    const people = await h.db.selectFrom('person').select('id').where('phone', '=', won[0]?.json().person.phone).execute();
    expect(people).toHaveLength(1);
    const audits = await h.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(people[0]?.id)).where('entity_type', '=', 'person').execute();
    expect(audits.map((a) => a.action)).toEqual(['person.create']);
    await expectCountersMatch(drive.id);
    expect((await storedCounts(h, drive.id)).get(state.id)).toEqual({ enrolled: 1, verified: 0, rejected: 0 });
  });
});

describe('verify and reject', () => {
  it('401, 400, 403, 404, 200 for verify and reject; only a pending membership can be decided', async () => {
    const { state, district, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const enrolOne = async () =>
      (
        await call('POST', `/api/v1/drives/${drive.id}/enrol`, admin, {
          personId: (await h.person({ homeUnitId: booth.id })).id,
          unitId: booth.id,
        })
      ).json();
    const m = await enrolOne();
    const verify = `/api/v1/memberships/${m.id}/verify`;
    expect((await call('POST', verify, undefined, { method: 'epic' })).statusCode).toBe(401);
    expect((await call('POST', verify, admin, { method: 'aadhaar' })).json()).toMatchObject({ error: 'VALIDATION', field: 'method' });
    const viewer = (await h.login('office-bearer', district.id)).cookie;
    expect((await call('POST', verify, viewer, { method: 'epic' })).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('POST', verify, outsider, { method: 'epic' })).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/memberships/99999999/verify', admin, { method: 'epic' })).statusCode).toBe(404);
    const entry = (await h.login('data-entry', booth.id)).cookie;
    // (Verification by photo, which needs a photo on file, is tested with person photos.)
    const ok = await call('POST', verify, entry, { method: 'epic' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'verified', method: 'epic', actions: { canVerify: false, canReject: false } });
    expect((await call('POST', verify, entry, { method: 'epic' })).json()).toMatchObject({ error: 'VALIDATION', field: 'status' });

    const r = await enrolOne();
    const reject = `/api/v1/memberships/${r.id}/reject`;
    expect((await call('POST', reject, undefined, { reason: 'fake' })).statusCode).toBe(401);
    expect((await call('POST', reject, entry, { reason: '  ' })).json()).toMatchObject({ field: 'reason' });
    expect((await call('POST', reject, viewer, { reason: 'fake' })).statusCode).toBe(403);
    expect((await call('POST', reject, outsider, { reason: 'fake' })).statusCode).toBe(404);
    const rejected = await call('POST', reject, entry, { reason: 'Not a resident of this booth' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Not a resident of this booth' });
    expect((await call('POST', `/api/v1/memberships/${r.id}/verify`, entry, { method: 'otp' })).statusCode).toBe(400);
    const hist = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'membership')
      .where('entity_id', '=', String(r.id))
      .orderBy('id')
      .execute();
    expect(hist.map((a) => a.action)).toEqual(['membership.enrol', 'membership.reject']);
    await expectCountersMatch(drive.id);
  });

  it('keeps every ancestor counter equal to a direct recount through enrol, verify and reject', async () => {
    const state = await h.unit({ level: 'state' });
    const d1 = await h.unit({ parentId: state.id, level: 'district' });
    const d2 = await h.unit({ parentId: state.id, level: 'district' });
    const a1 = await h.unit({ parentId: d1.id, level: 'assembly' });
    const a2 = await h.unit({ parentId: d2.id, level: 'assembly' });
    const booths = [
      await h.unit({ parentId: a1.id, level: 'booth' }),
      await h.unit({ parentId: a1.id, level: 'booth' }),
      await h.unit({ parentId: a2.id, level: 'booth' }),
    ];
    // A national drive: counters run from the national unit down.
    const drive = await makeDrive(h, admin, h.rootId);
    const enroller = await h.person({ homeUnitId: a1.id });
    const ids: number[] = [];
    for (const [i, b] of [...booths, ...booths, booths[0], d2].entries()) {
      if (!b) continue;
      const body = {
        person: { name: `Member ${i}`, phone: h.phone(), consent },
        unitId: b.id,
        ...(i % 2 ? { enrollerPersonId: enroller.id } : {}),
      };
      const res = await call('POST', `/api/v1/drives/${drive.id}/enrol`, admin, body);
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    await expectCountersMatch(drive.id);
    for (const id of ids.slice(0, 5)) await call('POST', `/api/v1/memberships/${id}/verify`, admin, { method: 'otp' });
    await call('POST', `/api/v1/memberships/${ids[5]}/reject`, admin, { reason: 'duplicate form' });
    await call('POST', `/api/v1/memberships/${ids[7]}/reject`, admin, { reason: 'no consent' });
    await expectCountersMatch(drive.id);
    const stored = await storedCounts(h, drive.id);
    expect(stored.get(h.rootId)).toEqual({ enrolled: 6, verified: 5, rejected: 2 });
    expect(stored.get(state.id)).toEqual({ enrolled: 6, verified: 5, rejected: 2 });
    expect(stored.get(d2.id)).toEqual({ enrolled: 1, verified: 1, rejected: 2 });
    const progress = (await call('GET', `/api/v1/drives/${drive.id}/progress?unit=${state.id}`, admin)).json();
    expect(progress.unit).toMatchObject({ enrolled: 6, verified: 5, rejected: 2 });
    expect(progress.children.map((c: { unit: { id: number }; enrolled: number }) => [c.unit.id, c.enrolled])).toEqual([
      [d1.id, 5],
      [d2.id, 1],
    ]);
  });
});
