import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

let h: THarness;
let admin: string;
let chain: Awaited<ReturnType<THarness['chain']>>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  chain = await h.chain();
  const evil = await h.person({ homeUnitId: chain.booth.id, name: '=HYPERLINK("http://evil","click")', phone: '9811100001' });
  await h.person({ homeUnitId: chain.booth.id, nameHi: 'सुनीता देवी', phone: '9811100002', epic: 'ABC1234567' });
  const { appoint } = await import('../posts/operations');
  await appoint(h.ctx, { unitId: chain.booth.id, post: 'president', personId: evil.id, startDate: '2026-01-01' });
});
const get = (url: string, cookie = admin, lang = 'en') => h.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });

describe('exports', () => {
  it('people as CSV: UTF-8 with BOM, Devanagari intact, formulas neutralised, audited', async () => {
    const res = await get(`/api/v1/exports/people?unit=${chain.district.id}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('samiti-people');
    const text = res.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('सुनीता देवी');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain('+919811100002');
    const audit = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.people').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ format: 'csv', rows: 2 });
  });
  it('posts as XLSX with Hindi headings; viewers get masked phones', async () => {
    const viewer = (await h.login('viewer', chain.district.id)).cookie;
    const res = await get(`/api/v1/exports/posts?unit=${chain.district.id}&format=xlsx`, viewer, 'hi');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toContain('पद');
    expect(ws?.getRow(2).getCell(5).value).toBe('बूथ अध्यक्ष');
    expect(String(ws?.getRow(2).getCell(7).value)).toMatch(/^'=HYPERLINK/);
    expect(ws?.getRow(2).getCell(9).value).toBe('+91 98XXX XX001');
  });
  it('vacancies list every unfilled seat', async () => {
    const text = (await get(`/api/v1/exports/vacancies?unit=${chain.booth.id}`)).rawPayload.toString('utf8');
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(5); // header + booth-agent, secretary, whatsapp-in-charge, member (president is filled)
    expect(lines.at(-1)).toMatch(/,6,0,6$/);
  });
  it('401, 400, 404 outside jurisdiction', async () => {
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/exports/people?unit=${chain.booth.id}` })).statusCode).toBe(401);
    expect((await get(`/api/v1/exports/people?unit=${chain.booth.id}&format=pdf`)).statusCode).toBe(400);
    expect((await get(`/api/v1/exports/everything?unit=${chain.booth.id}`)).statusCode).toBe(400);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await get(`/api/v1/exports/people?unit=${chain.booth.id}`, outsider)).statusCode).toBe(404);
  });
});

describe('membership exports', () => {
  it("exports a drive's members and leaderboard under a unit; the drive is required", async () => {
    const { makeDrive } = await import('../membership/test-support');
    const { enrol, verifyMembership } = await import('../membership/operations');
    const drive = await makeDrive(h, admin, chain.state.id);
    const enroller = await h.person({ homeUnitId: chain.booth.id, nameHi: 'कमला देवी' });
    for (let i = 0; i < 3; i++) {
      const m = await enrol(h.ctx, drive.id, {
        unitId: chain.booth.id,
        enrollerPersonId: enroller.id,
        person: { nameHi: `सदस्य ${i}`, phone: h.phone(), consent: { purpose: 'membership', date: '2026-10-01', method: 'online' } },
      });
      if (i < 2) await verifyMembership(h.ctx, m.id, 'otp');
    }
    const members = (await get(`/api/v1/exports/members?unit=${chain.district.id}&drive=${drive.id}`, admin, 'hi')).rawPayload.toString('utf8');
    const lines = members.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('सदस्यता आईडी');
    expect(members).toContain('कमला देवी');
    const board = (await get(`/api/v1/exports/leaderboard?unit=${chain.district.id}&drive=${drive.id}&format=csv`)).rawPayload.toString('utf8');
    expect(board.trim().split('\r\n')[1]).toMatch(/^1,/);
    expect(board).toContain(',3,2,');
    const missing = await get(`/api/v1/exports/members?unit=${chain.district.id}`);
    expect(missing.json()).toMatchObject({ error: 'VALIDATION', field: 'drive' });
  });
});
