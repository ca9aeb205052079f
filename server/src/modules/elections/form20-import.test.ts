import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { importPollingStations } from '../geo/polling-stations';
import { acFromFileName, foldCandidate, matchCandidateColumns } from './booth-import';
import { caller } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  h = await createHarness({ jobs: true });
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
  // Three polling stations of AC 7 (Gangoh).
  await importPollingStations(h.ctx, Buffer.from(['state,ac,part,name', 'S24,7,1,One', 'S24,7,2,Two', 'S24,7,3,Three'].join('\n')));
});

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A Form-20 file in the layout of the UP 2014 booth files: a group header row, the real header, booths, trailing totals. */
const form20 = (candidates: string[], booths: number[][], trailers = true) => {
  const fixed = ['Part No', 'Part Name', 'Male', 'Female', 'Other', 'Total No. of electors', 'Male', 'Female', 'Other', 'Total'];
  const fixedMore = ['No of voters identifying using EPIC', 'Tendered Voter'];
  const header = [...fixed, ...fixedMore, ...candidates.map((c, i) => `${i + 1} - ${c}`), 'Total Votes Secured'];
  const group = [
    'Polling Station',
    '',
    'Total No of Electors',
    '',
    '',
    '',
    'Voters Turnout',
    ...header.slice(7).map((_, i) => (i === 5 ? 'Candidate ID and Name' : '')),
  ];
  const rows = booths.map(([part, ...votes]) => {
    const sum = votes.reduce((a, b) => a + b, 0);
    return [part, q(`PRATHMIK VIDYALAYA ROOM NO. ${part}`), 500, 400, 0, 900, 300, 250, 0, sum, sum, 0, ...votes, sum].join(',');
  });
  const tail = trailers
    ? [`,"Total",,,,,,,,,,,${candidates.map(() => '').join(',')}`, `"Postal Votes",,,,,,,,,,,,${candidates.map(() => '0').join(',')},0`]
    : [];
  return [group.map(q).join(','), header.map(q).join(','), ...rows, ...tail].join('\n');
};

const candidatesCsv = (seat: string, rows: [string, string, number][]) =>
  ['seat,serial,candidate,party,votes', ...rows.map(([c, p, v], i) => `${seat},${i + 1},${q(c)},${q(p)},${v}`)].join('\n');

const runImport = async (url: string, csv: string) => {
  const queued = await call('POST', url, admin, csv);
  expect(queued.statusCode, queued.body).toBe(202);
  const job = queued.json();
  const statusUrl = `/api/v1/elections/${job.electionId}/imports/${job.id}`;
  await expect
    .poll(async () => (await call('GET', statusUrl, admin)).json().status, { timeout: 60_000, interval: 200 })
    .toMatch(/^(done|failed)$/);
  return (await call('GET', statusUrl, admin)).json();
};

