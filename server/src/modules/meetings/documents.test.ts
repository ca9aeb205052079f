import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { closePdfRenderer, hasChromium } from '../../lib/pdf';
import { attendanceSheetHtml } from './documents';
import { caller, district, heldMeeting, makeMeeting } from './test-support';

// CI installs Chromium and poppler-utils before the tests; a developer machine without them skips these, visibly.
const hasPoppler = () => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const canRender = (hasChromium() && hasPoppler()) || process.env.CI === 'true';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-meeting-pdf-'));
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});
afterAll(async () => {
  await closePdfRenderer();
  // Keep the rendered pages for a person to look at when asked to.
  if (!process.env.SAMITI_KEEP_PDF) fs.rmSync(dir, { recursive: true, force: true });
});

/** The PDF's text as poppler reads it back (its own shaping-independent extraction). */
const pdfText = (pdf: Buffer, name: string) => {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

/** Page 1 as a PNG through pdftoppm; returns its bytes. */
const pdfPng = (name: string) => {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path.join(dir, `${name}.pdf`), path.join(dir, name)]);
  return fs.readFileSync(path.join(dir, `${name}.png`));
};

describe('the printed sheets as HTML', () => {
  it('escapes names so a person\'s name cannot inject markup', () => {
    const m = { id: 1, title: '<b>x</b>', type: 'review', unit: { id: 1, name: 'U', nameHi: null, level: 'district' }, startsAt: '2026-01-01T00:00:00Z', venue: null, venueUnit: null, chair: null, organiser: { id: 1, displayName: 'A' }, agenda: [], counts: { invited: 1, present: 0, absent: 0, excused: 0, walkIns: 0 } };
    const html = attendanceSheetHtml('en', m as never, [
      { id: 1, personId: 1, name: '<script>alert(1)</script>', nameHi: null, phone: '+91 98XXX XX210', isContactMasked: true, source: 'individual', post: null, current: null, history: [] },
    ]);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<b>x</b>');
  });
});

describe('PDF routes: permissions and state', () => {
  it('401, 400, 404 before anything is printed', async () => {
    const s = await district(h);
    const m = await makeMeeting(h, admin, s.district.id);
    expect((await call('GET', `/api/v1/meetings/${m.id}/attendance-sheet.pdf`)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/meetings/${m.id}/attendance-sheet.pdf?lang=fr`, admin)).json().field).toBe('querystring.lang');
    const outsider = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    expect((await call('GET', `/api/v1/meetings/${m.id}/attendance-sheet.pdf`, outsider)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/meetings/${m.id}/minutes.pdf`, outsider)).statusCode).toBe(404);
    const notHeld = await call('GET', `/api/v1/meetings/${m.id}/minutes.pdf`, admin);
    expect(notHeld.statusCode).toBe(400);
    expect(notHeld.json().message).toMatch(/held/);
  });
});

describe.skipIf(!canRender)('PDFs printed by Chromium, read back by poppler', () => {
  it('the Hindi attendance sheet gives back the Hindi names, posts and headings, with phones masked for a viewer', async () => {
    const s = await district(h);
    const m = await makeMeeting(h, admin, s.district.id, {
      title: 'जिला समीक्षा बैठक',
      invitees: { includeSelf: true, rules: [{ levels: ['assembly'], posts: [] }, { levels: ['booth'], posts: ['president'] }] },
    });
    const viewer = (await h.login('viewer', s.district.id)).cookie;
    const res = await call('GET', `/api/v1/meetings/${m.id}/attendance-sheet.pdf?lang=hi`, viewer);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // pdftotext may split a word where a vowel sign sits on its own glyph (कु मार): compare without spaces.
    const text = pdfText(res.rawPayload, 'sheet-hi');
    const squashed = text.replace(/\s+/g, '');
    for (const word of ['उपस्थिति पत्रक', 'हस्ताक्षर', 'जिला समीक्षा बैठक', 'मेहताब चौहान', 'सुनीता त्यागी', 'अजय कुमार', 'मोहम्मद अंसारी', 'अध्यक्ष', 'समीक्षा बैठक', 'राष्ट्रपाल सिंह', 'क्षमा शर्मा', 'मंत्री', 'बूथ अध्यक्ष']) {
      expect(squashed).toContain(word.replace(/\s+/g, ''));
    }
    expect(text).not.toContain(s.dPres.phone.slice(3));
    expect(text).toMatch(/\+91 \d\dXXX XX\d{3}/);
    const png = pdfPng('sheet-hi');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    const audit = await h.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'meeting').where('entity_id', '=', String(m.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('meeting.pdf.attendance-sheet');
  });

  it('the English minutes carry attendance counts, minutes and numbered resolutions; the default is the actor\'s language', async () => {
    const s = await district(h);
    const m = await heldMeeting(h, admin, s.district.id, { title: 'District review' });
    await call('PUT', `/api/v1/meetings/${m.id}/attendance`, admin, {
      entries: [
        { personId: s.dPres.id, status: 'present' },
        { personId: s.dSec.id, status: 'excused' },
        { personId: s.a1Pres.id, status: 'present' },
      ],
    });
    await call('PUT', `/api/v1/meetings/${m.id}/minutes`, admin, { text: 'Booth committees were reviewed.', lang: 'en' });
    await call('POST', `/api/v1/meetings/${m.id}/resolutions`, admin, { text: 'Complete every booth committee within 15 days.' });
    await call('POST', `/api/v1/meetings/${m.id}/resolutions`, admin, { text: 'Weekly membership review.' });
    const res = await call('GET', `/api/v1/meetings/${m.id}/minutes.pdf`, admin);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const text = pdfText(res.rawPayload, 'minutes-en');
    for (const word of ['Minutes', 'District review', 'Invited 4 · present 2 · absent 0 · excused 1 · not marked 1', 'Booth committees were reviewed.', 'Complete every booth committee within 15 days.', 'Weekly membership review.', 'Draft']) {
      expect(text).toContain(word);
    }
    const hi = pdfText((await call('GET', `/api/v1/meetings/${m.id}/minutes.pdf?lang=hi`, admin)).rawPayload, 'minutes-hi');
    expect(hi).toContain('कार्यवृत्त');
    expect(hi).toContain('उपस्थित');
    pdfPng('minutes-hi');
  });
});
