import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { hasChromium } from '../../lib/pdf';
import { appoint } from '../posts/operations';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object, lang = 'en') =>
  h.app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang } });

describe('GET /api/v1/scorecards', () => {
  it('401, 400, 404 outside; counts meetings held and attended; inactive filter; formula with weights', async () => {
    const { district, assembly } = await h.chain();
    const active = await h.person({ homeUnitId: assembly.id, name: 'Active President' });
    const idle = await h.person({ homeUnitId: assembly.id, name: 'Idle Secretary' });
    await appoint(h.ctx, { unitId: assembly.id, post: 'president', personId: active.id, startDate: '2024-01-01' });
    await appoint(h.ctx, { unitId: assembly.id, post: 'secretary', personId: idle.id, startDate: '2024-01-01' });
    const m = await call('POST', '/api/v1/meetings', admin, {
      unitId: assembly.id,
      type: 'executive',
      title: 'Executive',
      startsAt: '2024-06-01T11:00:00+05:30',
      status: 'held',
      invitees: { includeSelf: true, rules: [] },
    });
    expect(m.statusCode, m.body).toBe(201);
    const put = await call('PUT', `/api/v1/meetings/${m.json().id}/attendance`, admin, {
      entries: [
        { personId: active.id, status: 'present' },
        { personId: idle.id, status: 'absent' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const url = `/api/v1/scorecards?underUnitId=${district.id}`;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/scorecards', admin)).statusCode).toBe(400);
    expect((await call('GET', `${url}&wAttendance=99`, admin)).statusCode).toBe(400);
    expect((await call('GET', url, (await h.login('viewer', (await h.chain()).district.id)).cookie)).statusCode).toBe(404);
    const res = await call('GET', url, (await h.login('viewer', district.id)).cookie);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const a = body.items.find((i: { person: { id: number } }) => i.person.id === active.id);
    const b = body.items.find((i: { person: { id: number } }) => i.person.id === idle.id);
    expect(a).toMatchObject({ meetingsHeld: 1, meetingsInvited: 1, meetingsAttended: 1, lastActivityOn: '2024-06-01', post: 'president' });
    expect(b).toMatchObject({ meetingsHeld: 1, meetingsInvited: 1, meetingsAttended: 0, lastActivityOn: '2024-01-01' });
    expect(a.score).toBeGreaterThan(b.score);
    expect(body.formula).toContain('1×attendance');
    // Only attendance weighed: the present one scores 100, the absent one 0.
    const weighted = (await call('GET', `${url}&wDirectives=0&wMembers=0&wActivity=0`, admin)).json();
    expect(weighted.items.find((i: { person: { id: number } }) => i.person.id === active.id).score).toBe(100);
    expect(weighted.items.find((i: { person: { id: number } }) => i.person.id === idle.id).score).toBe(0);
    const inactive = (await call('GET', `${url}&inactive=true&wDirectives=0&wMembers=0&wActivity=0&inactiveDays=3650`, admin)).json();
    expect(inactive.items.map((i: { person: { id: number } }) => i.person.id)).toEqual([idle.id]);
    const bySecretary = (await call('GET', `${url}&post=secretary&level=assembly`, admin)).json();
    expect(bySecretary.items).toHaveLength(1);
    const page = (await call('GET', `${url}&limit=1`, admin)).json();
    expect(page.items).toHaveLength(1);
    const rest = (await call('GET', `${url}&limit=1&cursor=${page.nextCursor}`, admin)).json();
    expect(rest.items[0].tenureId).toBeGreaterThan(page.items[0].tenureId);
  });

  it('exports CSV and XLSX, and a PDF in Hindi where Chromium is installed', async () => {
    const { district, assembly } = await h.chain();
    const p = await h.person({ homeUnitId: assembly.id, name: 'Export Person', nameHi: 'निर्यात व्यक्ति' });
    await appoint(h.ctx, { unitId: assembly.id, post: 'president', personId: p.id, startDate: '2024-01-01' });
    const csv = await call('GET', `/api/v1/scorecards?underUnitId=${district.id}&format=csv`, admin);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Export Person');
    const csvHi = await call('GET', `/api/v1/scorecards?underUnitId=${district.id}&format=csv`, admin, undefined, 'hi');
    expect(csvHi.body).toContain('निर्यात व्यक्ति');
    expect(csvHi.body).toContain('अंक');
    const xlsx = await call('GET', `/api/v1/scorecards?underUnitId=${district.id}&format=xlsx`, admin);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    if (hasChromium()) {
      const pdf = await call('GET', `/api/v1/scorecards?underUnitId=${district.id}&format=pdf`, admin, undefined, 'hi');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    }
  });
});
