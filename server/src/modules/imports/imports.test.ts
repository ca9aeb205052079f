import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { importPollingStations } from '../geo/polling-stations';
import { setPostTemplate } from '../posts/templates';
import { scaffoldUnits } from '../units/scaffold';
import { createWing } from '../units/structure';
import { importPeoplePosts } from './people-posts';

let h: THarness;
let admin: string;
const consent = { purpose: 'booth committee records', date: '2026-10-01', method: 'written' as const };
const consentQuery = `consentPurpose=${encodeURIComponent(consent.purpose)}&consentDate=${consent.date}&consentMethod=written`;
let phoneSeq = 0;
const phone = () => `70${String(++phoneSeq).padStart(8, '0')}`;

beforeAll(async () => {
  h = await createHarness({ jobs: true });
  admin = (await h.login('national-admin')).cookie;
  await importPollingStations(h.ctx, fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo-polling-stations.csv')));
  await scaffoldUnits(h.ctx, { state: 'S24' });
});

const count = async (table: 'person' | 'tenure') =>
  Number(
    (
      await h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const boothUnit = (ac: number, part: number) =>
  h.db
    .selectFrom('unit as u')
    .innerJoin('polling_station as ps', 'ps.id', 'u.polling_station_id')
    .select('u.id')
    .where('ps.ac_code', '=', `S24-AC-${ac}`)
    .where('ps.part_number', '=', part)
    .executeTakeFirstOrThrow();

const xlsx = async (rows: (string | number)[][], edit?: (ws: ExcelJS.Worksheet) => void) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('समिति');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const upload = (body: Buffer, query: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', cookie = admin) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/imports/people-posts?${consentQuery}&${query}`,
    headers: { cookie, 'content-type': type },
    payload: body,
  });

describe('people and posts import', () => {
  it('reads a booth committee in Hindi headings (CSV), reports a dry run, then writes it', async () => {
    const known = await h.person({ phone: '9000000001', homeUnitId: (await boothUnit(14, 2)).id });
    const csv = [
      'विधानसभा,बूथ,पद,नाम,मोबाइल,लिंग,जन्म वर्ष',
      `14,2,अध्यक्ष,रमेश कुमार,${phone()},पुरुष,1975`,
      `14,2,BLA,Sita Devi,+91 ${phone()},महिला,`,
      `14,2,समिति सदस्य,${known.name},9000000001,,`,
      `14,3,Booth president,Mohd Anis,0${phone()},M,1980`,
    ].join('\n');
    const bytes = new TextEncoder().encode(csv);
    const dry = await importPeoplePosts(h.ctx, bytes, { dryRun: true, state: 'S24', consent });
    expect(dry).toMatchObject({ rows: 4, newPeople: 3, matchedPeople: 1, appointments: 4, errors: [] });
    const before = await count('person');
    expect(before).toBeGreaterThan(0);
    const real = await importPeoplePosts(h.ctx, bytes, { dryRun: false, state: 'S24', consent });
    expect(real.errors).toEqual([]);
    expect(await count('person')).toBe(before + 3);
    const posts = (
      await h.app.inject({ method: 'GET', url: `/api/v1/units/${(await boothUnit(14, 2)).id}/posts`, headers: { cookie: admin } })
    ).json();
    expect(posts.filled).toBe(3);
    expect(posts.slots.find((s: { post: string }) => s.post === 'president').holders[0]).toMatchObject({ nameHi: 'रमेश कुमार' });
    const again = await importPeoplePosts(h.ctx, bytes, { dryRun: true, state: 'S24', consent });
    expect(again).toMatchObject({ newPeople: 0, matchedPeople: 4, appointments: 0, alreadyHolding: 4 });
  });

  it('imports an XLSX with Hindi headings through the API as a background job', async () => {
    const file = await xlsx([
      ['राज्य', 'विधानसभा', 'बूथ संख्या', 'पद', 'हिंदी नाम', 'अंग्रेज़ी नाम', 'मोबाइल नंबर', 'मतदाता पहचान पत्र'],
      ['S24', 14, 5, 'अध्यक्ष', 'सुनील त्यागी', 'Sunil Tyagi', phone(), 'UPA1234567'],
      ['S24', 14, 5, 'बूथ स्तरीय एजेंट', 'अंजुम', '', phone(), ''],
    ]);
    expect((await upload(file, 'dryRun=true', undefined, '')).statusCode).toBe(401);
    const viewer = (await h.login('viewer')).cookie;
    expect((await upload(file, 'dryRun=true', undefined, viewer)).statusCode).toBe(403);
    const dry = await upload(file, 'dryRun=true');
    expect(dry.json()).toMatchObject({ newPeople: 2, appointments: 2, errors: [] });
    const queued = await upload(file, 'dryRun=false&fileName=booth5.xlsx');
    expect(queued.statusCode).toBe(202);
    const id = queued.json().id;
    let job = queued.json();
    for (let i = 0; i < 60 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 250));
      job = (await h.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { cookie: admin } })).json();
    }
    expect(job).toMatchObject({ status: 'done', processed: 4, total: 4, report: { newPeople: 2, appointments: 2 } });
    const holders = (
      await h.app.inject({ method: 'GET', url: `/api/v1/units/${(await boothUnit(14, 5)).id}/posts`, headers: { cookie: admin } })
    ).json();
    expect(holders.filled).toBe(2);
    const other = (await h.login('data-entry')).cookie;
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { cookie: other } })).statusCode).toBe(404);
  });

  it('refuses a formula, a merged header, a sheet over a million rows, non-UTF-8 CSV, a missing column', async () => {
    const withFormula = await xlsx(
      [
        ['बूथ', 'विधानसभा', 'नाम', 'मोबाइल'],
        [5, 14, 'A', phone()],
      ],
      (ws) => {
        ws.getCell('C2').value = { formula: 'HYPERLINK("http://x","A")' };
      },
    );
    const f = await upload(withFormula, 'dryRun=true&state=S24');
    expect(f.statusCode).toBe(400);
    expect(f.json().message).toContain('C2');
    const merged = await xlsx(
      [
        ['बूथ', 'विधानसभा', 'नाम', 'मोबाइल'],
        [5, 14, 'A', phone()],
      ],
      (ws) => ws.mergeCells('A1:B1'),
    );
    expect((await upload(merged, 'dryRun=true&state=S24')).json().message).toMatch(/merged/);
    const big = await xlsx([
      ['बूथ', 'विधानसभा', 'नाम', 'मोबाइल'],
      [5, 14, 'A', phone()],
    ]);
    const zip = await JSZip.loadAsync(big);
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    zip.file('xl/worksheets/sheet1.xml', sheetXml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:D1000002"/>'));
    const tooBig = await upload(await zip.generateAsync({ type: 'nodebuffer' }), 'dryRun=true&state=S24');
    expect(tooBig.json().message).toContain('1000001');
    const latin1 = Buffer.from([...Buffer.from('booth,ac,name,mobile\n5,14,'), 0xe9, 0x0a]);
    expect((await upload(latin1, 'dryRun=true&state=S24', 'text/csv')).json().message).toMatch(/UTF-8/);
    const noPhone = await upload(Buffer.from('booth,ac,name\n5,14,A\n'), 'dryRun=true&state=S24', 'text/csv');
    expect(noPhone.json()).toMatchObject({ error: 'VALIDATION', field: 'file' });
    expect(
      (await upload(Buffer.from('booth,ac,name,mobile\n5,14,A,x\n'), 'dryRun=true&state=S24&consentMethod=carrier-pigeon', 'text/csv'))
        .statusCode,
    ).toBe(400);
  });

  it('names every bad row (Hindi when asked), including a full post and a unit outside the area', async () => {
    const csv = [
      'ac,part,post,name,mobile,epic,start date',
      `14,6,president,A,${phone()},,01/02/2025`,
      `14,6,president,B,${phone()},,2025-02-01`,
      `14,6,king,C,${phone()},,`,
      `14,99999,member,D,${phone()},,`,
      `14,6,member,E,12345,,`,
      `14,6,member,F,${phone()},BAD,`,
      `14,6,member,,${phone()},,`,
      `14,6,member,G,${phone()},,31/02/2025`,
    ].join('\n');
    const r = await importPeoplePosts({ ...h.ctx, locale: 'hi' }, new TextEncoder().encode(csv), { dryRun: false, state: 'S24', consent });
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.errors.every((e) => /[\u0900-\u097f]/.test(e.messages.join(' ')))).toBe(true);
    const outsider = {
      ...h.ctx,
      actor: { ...h.ctx.actor, grants: [{ id: 1, role: 'admin' as const, unitId: 1, path: '/999999/', wing: 'main' }] },
    };
    const out = await importPeoplePosts(outsider, new TextEncoder().encode(`ac,part,post,name,mobile\n14,7,president,Z,${phone()}\n`), {
      dryRun: true,
      state: 'S24',
      consent,
    });
    expect(out.errors[0]?.line).toBe(2);
  });

  it("follows a wing's own template: its posts and seats for the wing's units, the default for the main wing", async () => {
    const wing = await createWing(h.ctx, { key: 'mahila', name: "Women's wing", nameHi: 'महिला मोर्चा' });
    const wState = await h.unit({ parentId: wing.rootUnitId, level: 'state' });
    const wBooth = await h.unit({ parentId: wState.id, level: 'booth' });
    await setPostTemplate(h.ctx, 'mahila', 'booth', {
      posts: [
        { key: 'president', name: 'Booth president', nameHi: 'बूथ अध्यक्ष', minSeats: 1, maxSeats: 1 },
        { key: 'social-media', name: 'Social media', nameHi: 'सोशल मीडिया', minSeats: 1, maxSeats: 1 },
      ],
    });
    const main = await boothUnit(14, 8);
    const sheet = (rows: string[]) => new TextEncoder().encode(['unit id,post,name,mobile', ...rows].join('\n'));
    const r = await importPeoplePosts(
      h.ctx,
      sheet([`${wBooth.id},सोशल मीडिया,A,${phone()}`, `${wBooth.id},social-media,B,${phone()}`, `${main.id},social-media,C,${phone()}`]),
      {
        dryRun: true,
        consent,
      },
    );
    // Row 3 overfills the wing's one social-media seat; row 4's main-wing booth has no such post.
    expect(r.errors.map((e) => [e.line, e.messages.join(' ')])).toEqual([
      [2, expect.stringMatching(/Social media|seat/i)],
      [3, expect.stringMatching(/Social media|seat/i)],
      [4, expect.stringMatching(/social-media/)],
    ]);
    const ok = await importPeoplePosts(h.ctx, sheet([`${wBooth.id},सोशल मीडिया,A,${phone()}`]), { dryRun: false, consent });
    expect(ok.errors).toEqual([]);
    const held = await h.db
      .selectFrom('tenure')
      .select('post_key')
      .where('unit_id', '=', wBooth.id)
      .where('end_date', 'is', null)
      .execute();
    expect(held).toEqual([{ post_key: 'social-media' }]);
  });

  it('is all or nothing at 40,000 rows: a bad row 39,999 or a failure while writing leaves nothing', { timeout: 300_000 }, async () => {
    // Booths no earlier test has appointed anyone in.
    const booths = await h.db
      .selectFrom('unit as u')
      .select('u.id')
      .where('u.level', '=', 'booth')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('tenure as t').select('t.id').whereRef('t.unit_id', '=', 'u.id'))))
      .orderBy('u.id')
      .limit(2000)
      .execute();
    expect(booths).toHaveLength(2000);
    const POSTS = [
      'president',
      'booth-agent',
      'secretary',
      'whatsapp-in-charge',
      'member',
      'member',
      'member',
      'member',
      'member',
      'member',
    ];
    const lines = ['unit id,post,name,mobile'];
    for (const b of booths) for (const p of POSTS) lines.push(`${b.id},${p},Karyakarta ${lines.length},${phone()}`);
    for (let i = 0; lines.length <= 40_000; i++) lines.push(`${booths[i % booths.length]?.id},,Sadasya ${lines.length},${phone()}`);
    expect(lines.length).toBe(40_001);
    const people = await count('person');
    const tenures = await count('tenure');
    const bad = [...lines];
    bad[39_999] = bad[39_999]?.replace(/,\d+$/, ',12345') ?? '';
    const refused = await importPeoplePosts(h.ctx, new TextEncoder().encode(bad.join('\n')), { dryRun: false, consent });
    expect(refused.errors.map((e) => e.line)).toEqual([40_000]);
    expect([await count('person'), await count('tenure')]).toEqual([people, tenures]);
    await expect(
      importPeoplePosts(h.ctx, new TextEncoder().encode(lines.join('\n')), {
        dryRun: false,
        consent,
        onProgress: (done, total) => {
          if (done === total) throw new Error('disk full at the last batch');
        },
      }),
    ).rejects.toThrow('disk full');
    expect([await count('person'), await count('tenure')]).toEqual([people, tenures]);
  });
});
