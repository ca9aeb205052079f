import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { mdb } from '../membership/tables';
import { caller, consent, makeDrive, recount, recountEnrollers, storedCounts } from '../membership/test-support';
import { deletePerson } from '../people/operations';
import { importMembers } from './members';
import { WRITE_BATCH } from './rows';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
const consentQuery = `consentPurpose=${encodeURIComponent(consent.purpose)}&consentDate=${consent.date}&consentMethod=${consent.method}`;
let seq = 0;
const phone = () => `71${String(++seq).padStart(8, '0')}`;
const e164 = (p: string) => `+91${p}`;

beforeAll(async () => {
  h = await createHarness({ jobs: true });
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const upload = (csv: string, query: string, cookie: string | null = admin, lang?: string) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/imports/members?${consentQuery}&${query}`,
    headers: { ...(cookie ? { cookie } : {}), 'content-type': 'text/csv', ...(lang ? { 'accept-language': lang } : {}) },
    payload: Buffer.from(csv),
  });
const waitForJob = async (id: number) => {
  let job = (await call('GET', `/api/v1/imports/${id}`, admin)).json();
  for (let i = 0; i < 80 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((r) => setTimeout(r, 250));
    job = (await call('GET', `/api/v1/imports/${id}`, admin)).json();
  }
  return job;
};
const countWhere = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(h.db)).rows[0]?.n);

describe('members import', () => {
  it('401, 400, 404, 403, a dry run, then the job; a second run finds everyone already a member', async () => {
    const { state, district, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const known = await h.person({ homeUnitId: booth.id });
    const csv = [
      'unit id,name,mobile,gender,birth year',
      `${booth.id},Sita Devi,${phone()},F,1980`,
      `${booth.id},रमेश कुमार,${phone()},,`,
      `${booth.id},X,${known.phone},,`,
    ].join('\n');
    const q = `driveId=${drive.id}&dryRun=true`;
    expect((await upload(csv, q, null)).statusCode).toBe(401);
    expect((await upload(csv, 'dryRun=true')).json()).toMatchObject({ error: 'VALIDATION', field: 'querystring.driveId' });
    const bad = await upload(`unit id,name,mobile\n${booth.id},A,123\n`, q);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().report.errors).toEqual([{ line: 2, messages: [expect.stringContaining('123')] }]);
    expect((await upload(csv, `driveId=99999999&dryRun=true`)).statusCode).toBe(404);
    const outsider = (await h.login('data-entry', (await h.chain()).district.id)).cookie;
    expect((await upload(csv, q, outsider)).statusCode).toBe(404);
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await upload(csv, q, viewer)).statusCode).toBe(403);

    const entry = (await h.login('data-entry', district.id)).cookie;
    const dry = await upload(csv, q, entry);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, rows: 3, newPeople: 2, matchedPeople: 1, enrolments: 3, alreadyMembers: 0, errors: [] });
    expect(await mdb(h.db).selectFrom('membership').select('id').where('drive_id', '=', drive.id).execute()).toHaveLength(0);
    const queued = await upload(csv, `driveId=${drive.id}&dryRun=false&fileName=members.csv`, entry);
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ kind: 'members', status: 'queued', total: 5 });
    const job = (await waitForJob(queued.json().id)) as { status: string; processed: number; report: object };
    expect(job).toMatchObject({ status: 'done', processed: 5, report: { kind: 'members', enrolments: 3, newPeople: 2 } });
    const members = (await call('GET', `/api/v1/drives/${drive.id}/members?limit=10`, admin)).json();
    expect(members.items).toHaveLength(3);
    expect(members.items.map((m: { status: string }) => m.status)).toEqual(['pending', 'pending', 'pending']);
    expect(members.items.find((m: { person: { id: number } }) => m.person.id === known.id)).toBeTruthy();
    const audit = await h.db.selectFrom('audit_log').select('action').where('request_id', '=', `import-${queued.json().id}`).execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'membership.enrol',
      'membership.enrol',
      'membership.enrol',
      'person.create',
      'person.create',
    ]);
    const again = await upload(csv, q, entry);
    expect(again.json()).toMatchObject({ newPeople: 0, matchedPeople: 3, enrolments: 0, alreadyMembers: 3 });
  });

  it('reads Hindi headings and names every bad row in Hindi: outside the drive or the area, status, verification, date, enroller', async () => {
    const { state, booth } = await h.chain();
    const elsewhere = (await h.chain()).booth;
    const drive = await makeDrive(h, admin, state.id);
    const csv = [
      'इकाई,नाम,मोबाइल,ईपिक,स्थिति,सत्यापन विधि,सदस्यता तिथि,प्रेरक',
      `${booth.id},रमेश कुमार,${phone()},,सत्यापित,ओटीपी,,`,
      `${booth.id},सीता देवी,${phone()},ABC1234567,सत्यापित,,,`,
      `${elsewhere.id},अनिल,${phone()},,,,,`,
      `99999999,सुनील,${phone()},,,,,`,
      `${booth.id},राजेश,${phone()},,शायद,,,`,
      `${booth.id},राजेश,${phone()},,सत्यापित,,,`,
      `${booth.id},राजेश,${phone()},,,,01/01/2020,`,
      `${booth.id},राजेश,${phone()},,,,,12`,
      `${booth.id},राजेश,${phone()},,,,,9999999999`,
      `${booth.id},राजेश,${phone()},,सत्यापित,फ़ोटो,,`,
    ].join('\n');
    const res = await upload(csv, `driveId=${drive.id}&dryRun=true`, admin, 'hi');
    expect(res.statusCode).toBe(400);
    const { errors } = res.json().report as { errors: { line: number; messages: string[] }[] };
    expect(errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(errors.every((e) => /[\u0900-\u097f]/.test(e.messages.join(' ')))).toBe(true);
    expect(errors[0]?.messages[0]).toContain(String(elsewhere.id));
    const ok = await upload(csv.split('\n').slice(0, 3).join('\n'), `driveId=${drive.id}&dryRun=true`);
    expect(ok.json()).toMatchObject({ enrolments: 2, errors: [] });
  });

  it("refuses a deleted person's mobile (restore them first) but matches a live person's EPIC", async () => {
    const { state, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const gone = await h.person({ homeUnitId: booth.id });
    await deletePerson(h.ctx, gone.id);
    const live = await h.person({ homeUnitId: booth.id, epic: 'LIV1234567' });
    const csv = ['unit id,name,mobile,epic', `${booth.id},Gone,${gone.phone},`, `${booth.id},Live,${phone()},liv1234567`].join('\n');
    const r = await importMembers(h.ctx, new TextEncoder().encode(csv), { dryRun: true, driveId: drive.id, consent });
    expect(r.errors).toEqual([{ line: 2, messages: [expect.stringContaining('deleted')] }]);
    const ok = await importMembers(
      h.ctx,
      new TextEncoder().encode(
        csv
          .split('\n')
          .filter((_, i) => i !== 1)
          .join('\n'),
      ),
      {
        dryRun: false,
        driveId: drive.id,
        consent,
      },
    );
    expect(ok).toMatchObject({ newPeople: 0, matchedPeople: 1, enrolments: 1 });
    const m = await mdb(h.db).selectFrom('membership').select('person_id').where('drive_id', '=', drive.id).execute();
    expect(m.map((x) => x.person_id)).toEqual([live.id]);
  });

  it('leaves the counters as enrolling and verifying the same people through the API does', async () => {
    const state = await h.unit({ level: 'state' });
    const d1 = await h.unit({ parentId: state.id, level: 'district' });
    const d2 = await h.unit({ parentId: state.id, level: 'district' });
    const b1 = await h.unit({ parentId: d1.id, level: 'booth' });
    const b2 = await h.unit({ parentId: d2.id, level: 'booth' });
    const enroller = await h.person({ homeUnitId: d1.id });
    const viaImport = await makeDrive(h, admin, state.id);
    const viaApi = await makeDrive(h, admin, state.id);
    const inFile = phone();
    const rows = [
      { unit: b1.id, phone: inFile, status: 'verified', method: 'otp', enroller: '' },
      { unit: b1.id, phone: phone(), status: 'pending', method: '', enroller: enroller.phone },
      { unit: b1.id, phone: phone(), status: 'verified', method: 'OTP', enroller: enroller.phone },
      { unit: b2.id, phone: phone(), status: 'verified', method: 'epic', enroller: inFile },
      { unit: b2.id, phone: phone(), status: '', method: '', enroller: inFile },
      { unit: d2.id, phone: phone(), status: 'pending', method: '', enroller: '' },
    ];
    const csv = [
      'unit,name,mobile,status,verified by,enroller',
      ...rows.map((r, i) => `${r.unit},Member ${i},${r.phone},${r.status},${r.method},${r.enroller}`),
    ].join('\n');
    const queued = await upload(csv, `driveId=${viaImport.id}&dryRun=false`);
    expect(queued.statusCode).toBe(202);
    expect(await waitForJob(queued.json().id)).toMatchObject({ status: 'done' });

    const idOf = async (p: string) =>
      (await h.db.selectFrom('person').select('id').where('phone', '=', e164(p)).executeTakeFirstOrThrow()).id;
    for (const r of rows) {
      const body = {
        personId: await idOf(r.phone),
        unitId: r.unit,
        ...(r.enroller ? { enrollerPersonId: await idOf(r.enroller.replace('+91', '')) } : {}),
      };
      const m = await call('POST', `/api/v1/drives/${viaApi.id}/enrol`, admin, body);
      expect(m.statusCode).toBe(201);
      if (r.status === 'verified')
        expect(
          (await call('POST', `/api/v1/memberships/${m.json().id}/verify`, admin, { method: r.method.toLowerCase() })).statusCode,
        ).toBe(200);
    }
    expect(await storedCounts(h, viaImport.id)).toEqual(await storedCounts(h, viaApi.id));
    expect(await storedCounts(h, viaImport.id)).toEqual(await recount(h, viaImport.id));
    const [a, b] = [await recountEnrollers(h, viaImport.id), await recountEnrollers(h, viaApi.id)];
    expect(a.stored).toEqual(a.recounted);
    expect(a.stored).toEqual(b.stored);
    const progress = async (id: number) => (await call('GET', `/api/v1/drives/${id}/progress?unit=${state.id}`, admin)).json();
    const [pa, pb] = [await progress(viaImport.id), await progress(viaApi.id)];
    expect(pa.unit).toMatchObject({ enrolled: 6, verified: 3, rejected: 0 });
    expect({ ...pa, driveId: 0 }).toEqual({ ...pb, driveId: 0 });
    const board = async (id: number) => (await call('GET', `/api/v1/drives/${id}/leaderboard?unit=${state.id}`, admin)).json().items;
    expect(await board(viaImport.id)).toEqual(await board(viaApi.id));
  });

  it('is all or nothing: a bad last row, or a failure writing the last batch, leaves nothing', { timeout: 300_000 }, async () => {
    const { state, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const n = 12_000;
    const lines = ['unit id,name,mobile,status,verified by'];
    for (let i = 0; i < n; i++)
      lines.push(`${booth.id},Member ${i},${6_100_000_000 + i},${i % 3 ? 'pending' : 'verified'},${i % 3 ? '' : 'otp'}`);
    const people = () => countWhere(sql<{ n: number }>`select count(*)::int as n from person`);
    const written = async () => ({
      people: await people(),
      members: await countWhere(sql<{ n: number }>`select count(*)::int as n from membership where drive_id = ${drive.id}`),
      deltas: await countWhere(sql<{ n: number }>`select count(*)::int as n from drive_count_delta where drive_id = ${drive.id}`),
    });
    const before = await written();
    const badLast = [...lines.slice(0, -1), `${booth.id},Last,12345,,`].join('\n');
    const r = await importMembers(h.ctx, new TextEncoder().encode(badLast), { dryRun: false, driveId: drive.id, consent });
    expect(r.errors.map((e) => e.line)).toEqual([n + 1]);
    expect(await written()).toEqual(before);

    const ctx = { ...h.ctx, requestId: 'members-atomic' };
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const failing = importMembers(ctx, bytes, {
      dryRun: false,
      driveId: drive.id,
      consent,
      onProgress: (done, total) => {
        if (done === total) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await written()).toEqual(before);
    expect(await countWhere(sql<{ n: number }>`select count(*)::int as n from audit_log where request_id = 'members-atomic'`)).toBe(0);

    const done = await importMembers(ctx, bytes, { dryRun: false, driveId: drive.id, consent });
    expect(done).toMatchObject({ newPeople: n, enrolments: n, errors: [] });
    expect(await written()).toEqual({ people: before.people + n, members: n, deltas: Math.ceil(n / WRITE_BATCH) });
    expect((await storedCounts(h, drive.id)).get(state.id)).toEqual({ enrolled: n, verified: n / 3, rejected: 0 });
  });
});
