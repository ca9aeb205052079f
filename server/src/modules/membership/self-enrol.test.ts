import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import type { TSmsProvider } from '../notify/sms';
import { requestOtp } from './self-enrol';
import { mdb } from './tables';
import { caller, makeDrive, recount, storedCounts } from './test-support';

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
  const body: string = res.json().items[0]?.body ?? '';
  return body.match(/\d{6}/)?.[0] ?? '';
};

const setup = async () => {
  const { state, assembly, booth } = await h.chain();
  const drive = await makeDrive(h, admin, state.id);
  return {
    state,
    assembly,
    booth,
    drive,
    otpUrl: `/api/v1/public/drives/${drive.id}/otp`,
    enrolUrl: `/api/v1/public/drives/${drive.id}/self-enrol`,
  };
};

describe('public OTP request', () => {
  it('needs no session; 400 for a non-Indian phone, 404 for an unknown drive, 200 and an SMS in the outbox', async () => {
    const { drive, otpUrl, state } = await setup();
    expect((await call('POST', otpUrl, undefined, { phone: '+1 415 555 0100' })).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'phone',
    });
    expect((await call('POST', otpUrl, undefined, {})).json()).toMatchObject({ error: 'VALIDATION', field: 'phone' });
    expect((await call('POST', '/api/v1/public/drives/99999999/otp', undefined, { phone: h.phone() })).statusCode).toBe(404);
    const phone = h.phone();
    const res = await call('POST', otpUrl, undefined, { phone }, 'hi');
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toMatch(/^\+91 \d\dXXX XX\d{3}$/);
    const outbox = (await call('GET', `/api/v1/sms-outbox?phone=%2B91${phone}`, admin)).json();
    expect(outbox.items).toEqual([
      expect.objectContaining({ toPhone: `+91${phone}`, purpose: 'otp:self-enrol', provider: 'outbox', status: 'held', sentAt: null }),
    ]);
    expect(outbox.items[0].body).toMatch(/सदस्यता अभियान/);
    expect(outbox.items[0].body).toMatch(/\b\d{6}\b/);
    const challenge = await mdb(h.db).selectFrom('otp_challenge').selectAll().where('phone', '=', `+91${phone}`).executeTakeFirstOrThrow();
    expect(challenge.code_hash).not.toContain(await codeFromOutbox(`+91${phone}`));
    expect(challenge.drive_id).toBe(drive.id);
    const pub = (await call('GET', `/api/v1/public/drives/${drive.id}`)).json();
    expect(pub).toMatchObject({ id: drive.id, isOpen: true, allowSelfEnrol: true, unit: { id: state.id } });
  });

  it('allows 3 codes per phone in 10 minutes, then 400 on phone', async () => {
    const { otpUrl } = await setup();
    const phone = h.phone();
    for (let i = 0; i < 3; i++) expect((await call('POST', otpUrl, undefined, { phone })).statusCode).toBe(200);
    const limited = await call('POST', otpUrl, undefined, { phone: `+91 ${phone}` });
    expect(limited.statusCode).toBe(400);
    expect(limited.json()).toMatchObject({ error: 'VALIDATION', field: 'phone' });
    expect(limited.json().message).toMatch(/3 in 10 minutes/);
    expect((await call('POST', otpUrl, undefined, { phone: h.phone() })).statusCode).toBe(200);
  });

  it('sends through the provider it is given (a capturing fake here)', async () => {
    const { drive } = await setup();
    const sent: { to: string; body: string; purpose: string; unitId?: number | null }[] = [];
    const capture: TSmsProvider = {
      name: 'capture',
      send: async (to, body, meta) => {
        sent.push({ to, body, ...meta });
        return { provider: 'capture', status: 'sent' };
      },
    };
    const phone = h.phone();
    await requestOtp({ db: h.db, requestId: 'test', locale: 'en' }, capture, drive.id, phone);
    expect(sent).toEqual([
      { to: `+91${phone}`, body: expect.stringMatching(/^\d{6} is your code/), purpose: 'otp:self-enrol', unitId: expect.any(Number) },
    ]);
    const inOutbox = await mdb(h.db).selectFrom('sms_outbox').select('id').where('to_phone', '=', `+91${phone}`).execute();
    expect(inOutbox).toHaveLength(0);
  });

  it('refuses a drive closed to self-enrolment', async () => {
    const { state } = await h.chain();
    const drive = await makeDrive(h, admin, state.id, { allowSelfEnrol: false });
    expect((await call('POST', `/api/v1/public/drives/${drive.id}/otp`, undefined, { phone: h.phone() })).statusCode).toBe(400);
  });
});