const election = async (type: 'vidhan-sabha' | 'lok-sabha', year: number) => {
  const res = await call('POST', '/api/v1/elections', admin, {
    type,
    ...(type === 'vidhan-sabha' ? { stateCode: 'S24' } : {}),
    year,
    name: `${type} ${year}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
};

const boothRows = (electionId: number) =>
  h.db
    .selectFrom('booth_result')
    .select(['part_number', 'party_key', 'votes'])
    .where('election_id', '=', electionId)
    .orderBy('part_number')
    .orderBy('party_key')
    .execute();

const gangoh: [string, string, number][] = [
  ['Pradeep Kumar', 'BJP', 900],
  ['Nomaan Masood', 'BSP', 800],
  ['Inder Sain', 'Independent', 20],
  ['Ram Pal', 'Independent', 10],
  ['None of the Above', 'None of the Above', 5],
];
// The Form-20 spells the names its own way: capitals, doubled spaces, dots.
const gangohColumns = ['PRADEEP  KUMAR', 'NOMAAN MASOOD.', 'INDER SAIN', 'RAM-PAL', 'None of the Above'];

describe('POST /api/v1/elections/:id/booth-results/import (Form-20 layout)', () => {
  it('permissions and input: 401 anonymous, 400 for a bad layout or AC, 404 unknown election, 403 outside the jurisdiction', async () => {
    const vs = await election('vidhan-sabha', 2040);
    const file = form20(gangohColumns, [[1, 1, 1, 1, 1, 1]]);
    const url = (id: number, extra = '') => `/api/v1/elections/${id}/booth-results/import?dryRun=true&ac=7${extra}`;
    expect((await call('POST', url(vs.id), undefined, file)).statusCode).toBe(401);
    expect((await call('POST', url(vs.id, '&layout=form20x'), admin, file)).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/elections/${vs.id}/booth-results/import?ac=abc`, admin, file)).statusCode).toBe(400);
    expect((await call('POST', url(99999999), admin, file)).statusCode).toBe(404);
    const stateAdmin = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', url(vs.id), stateAdmin, file)).statusCode).toBe(403);
    expect((await call('POST', url(vs.id), admin, file)).statusCode).toBe(200);
  });

  it('Vidhan Sabha: maps candidate columns to parties through the AC’s candidate-wise results; totals skipped; two independents add up', async () => {
    const vs = await election('vidhan-sabha', 2041);
    expect((await runImport(`/api/v1/elections/${vs.id}/results/import?dryRun=false`, candidatesCsv('7', gangoh))).status).toBe('done');
    const file = form20(gangohColumns, [
      [1, 400, 300, 5, 2, 1],
      [2, 100, 200, 3, 4, 0],
      [3, 10, 20, 0, 0, 2],
    ]);
    const url = `/api/v1/elections/${vs.id}/booth-results/import`;
    // Detected from the headers; the AC from the file name.
    const dry = (await call('POST', `${url}?dryRun=true&fileName=${encodeURIComponent('up-2014-booth-wise/7.csv')}`, admin, file)).json();
    expect(dry).toMatchObject({ isDryRun: true, rows: 3, seats: 1, written: 0, errors: [], newParties: [] });
    const job = await runImport(`${url}?dryRun=false&fileName=7.csv`, file);
    expect(job).toMatchObject({ status: 'done', processed: 3 * 4 });
    expect(job.report).toMatchObject({ rows: 3, seats: 1, written: 12, errors: [] });
    const rows = await boothRows(vs.id);
    expect(rows.filter((r) => r.part_number === 1)).toEqual([
      { part_number: 1, party_key: 'bjp', votes: 400 },
      { part_number: 1, party_key: 'bsp', votes: 300 },
      { part_number: 1, party_key: 'ind', votes: 7 },
      { part_number: 1, party_key: 'nota', votes: 1 },
    ]);
    expect(rows).toHaveLength(12);
    const seat = (await call('GET', `/api/v1/elections/${vs.id}/seats?q=gangoh`, admin)).json().items[0];
    const r = (await call('GET', `/api/v1/seats/${seat.id}/result?party=bjp`, admin)).json();
    expect(r.booths.find((b: { partNumber: number }) => b.partNumber === 2)).toMatchObject({ votes: 100, total: 307 });
  });

  it('row report, nothing written: unknown candidate column, part not in the AC, bad votes, wrong total, no AC given', async () => {
    const vs = await election('vidhan-sabha', 2042);
    await runImport(`/api/v1/elections/${vs.id}/results/import?dryRun=false`, candidatesCsv('7', gangoh));
    const cols = [...gangohColumns.slice(0, 4), 'SOMEONE ELSE', 'None of the Above'];
    const lines = form20(cols, [
      [1, 1, 1, 1, 1, 1, 1],
      [999, 1, 1, 1, 1, 1, 1],
      [2, 1, 1, 1, 1, 1, 1],
      [3, 1, 1, 1, 1, 1, 1],
    ]).split('\n');
    lines[4] = lines[4]?.replace(/,1,1,1,1,1,1,6$/, ',1,-1,1,1,1,1,6') as string;
    lines[5] = lines[5]?.replace(/,6$/, ',7') as string;
    // A booth row without its part number (and not a total row): an error, not skipped.
    lines.splice(6, 0, ',"PRATHMIK VIDYALAYA",500,400,0,900,300,250,0,6,6,0,1,1,1,1,1,1,6');
    const file = lines.join('\n');
    const url = `/api/v1/elections/${vs.id}/booth-results/import`;
    const report = (await call('POST', `${url}?dryRun=true&ac=7`, admin, file)).json();
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [2, '5 - SOMEONE ELSE'],
      [4, 'part'],
      [5, '2 - NOMAAN MASOOD.'],
      [5, 'total'],
      [6, 'total'],
      [7, 'part'],
    ]);
    expect(report.errors[0].message).toContain('SOMEONE ELSE');
    expect((await call('POST', `${url}?dryRun=false&ac=7`, admin, file)).statusCode).toBe(400);
    expect(await boothRows(vs.id)).toEqual([]);
    // One AC per file: without `ac` or a numbered file name it is refused.
    const noAc = (await call('POST', `${url}?dryRun=true&fileName=gangoh.csv`, admin, file)).json();
    expect(noAc.errors.map((e: { field: string }) => e.field)).toEqual(['ac']);
    // A party-columns file asked to be read as Form-20.
    const wrong = (await call('POST', `${url}?dryRun=true&ac=7&layout=form-20`, admin, 'ac,part,BJP\n7,1,5')).json();
    expect(wrong.errors.map((e: { field: string }) => e.field)).toEqual(['file']);
    // An AC outside the state's geography: said once, not per row.
    const far = (await call('POST', `${url}?dryRun=true&ac=900`, admin, file)).json();
    expect(far.errors.map((e: { field: string }) => e.field)).toEqual(['ac']);
  });

  it('Lok Sabha: the candidates are those of the PC that contains the AC', async () => {
    const ls = await election('lok-sabha', 2043);
    const ac = await h.db.selectFrom('geo_area').select('pc_code').where('code', '=', 'S24-AC-7').executeTakeFirstOrThrow();
    const pc = ac.pc_code as string;
    await runImport(`/api/v1/elections/${ls.id}/results/import?dryRun=false`, candidatesCsv(pc, gangoh));
    const file = form20(gangohColumns, [[3, 9, 8, 0, 1, 2]], false);
    const job = await runImport(`/api/v1/elections/${ls.id}/booth-results/import?dryRun=false&ac=7&state=S24`, file);
    expect(job.report).toMatchObject({ rows: 1, seats: 1, written: 4, errors: [] });
    expect((await boothRows(ls.id)).map((r) => [r.party_key, r.votes])).toEqual([
      ['bjp', 9],
      ['bsp', 8],
      ['ind', 1],
      ['nota', 2],
    ]);
  });

  it('helpers: candidate names fold case, spaces and punctuation; the AC number comes from "<n>.csv" only', () => {
    expect(foldCandidate('MOHD.  FIROZ-AFTAB')).toBe(foldCandidate('Mohd Firoz Aftab'));
    expect(acFromFileName('up-2014-booth-wise/403.csv')).toBe(403);
    expect(acFromFileName('12.xlsx')).toBe(12);
    expect(acFromFileName('ac12.csv')).toBeNull();
    expect(acFromFileName(undefined)).toBeNull();
  });

  it('candidate columns: same name told apart by serial (else ambiguous), a name within the other, NOTA, short names exact only', () => {
    const mathura = [
      { candidate: 'HEMA MALINI', party_key: 'bjp', serial: 4 },
      { candidate: 'HEMA MALINI', party_key: 'ind', serial: 20 },
      { candidate: 'DHARAM YADAV URF D.P.YADAV', party_key: 'rpd', serial: 6 },
      { candidate: 'RAM', party_key: 'bsp', serial: 7 },
      { candidate: 'None of the Above', party_key: 'nota', serial: null },
    ];
    const cols = ['4 - HEMA MALINI', '20 - HEMA MALINI', '6 - DHARAM YADAV', '7 - RAM', '8 - RAMU', '9 - None of the Above', 'Tendered'];
    expect(matchCandidateColumns(cols, mathura)).toEqual([
      { key: 'bjp', problem: null },
      { key: 'ind', problem: null },
      { key: 'rpd', problem: null },
      { key: 'bsp', problem: null },
      { key: null, problem: 'unknown' },
      { key: 'nota', problem: null },
      { key: null, problem: 'unknown' },
    ]);
    const noSerials = mathura.map((c) => ({ ...c, serial: null }));
    expect(matchCandidateColumns(['4 - HEMA MALINI'], noSerials)).toEqual([{ key: null, problem: 'ambiguous' }]);
  });
});

