import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { mdb } from '../membership/tables';
import { caller, districtElection, wardsCsv } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

/** The code in the newest outbox SMS to this phone, read the way an admin would. */
const codeFromOutbox = async (phone: string) => {
  const res = await call('GET', `/api/v1/sms-outbox?phone=${encodeURIComponent(phone)}&limit=1`, admin);
  return (res.json().items[0]?.body ?? '').match(/\d{6}/)?.[0] ?? '';
};

/** A district panchayat election of 3 wards with a booth inside the district (and one outside it). */
const setup = async (year: number) => {
  const { district, election } = await districtElection(h, admin, year);
  await call('POST', `/api/v1/elections/${election.id}/seats/import?dryRun=false`, admin, wardsCsv(3));
  const seats = (await call('GET', `/api/v1/elections/${election.id}/seats`, admin)).json().items as { id: number; name: string }[];
  const assembly = await h.unit({ parentId: district.id, level: 'assembly', name: `Budhana ${year}` });
  const booth = await h.unit({ parentId: assembly.id, level: 'booth', name: `Booth Kasba ${year}` });
  const outside = (await h.chain()).booth;
  return { district, election, seats, booth, outside, seat: seats[0] as { id: number; name: string } };
};

describe('PUT /api/v1/elections/:id/applications and /seats/:id/applications', () => {
  it('401, 400, 404 outside, 403 for a viewer, 200 for an office bearer; audited', async () => {
    const { district, election, seat } = await setup(2031);
    const url = `/api/v1/elections/${election.id}/applications`;
    expect((await call('PUT', url, undefined, { open: true })).statusCode).toBe(401);
    expect((await call('PUT', url, admin, { open: 'yes' })).json()).toMatchObject({ error: 'VALIDATION', field: 'open' });
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('PUT', url, outsider, { open: true })).statusCode).toBe(404);
    expect((await call('PUT', '/api/v1/elections/99999999/applications', admin, { open: true })).statusCode).toBe(404);
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('PUT', url, viewer, { open: true })).statusCode).toBe(403);
    const bearer = (await h.login('office-bearer', district.id)).cookie;
    const ok = await call('PUT', url, bearer, { open: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ applicationsOpen: true, actions: { canOpenApplications: true } });
    const history = (await call('GET', `/api/v1/elections/${election.id}/history`, admin)).json().items;
    expect(history.some((e: { action: string }) => e.action === 'election.applications')).toBe(true);

    const seatUrl = `/api/v1/seats/${seat.id}/applications`;
    expect((await call('PUT', seatUrl, undefined, { open: false })).statusCode).toBe(401);
    expect((await call('PUT', seatUrl, admin, {})).statusCode).toBe(400);
    expect((await call('PUT', seatUrl, outsider, { open: false })).statusCode).toBe(404);
    expect((await call('PUT', seatUrl, viewer, { open: false })).statusCode).toBe(403);
    const closed = await call('PUT', seatUrl, bearer, { open: false });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ id: seat.id, applicationsOpen: false });
    const seatHistory = (await call('GET', `/api/v1/seats/${seat.id}/history`, admin)).json().items;
    expect(seatHistory.find((e: { action: string }) => e.action === 'seat.applications')).toMatchObject({
      before: { applicationsOpen: null },
      after: { applicationsOpen: false },
    });
  });
});