describe('public self-enrolment', () => {
  it('refuses a wrong code (counting attempts) and an expired one; the right code enrols, verified by OTP', async () => {
    const { booth, assembly, drive, otpUrl, enrolUrl } = await setup();
    const phone = h.phone();
    await call('POST', otpUrl, undefined, { phone });
    const code = await codeFromOutbox(`+91${phone}`);
    const wrong = code === '000000' ? '111111' : '000000';
    const body = { phone, otp: wrong, name: 'Mohd Ansari', unitId: booth.id, consent: true };
    const bad = await call('POST', enrolUrl, undefined, body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'VALIDATION', field: 'otp' });
    expect(bad.json().message).toMatch(/4 attempt/);
    expect((await call('POST', enrolUrl, undefined, { ...body, otp: '12ab' })).json()).toMatchObject({ field: 'otp' });
    expect((await call('POST', enrolUrl, undefined, { ...body, consent: false })).json()).toMatchObject({ field: 'consent' });
    expect((await call('POST', enrolUrl, undefined, { ...body, unitId: assembly.id, otp: code })).json()).toMatchObject({
      field: 'unitId',
    });
    expect((await call('POST', enrolUrl, undefined, { ...body, unitId: 99_999_999, otp: code })).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'unitId',
    });
    expect((await call('POST', enrolUrl, undefined, { ...body, phone: '12345', otp: code })).json()).toMatchObject({ field: 'phone' });

    await mdb(h.db)
      .updateTable('otp_challenge')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('phone', '=', `+91${phone}`)
      .execute();
    const expired = await call('POST', enrolUrl, undefined, { ...body, otp: code });
    expect(expired.json()).toMatchObject({ error: 'VALIDATION', field: 'otp' });
    expect(expired.json().message).toMatch(/expired/);

    await call('POST', otpUrl, undefined, { phone });
    const fresh = await codeFromOutbox(`+91${phone}`);
    const ok = await call('POST', enrolUrl, undefined, { ...body, otp: fresh });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'verified', unit: { id: booth.id } });
    const m = (await call('GET', `/api/v1/memberships/${ok.json().membershipId}`, admin)).json();
    expect(m).toMatchObject({ channel: 'self', status: 'verified', method: 'otp', enrolledBy: null, person: { name: 'Mohd Ansari' } });
    const person = await h.db.selectFrom('person').selectAll().where('phone', '=', `+91${phone}`).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ consent_method: 'sms-otp', home_unit_id: booth.id });
    // A used code cannot be used again.
    expect((await call('POST', enrolUrl, undefined, { ...body, otp: fresh })).json()).toMatchObject({ field: 'otp' });
    expect(await storedCounts(h, drive.id)).toEqual(await recount(h, drive.id));
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('request_id', '=', ok.headers['x-request-id'] as string)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'person.create', actor_label: 'public:self-enrol' },
      { action: 'membership.self-enrol', actor_label: 'public:self-enrol' },
    ]);
  });

  it('locks a code after 5 wrong tries', async () => {
    const { booth, otpUrl, enrolUrl } = await setup();
    const phone = h.phone();
    await call('POST', otpUrl, undefined, { phone });
    const code = await codeFromOutbox(`+91${phone}`);
    const wrong = code === '000000' ? '111111' : '000000';
    const body = { phone, otp: wrong, nameHi: 'कासमी', unitId: booth.id, consent: true };
    for (let i = 0; i < 5; i++) expect((await call('POST', enrolUrl, undefined, body)).statusCode).toBe(400);
    const locked = await call('POST', enrolUrl, undefined, { ...body, otp: code });
    expect(locked.json()).toMatchObject({ field: 'otp' });
    expect(locked.json().message).toMatch(/Too many wrong codes/);
  });

  it('a known phone self-enrols as the same person; enrolling twice is 409 with the membership id', async () => {
    const { booth, otpUrl, enrolUrl } = await setup();
    const known = await h.person({ homeUnitId: booth.id });
    await call('POST', otpUrl, undefined, { phone: known.phone });
    const ok = await call('POST', enrolUrl, undefined, {
      phone: known.phone,
      otp: await codeFromOutbox(known.phone),
      name: 'Typed Differently',
      unitId: booth.id,
      consent: true,
    });
    expect(ok.statusCode).toBe(201);
    const m = (await call('GET', `/api/v1/memberships/${ok.json().membershipId}`, admin)).json();
    expect(m.person).toMatchObject({ id: known.id, name: known.name });
    await call('POST', otpUrl, undefined, { phone: known.phone });
    const twice = await call('POST', enrolUrl, undefined, {
      phone: known.phone,
      otp: await codeFromOutbox(known.phone),
      name: 'X',
      unitId: booth.id,
      consent: true,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'CONFLICT', existingId: ok.json().membershipId });
  });
});

describe('GET /api/v1/sms-outbox', () => {
  it('401 without a session, 403 below admin, admins see only their subtree, national admins all', async () => {
    const { state, otpUrl } = await setup();
    const phone = h.phone();
    await call('POST', otpUrl, undefined, { phone });
    const url = `/api/v1/sms-outbox?phone=%2B91${phone}`;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', url, (await h.login('data-entry', state.id)).cookie)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/sms-outbox?limit=0', admin)).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'querystring.limit',
    });
    expect((await call('GET', url, (await h.login('admin', state.id)).cookie)).json().items).toHaveLength(1);
    expect((await call('GET', url, (await h.login('admin', (await h.chain()).state.id)).cookie)).json().items).toHaveLength(0);
    expect((await call('GET', url, admin)).json().items).toHaveLength(1);
  });
});
