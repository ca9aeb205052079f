import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { importPollingStations } from '../geo/polling-stations';
import { runElectionImportJob } from './import-jobs';
import { edb } from './tables';
import { caller, districtElection, wardsCsv } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
const fixtures = path.resolve(import.meta.dirname, '../../../test/fixtures');
const booths2014 = fs.readFileSync(path.join(fixtures, 'gangoh-ac7-2014-booths.csv'), 'utf8');

beforeAll(async () => {
  h = await createHarness({ jobs: true });
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
  // The real polling stations of AC 7 (Gangoh), from the demo booth list.
  const demo = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo-polling-stations.csv'), 'utf8').split('\n');
  const ac7 = [demo[0], ...demo.filter((l) => l.startsWith('S24,7,'))].join('\n');
  await importPollingStations(h.ctx, Buffer.from(ac7));
});

/** A real import: checked in the request (202 with the queued job), then run by the job; answers the finished job. */
const runImport = async (url: string, csv: string) => {
  const queued = await call('POST', url, admin, csv);
  expect(queued.statusCode).toBe(202);
  const job = queued.json();
  expect(job).toMatchObject({ status: 'queued', processed: 0, report: null });
  const statusUrl = `/api/v1/elections/${job.electionId}/imports/${job.id}`;
  await expect
    .poll(async () => (await call('GET', statusUrl, admin)).json().status, { timeout: 60_000, interval: 200 })
    .toMatch(/^(done|failed)$/);
  return (await call('GET', statusUrl, admin)).json();
};

const resultsCsv = (rows: string[]) => ['seat,candidate,party,votes,total', ...rows].join('\n');
const good = resultsCsv([
  'W-1,Ram Kumar,BJP,500,1200',
  'W-1,Shyam Lal,Samajwadi Party,450,1200',
  'W-1,Ravi,Jan Adhikar Manch,250,1200',
  'W-2,Sita Devi,भाजपा,300,',
  'W-2,Gita,INC,320,',
]);