const shared = '/work/shared/data/datameet-india-election-data';
describe.skipIf(!fs.existsSync(path.join(shared, 'up-2014-booth-wise/1.csv')))('a real UP 2014 Form-20 file (shared data)', () => {
  it('AC 1 (Behat, in Saharanpur PC) checks clean in dry run: every candidate column maps to a party, every booth row reads', async () => {
    const text = fs.readFileSync(path.join(shared, 'up-2014-booth-wise/1.csv'), 'utf8');
    // Polling stations of AC 1 and the Saharanpur candidate-wise results, both taken from the shared files.
    const parts = text
      .split('\n')
      .slice(2)
      .map((l) => /^(\d+),/.exec(l)?.[1])
      .filter((p): p is string => p !== undefined);
    await importPollingStations(h.ctx, Buffer.from(['state,ac,part,name', ...parts.map((p) => `S24,1,${p},Part ${p}`)].join('\n')));
    const ls = await election('lok-sabha', 2014);
    const candidates = fs
      .readFileSync(path.join(shared, 'eci-candidate-wise.csv'), 'utf8')
      .split('\n')
      .filter((l) => l.endsWith(',Uttar Pradesh,Saharanpur,S24,1'))
      .map((l) => l.split(','))
      .map(([c, p, v]) => [c, p, Number(v)] as [string, string, number]);
    expect(candidates.length).toBeGreaterThan(10);
    const pc = await h.db.selectFrom('geo_area').select('pc_code').where('code', '=', 'S24-AC-1').executeTakeFirstOrThrow();
    expect(
      (await runImport(`/api/v1/elections/${ls.id}/results/import?dryRun=false`, candidatesCsv(pc.pc_code as string, candidates))).status,
    ).toBe('done');
    const report = (
      await call('POST', `/api/v1/elections/${ls.id}/booth-results/import?dryRun=true&state=S24&fileName=1.csv`, admin, text)
    ).json();
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ rows: parts.length, seats: 1 });
  });
});