describe('public application for a seat', () => {
  it('closed: 409 on the form, the code and the application; the public election lists no seat', async () => {
    const { election, seat, booth } = await setup(2032);
    const pub = await call('GET', `/api/v1/public/elections/${election.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ id: election.id, seats: [] });
    expect((await call('GET', '/api/v1/public/elections/99999999')).statusCode).toBe(404);
    const otp = await call('POST', `/api/v1/public/seats/${seat.id}/otp`, undefined, { phone: h.phone() });
    expect(otp.statusCode).toBe(409);
    expect(otp.json()).toMatchObject({ error: 'CONFLICT' });
    expect(otp.json().message).toMatch(/closed/);
    expect((await call('GET', `/api/v1/public/seats/${seat.id}/units`)).statusCode).toBe(409);
    const body = {
      phone: h.phone(),
      otp: '123456',
      name: 'Rekha Devi',
      homeUnitId: booth.id,
      statement: 'I serve the ward.',
      consent: true,
    };
    expect((await call('POST', `/api/v1/public/seats/${seat.id}/apply`, undefined, body)).statusCode).toBe(409);
    expect((await call('POST', '/api/v1/public/seats/99999999/otp', undefined, { phone: h.phone() })).statusCode).toBe(404);
  });

  it('wrong and expired codes are refused; the right one makes an aspirant at applied; twice for one seat is 409', async () => {
    const { election, seats, seat, booth, outside } = await setup(2033);
    await call('PUT', `/api/v1/elections/${election.id}/applications`, admin, { open: true });
    // One seat closed on its own while the election is open.
    const closedSeat = seats[2] as { id: number };
    await call('PUT', `/api/v1/seats/${closedSeat.id}/applications`, admin, { open: false });
    const pub = (await call('GET', `/api/v1/public/elections/${election.id}?limit=1`)).json();
    expect(pub.seats).toHaveLength(1);
    expect(pub.nextCursor).not.toBeNull();
    const rest = (await call('GET', `/api/v1/public/elections/${election.id}?limit=5&cursor=${pub.nextCursor}`)).json();
    expect([...pub.seats, ...rest.seats].map((s: { id: number }) => s.id)).toEqual([seat.id, (seats[1] as { id: number }).id]);
    expect((await call('POST', `/api/v1/public/seats/${closedSeat.id}/otp`, undefined, { phone: h.phone() })).statusCode).toBe(409);

    // Units of the seat's area (the district), by name; none from outside.
    const units = (await call('GET', `/api/v1/public/seats/${seat.id}/units?q=Kasba`)).json();
    expect(units.items).toEqual([expect.objectContaining({ id: booth.id, level: 'booth', hasChildren: false })]);

    const otpUrl = `/api/v1/public/seats/${seat.id}/otp`;
    const applyUrl = `/api/v1/public/seats/${seat.id}/apply`;
    const phone = h.phone();
    expect((await call('POST', otpUrl, undefined, { phone: '12345' })).json()).toMatchObject({ error: 'VALIDATION', field: 'phone' });
    expect((await call('POST', otpUrl, undefined, { phone })).statusCode).toBe(200);
    const outbox = (await call('GET', `/api/v1/sms-outbox?phone=%2B91${phone}`, admin)).json().items;
    expect(outbox[0]).toMatchObject({ purpose: 'otp:aspirant-apply' });
    expect(outbox[0].body).toMatch(/apply for Ward 1/);
    const code = await codeFromOutbox(`+91${phone}`);
    const body = {
      phone,
      otp: code === '000000' ? '111111' : '000000',
      name: 'Rekha Devi',
      homeUnitId: booth.id,
      statement: 'Ten years of work.',
      consent: true,
    };
    const wrong = await call('POST', applyUrl, undefined, body);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'VALIDATION', field: 'otp' });
    expect(wrong.json().message).toMatch(/4 attempt/);
    expect((await call('POST', applyUrl, undefined, { ...body, consent: false })).json()).toMatchObject({ field: 'consent' });
    expect((await call('POST', applyUrl, undefined, { ...body, name: undefined })).json()).toMatchObject({ field: 'name' });
    expect((await call('POST', applyUrl, undefined, { ...body, otp: code, homeUnitId: outside.id })).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'homeUnitId',
    });
    expect((await call('POST', applyUrl, undefined, { ...body, otp: code, epic: '12' })).json()).toMatchObject({ field: 'epic' });

    await mdb(h.db)
      .updateTable('otp_challenge')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('phone', '=', `+91${phone}`)
      .execute();
    const expired = await call('POST', applyUrl, undefined, { ...body, otp: code });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toMatch(/expired/);
    expect(await h.db.selectFrom('aspirant').select('id').where('seat_id', '=', seat.id).execute()).toEqual([]);

    await call('POST', otpUrl, undefined, { phone });
    const ok = await call('POST', applyUrl, undefined, { ...body, otp: await codeFromOutbox(`+91${phone}`) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ seat: { id: seat.id, name: 'Ward 1' }, election: { id: election.id } });
    const listed = (await call('GET', `/api/v1/seats/${seat.id}/aspirants`, admin)).json().items;
    expect(listed).toEqual([
      expect.objectContaining({
        id: ok.json().aspirantId,
        stage: 'applied',
        channel: 'public',
        statement: 'Ten years of work.',
        person: expect.objectContaining({ name: 'Rekha Devi' }),
        history: [expect.objectContaining({ from: null, to: 'applied', by: 'public:aspirant-apply' })],
      }),
    ]);
    const person = await h.db.selectFrom('person').selectAll().where('phone', '=', `+91${phone}`).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ consent_method: 'sms-otp', home_unit_id: booth.id });
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'aspirant')
      .where('entity_id', '=', String(ok.json().aspirantId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['aspirant.apply']);
    // The code is used up; a second application for the same seat with a new code is 409.
    expect((await call('POST', applyUrl, undefined, { ...body, otp: code })).statusCode).toBe(400);
    await call('POST', otpUrl, undefined, { phone });
    const twice = await call('POST', applyUrl, undefined, { ...body, otp: await codeFromOutbox(`+91${phone}`) });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'CONFLICT' });
  });

  it('a known phone or EPIC applies as the person on file (dedupe), not a new person', async () => {
    const { election, seat, booth } = await setup(2034);
    await call('PUT', `/api/v1/elections/${election.id}/applications`, admin, { open: true });
    const known = await h.person({ homeUnitId: booth.id, name: 'Satyapal Baliyan', epic: 'ABC1234567' });
    const phone = h.phone();
    await call('POST', `/api/v1/public/seats/${seat.id}/otp`, undefined, { phone });
    const res = await call('POST', `/api/v1/public/seats/${seat.id}/apply`, undefined, {
      phone,
      otp: await codeFromOutbox(`+91${phone}`),
      name: 'Satyapal B.',
      epic: 'abc1234567',
      homeUnitId: booth.id,
      statement: 'Sitting member.',
      consent: true,
    });
    expect(res.statusCode).toBe(201);
    const a = await h.db.selectFrom('aspirant').select('person_id').where('id', '=', res.json().aspirantId).executeTakeFirstOrThrow();
    expect(a.person_id).toBe(known.id);
    expect(await h.db.selectFrom('person').select('id').where('phone', '=', `+91${phone}`).execute()).toEqual([]);
  });
});