describe('POST /api/v1/elections/:id/results/import', () => {
  it('reports every bad row (negative/non-numeric votes, unknown seat, candidate twice, wrong total) and writes nothing', async () => {
    const { election } = await districtElection(h, admin, 2015);
    await call('POST', `/api/v1/elections/${election.id}/seats/import?dryRun=false`, admin, wardsCsv(3));
    const url = `/api/v1/elections/${election.id}/results/import`;
    const bad = resultsCsv([
      'W-1,Ram Kumar,BJP,-5,',
      'W-1,Shyam Lal,SP,abc,',
      'W-9,Nobody,BJP,10,',
      'W-2,Sita Devi,BJP,300,',
      'W-2,Sita Devi,BJP,301,',
      'W-3,Asha,BJP,100,250',
      'W-3,Usha,SP,100,250',
    ]);
    const dry = (await call('POST', url, admin, bad)).json();
    expect(dry).toMatchObject({ isDryRun: true, written: 0 });
    expect(dry.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [2, 'votes'],
      [3, 'votes'],
      [4, 'seat'],
      [6, 'candidate'],
      [7, 'total'],
      [8, 'total'],
    ]);
    const refused = await call('POST', `${url}?dryRun=false`, admin, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'VALIDATION', field: 'file', report: { errors: expect.any(Array) } });
    const hi = await h.app.inject({
      method: 'POST',
      url,
      payload: bad,
      headers: { cookie: admin, 'content-type': 'text/csv', 'accept-language': 'hi' },
    });
    expect(hi.json().errors[2].message).toBe('इस चुनाव में “W-9” सीट नहीं है।');
    expect((await call('GET', `/api/v1/elections/${election.id}/results`, admin)).json().seatsWithResults).toBe(0);
    const missing = (await call('POST', url, admin, 'seat,candidate\nW-1,X')).json();
    expect(missing.errors.map((e: { field: string }) => e.field)).toEqual(['party', 'votes']);
  });

  it('401, 403, 404 and 415; shipped results cannot be overwritten', async () => {
    const { district, election } = await districtElection(h, admin, 2016);
    const url = `/api/v1/elections/${election.id}/results/import`;
    expect((await call('POST', url, undefined, good)).statusCode).toBe(401);
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', url, viewer, good)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('POST', url, outsider, good)).statusCode).toBe(404);
    expect((await call('POST', url, admin, { seat: 'W-1' })).statusCode).toBe(415);
    const ls = (await call('GET', '/api/v1/elections?type=lok-sabha&year=2024', admin)).json().items[0];
    expect((await call('POST', `/api/v1/elections/${ls.id}/results/import`, admin, good)).statusCode).toBe(403);
  });

  it('imports all or nothing, then shows seats won, vote share, winner, margin and swing against the previous election', async () => {
    const { district, election } = await districtElection(h, admin, 2021);
    await call('POST', `/api/v1/elections/${election.id}/seats/import?dryRun=false`, admin, wardsCsv(3));
    const url = `/api/v1/elections/${election.id}/results/import?dryRun=false`;
    const job = await runImport(url, good);
    expect(job).toMatchObject({ kind: 'results', status: 'done', processed: 5, total: 5, error: null, finishedAt: expect.any(String) });
    expect(job.report).toMatchObject({ isDryRun: false, rows: 5, seats: 2, written: 5, newParties: ['Jan Adhikar Manch'], errors: [] });
    const r = (await call('GET', `/api/v1/elections/${election.id}/results?party=bjp`, admin)).json();
    expect(r.seatsWithResults).toBe(2);
    expect(r.parties.slice(0, 2).map((p: { key: string; seatsWon: number }) => [p.key, p.seatsWon])).toEqual([
      ['bjp', 1],
      ['inc', 1],
    ]);
    expect(r.parties[0].share).toBe(43.96); // 800 of 1,820 votes
    const w1 = r.seats.find((s: { code: string }) => s.code === 'W-1');
    expect(w1).toMatchObject({ winner: { candidate: 'Ram Kumar', votes: 500, share: 41.67 }, margin: 50, party: { rank: 1, swing: null } });
    // Re-importing a seat replaces its rows (audited), never adds to them.
    expect((await runImport(url, resultsCsv(['W-2,Sita Devi,BJP,330,', 'W-2,Gita,INC,320,']))).status).toBe('done');
    const w2 = (await call('GET', `/api/v1/elections/${election.id}/results?party=bjp`, admin))
      .json()
      .seats.find((s: { code: string }) => s.code === 'W-2');
    expect(w2).toMatchObject({ winner: { candidate: 'Sita Devi' }, margin: 10 });
    // The next election of the same body: swing per ward, matched by seat code.
    const next = (
      await call('POST', '/api/v1/elections', admin, {
        type: 'zila-panchayat',
        stateCode: 'S24',
        unitId: district.id,
        year: 2026,
        name: 'Zila panchayat 2026',
      })
    ).json();
    await call('POST', `/api/v1/elections/${next.id}/seats/import?dryRun=false`, admin, wardsCsv(3));
    await runImport(
      `/api/v1/elections/${next.id}/results/import?dryRun=false`,
      resultsCsv(['W-1,Ram Kumar,BJP,600,1000', 'W-1,Shyam Lal,SP,400,1000']),
    );
    const after = (await call('GET', `/api/v1/elections/${next.id}/results?party=bjp`, admin)).json();
    expect(after.previousElectionId).toBe(election.id);
    expect(after.seats[0]).toMatchObject({ code: 'W-1', party: { share: 60, previousShare: 41.67, swing: 18.33 } });
    expect(after.parties.find((p: { key: string }) => p.key === 'bjp')).toMatchObject({ seatsWon: 1, previousSeatsWon: 2 });
    const seat = (await call('GET', `/api/v1/elections/${next.id}/seats?q=W-1`, admin)).json().items[0];
    const one = (await call('GET', `/api/v1/seats/${seat.id}/result?party=sp`, admin)).json();
    expect(one).toMatchObject({
      totalVotes: 1000,
      winner: { candidate: 'Ram Kumar' },
      margin: 200,
      partyResult: { votes: 400, share: 40, rank: 2, margin: -200, previousShare: 37.5, swing: 2.5 },
    });
    expect(one.units).toEqual([expect.objectContaining({ id: district.id })]);
  });
});

describe('POST /api/v1/elections/:id/booth-results/import', () => {
  it('real Form-20 booths of Gangoh: per-booth share and its change between two elections; bad parts refused', async () => {
    const mk = async (year: number) =>
      (await call('POST', '/api/v1/elections', admin, { type: 'vidhan-sabha', stateCode: 'S24', year, name: `UP ${year}` })).json() as {
        id: number;
      };
    const before = await mk(2012);
    const after = await mk(2017);
    const url = (id: number, dry = false) => `/api/v1/elections/${id}/booth-results/import?dryRun=${dry}`;
    expect((await call('POST', url(before.id), undefined, booths2014)).statusCode).toBe(401);
    const stateAdmin = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', url(before.id), stateAdmin, booths2014)).statusCode).toBe(403);
    expect((await call('POST', url(99999999), admin, booths2014)).statusCode).toBe(404);
    const bad = [
      booths2014.split('\n')[0],
      '7,999,1,1,1,1,1,1,1,1,1,1,1,11',
      '20,1,1,1,1,1,1,1,1,1,1,1,1,12',
      '7,1,-1,0,0,0,0,0,0,0,0,0,0,',
      '7,2,1,1,1,1,1,1,1,1,1,1,1,99',
    ].join('\n');
    const report = (await call('POST', url(before.id, true), admin, bad)).json();
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [2, 'part'],
      [3, 'ac'],
      [4, 'RLD'],
      [5, 'total'],
    ]);
    expect(report.errors[1].message).toContain('S24-AC-20');
    expect((await call('POST', url(before.id), admin, bad)).statusCode).toBe(400);
    const ok = await runImport(url(before.id), booths2014);
    expect(ok).toMatchObject({ kind: 'booth-results', status: 'done', processed: 40 * 11 });
    expect(ok.report).toMatchObject({ rows: 40, seats: 1, written: 40 * 11, errors: [], newParties: [] });
    // The later election: the same booths with 10 more BJP votes each.
    const lines = booths2014.trim().split('\n');
    const header = (lines[0] as string).split(',');
    const iBjp = header.indexOf('BJP');
    const bumped = [
      lines[0],
      ...lines.slice(1).map((l) =>
        l
          .split(',')
          .map((c, i) => (i === iBjp || i === header.length - 1 ? String(Number(c) + 10) : c))
          .join(','),
      ),
    ].join('\n');
    expect((await runImport(url(after.id), bumped)).report.errors).toEqual([]);
    const seat = (await call('GET', `/api/v1/elections/${after.id}/seats?q=gangoh`, admin)).json().items[0];
    const r = (await call('GET', `/api/v1/seats/${seat.id}/result?party=bjp`, admin)).json();
    expect(r.booths).toHaveLength(40);
    const part2 = r.booths.find((b: { partNumber: number }) => b.partNumber === 2);
    // Part 2 in 2014: BJP 560 of 902; then 570 of 912.
    expect(part2).toMatchObject({ acCode: 'S24-AC-7', votes: 570, total: 912, share: 62.5, previousShare: 62.08, change: 0.42 });
    expect(part2.name).toBeTruthy();
  });
});

describe('results import jobs', () => {
  it('status: 401, 400, 404 outside, 403 for a viewer, 200 to the uploader and the election admins; listed newest first', async () => {
    const { district, election } = await districtElection(h, admin, 2023);
    await call('POST', `/api/v1/elections/${election.id}/seats/import?dryRun=false`, admin, wardsCsv(3));
    const districtAdmin = (await h.login('admin', district.id)).cookie;
    const queued = await call(
      'POST',
      `/api/v1/elections/${election.id}/results/import?dryRun=false&fileName=wards.csv`,
      districtAdmin,
      good,
    );
    expect(queued.statusCode).toBe(202);
    const job = queued.json();
    expect(job).toMatchObject({ electionId: election.id, kind: 'results', total: 5, fileName: 'wards.csv' });
    const url = `/api/v1/elections/${election.id}/imports/${job.id}`;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/elections/${election.id}/imports/abc`, admin)).statusCode).toBe(400);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('GET', url, viewer)).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/elections/${election.id}/imports/99999999`, admin)).statusCode).toBe(404);
    await expect.poll(async () => (await call('GET', url, districtAdmin)).json().status, { timeout: 60_000, interval: 200 }).toBe('done');
    expect((await call('GET', url, admin)).json()).toMatchObject({ status: 'done', processed: 5 });
    const list = (await call('GET', `/api/v1/elections/${election.id}/imports?limit=5`, districtAdmin)).json();
    expect(list.items.map((j: { id: number }) => j.id)).toEqual([job.id]);
    expect((await call('GET', `/api/v1/elections/${election.id}/imports`, viewer)).statusCode).toBe(403);
    // The uploaded file is not kept once the job is done.
    const row = await edb(h.db).selectFrom('election_import_job').select('file').where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(row.file).toBeNull();
  });

  it('a queued file that no longer passes fails with its row report and writes nothing', async () => {
    const { election } = await districtElection(h, admin, 2024);
    await call('POST', `/api/v1/elections/${election.id}/seats/import?dryRun=false`, admin, wardsCsv(1));
    const user = await h.db.selectFrom('app_user').select('id').orderBy('id').executeTakeFirstOrThrow();
    // Queued directly (no worker message): as if W-2 had existed at the check.
    const job = await edb(h.db)
      .insertInto('election_import_job')
      .values({ election_id: election.id, kind: 'results', user_id: user.id, file: Buffer.from(good), options: '{}', report: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await runElectionImportJob(h.db, job.id);
    const done = await edb(h.db).selectFrom('election_import_job').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'failed', file: null });
    expect(done.error).toMatch(/row/i);
    expect((done.report as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['seat', 'seat']);
    const seats = await h.db.selectFrom('seat').select('id').where('election_id', '=', election.id).execute();
    expect(
      await h.db
        .selectFrom('result_row')
        .select('id')
        .where(
          'seat_id',
          'in',
          seats.map((x) => x.id),
        )
        .execute(),
    ).toEqual([]);
  });
});
