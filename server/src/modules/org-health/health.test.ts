import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { appoint } from '../posts/operations';
import { refreshElectionHealth } from './election-facts';
import { indiaToday } from './facts';
import { getUnitHealth } from './queries';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
type TMethod = 'GET' | 'POST' | 'PUT';
const call = (method: TMethod, url: string, cookie?: string, payload?: object, lang = 'en') =>
  h.app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang } });

/** A booth with `n` committee members appointed. */
const boothWith = async (parentId: number, n: number) => {
  const booth = await h.unit({ parentId, level: 'booth' });
  const posts = ['president', 'booth-agent', 'secretary', 'whatsapp-in-charge', 'member', 'member', 'member', 'member', 'member', 'member'];
  for (const post of posts.slice(0, n)) {
    const p = await h.person({ homeUnitId: booth.id });
    await appoint(h.ctx, { unitId: booth.id, post, personId: p.id, startDate: '2025-01-01' });
  }
  return booth;
};
const daysAgo = (d: number) =>
  `${new Date(Date.parse(`${indiaToday()}T12:00:00+05:30`) - d * 86_400_000).toISOString().slice(0, 10)}T12:00:00+05:30`;
const signal = (body: { signals: { key: string }[] }, key: string) => body.signals.find((s) => s.key === key) as Record<string, unknown>;

describe('GET /api/v1/units/:id/health', () => {
  it('401, 400, 404 outside jurisdiction, 200 with signals, reasons in English and Hindi', async () => {
    const { assembly, district } = await h.chain();
    const booth = await boothWith(assembly.id, 4);
    expect((await call('GET', `/api/v1/units/${booth.id}/health`)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/units/abc/health', admin)).statusCode).toBe(400);
    const outsider = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    expect((await call('GET', `/api/v1/units/${booth.id}/health`, outsider)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/units/99999999/health', admin)).statusCode).toBe(404);
    const viewer = (await h.login('viewer', district.id)).cookie;
    const res = await call('GET', `/api/v1/units/${booth.id}/health`, viewer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.isWeak).toBe(true);
    expect(signal(body, 'boothCommittee')).toMatchObject({ state: 'weak', value: 4, threshold: 10, reason: 'booth committee 4 of 10' });
    expect(signal(body, 'lastMeeting')).toMatchObject({ state: 'weak', reason: 'no meeting held yet' });
    expect(signal(body, 'programmes')).toMatchObject({ state: 'no-data' });
    expect(signal(body, 'membership')).toMatchObject({ state: 'no-data' });
    expect(body.reasons).toContain('booth committee 4 of 10');
    const hi = (await call('GET', `/api/v1/units/${booth.id}/health`, viewer, undefined, 'hi')).json();
    expect(hi.reasons).toContain('बूथ समिति 10 में से 4');
  });

  it('counts days since the last held meeting, attendance over 90 days, and a complete booth is ok on committee', async () => {
    const { assembly } = await h.chain();
    const booth = await boothWith(assembly.id, 10);
    const meeting = await call('POST', '/api/v1/meetings', admin, {
      unitId: assembly.id,
      type: 'review',
      title: 'AC review',
      startsAt: daysAgo(74),
      status: 'held',
      invitees: { includeSelf: false, rules: [{ levels: ['booth'], posts: ['president', 'secretary'] }] },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const att = (await call('GET', `/api/v1/meetings/${meeting.json().id}/attendance`, admin)).json() as { items: { personId: number }[] };
    expect(att.items).toHaveLength(2);
    const put = await call('PUT', `/api/v1/meetings/${meeting.json().id}/attendance`, admin, {
      entries: [
        { personId: att.items[0]?.personId, status: 'present' },
        { personId: att.items[1]?.personId, status: 'absent' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const ac = (await call('GET', `/api/v1/units/${assembly.id}/health`, admin)).json();
    expect(signal(ac, 'lastMeeting')).toMatchObject({ state: 'weak', value: 74, reason: 'no meeting for 74 days' });
    expect(signal(ac, 'attendance')).toMatchObject({ value: 50, state: 'ok' });
    // The chain's own empty booth and the complete one.
    expect(signal(ac, 'boothsCovered')).toMatchObject({
      value: 50,
      state: 'weak',
      detail: { ok: 1, total: 2 },
      reason: '1 of 2 booths with a complete committee (50%)',
    });
    expect(signal(ac, 'childrenOk')).toMatchObject({ detail: { ok: 0, total: 2 } });
    const b = (await call('GET', `/api/v1/units/${booth.id}/health`, admin)).json();
    expect(signal(b, 'boothCommittee')).toMatchObject({ state: 'ok', value: 10 });
    expect(signal(b, 'trained')).toMatchObject({ value: 0, detail: { holders: 10, trained: 0 } });
  });

  it('counts overdue directives once their due date has passed (read with a later "today")', async () => {
    const { district, assembly } = await h.chain();
    await boothWith(assembly.id, 1);
    const res = await call('POST', '/api/v1/directives', admin, {
      unitId: district.id,
      text: 'Complete every booth committee',
      dueDate: '2999-01-10',
      target: { cascade: { level: 'booth', post: 'president' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const booth = (
      await h.db
        .selectFrom('assignment')
        .select('unit_id')
        .where('directive_id', '=', res.json().directive?.id ?? res.json().id)
        .executeTakeFirstOrThrow()
    ).unit_id;
    const now = await getUnitHealth(h.ctx, booth);
    expect(now.signals.find((s) => s.key === 'directivesOverdue')).toMatchObject({ state: 'no-data' });
    const later = await getUnitHealth(h.ctx, booth, '2999-02-01');
    expect(later.signals.find((s) => s.key === 'directivesOverdue')).toMatchObject({
      state: 'weak',
      value: 1,
      reason: '1 directives overdue',
    });
    expect(later.signals.find((s) => s.key === 'directivesOnTime')).toMatchObject({ value: 0 });
  });

  it("shows the party's vote share and swing in the unit's seat", async () => {
    const { district } = await h.chain();
    const ac = await h.unit({ parentId: district.id, level: 'assembly', geo: 'S24-AC-14' });
    await sql`insert into party (key, short_name, name, name_hi) values ('h8a', 'HA', 'Party A', 'दल ए'), ('h8b', 'HB', 'Party B', 'दल बी') on conflict do nothing`.execute(
      h.db,
    );
    await sql`update election_setting set our_party_key = 'h8a'`.execute(h.db);
    for (const [year, ours, theirs] of [
      [2017, 400, 600],
      [2022, 450, 550],
    ] as const) {
      const e = await sql<{
        id: number;
      }>`insert into election (type, state_code, year, name) values ('vidhan-sabha', 'S24', ${year}, ${`UP ${year}`}) returning id`.execute(
        h.db,
      );
      const s = await sql<{
        id: number;
      }>`insert into seat (election_id, code, number, name, geo_code) values (${e.rows[0]?.id}, 'AC-14', 14, 'Muzaffarnagar', 'S24-AC-14') returning id`.execute(
        h.db,
      );
      await sql`insert into result_row (seat_id, candidate, party_key, votes) values (${s.rows[0]?.id}, 'A', 'h8a', ${ours}), (${s.rows[0]?.id}, 'B', 'h8b', ${theirs})`.execute(
        h.db,
      );
    }
    // What the elections module's writes do (results written here directly).
    await refreshElectionHealth(h.db, 'all');
    const body = (await call('GET', `/api/v1/units/${ac.id}/health`, admin)).json();
    expect(signal(body, 'election')).toMatchObject({
      value: 45,
      state: 'ok',
      detail: { share: 45, swing: 5 },
      reason: 'vote share 45% in UP 2022, swing +5 points',
    });
    await sql`update election_setting set our_party_key = null`.execute(h.db);
  });
});

describe('GET /api/v1/units/:id/children/health and /weak', () => {
  it('sorts children weak first by default and by any signal, pages with a cursor; 401/400/404', async () => {
    const { assembly, district } = await h.chain();
    const booths = [await boothWith(assembly.id, 2), await boothWith(assembly.id, 10), await boothWith(assembly.id, 6)];
    const url = `/api/v1/units/${assembly.id}/children/health`;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', `${url}?sort=colour`, admin)).statusCode).toBe(400);
    expect((await call('GET', `${url}?cursor=garbage`, admin)).statusCode).toBe(400);
    expect((await call('GET', url, (await h.login('admin', (await h.chain()).state.id)).cookie)).statusCode).toBe(404);
    const all = (await call('GET', url, admin)).json();
    expect(all.total).toBe(4); // the chain's own booth too
    const byCommittee = (await call('GET', `${url}?sort=boothCommittee&limit=2`, admin)).json();
    expect(byCommittee.items.map((i: { signals: { key: string }[] }) => signal(i, 'boothCommittee').value)).toEqual([0, 2]);
    const next = (await call('GET', `${url}?sort=boothCommittee&limit=2&cursor=${byCommittee.nextCursor}`, admin)).json();
    expect(next.items.map((i: { signals: { key: string }[] }) => signal(i, 'boothCommittee').value)).toEqual([6, 10]);
    expect(next.nextCursor).toBeNull();
    const desc = (await call('GET', `${url}?sort=boothCommittee&order=desc&limit=1`, admin)).json();
    expect(desc.items[0].unit.id).toBe(booths[1]?.id);
    const weak = `/api/v1/units/${district.id}/weak?level=booth&limit=2`;
    expect((await call('GET', weak)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/units/${district.id}/weak?level=galaxy`, admin)).statusCode).toBe(400);
    const page1 = (await call('GET', weak, admin)).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((i: { isWeak: boolean }) => i.isWeak)).toBe(true);
    const page2 = (await call('GET', `${weak}&cursor=${page1.nextCursor}`, admin)).json();
    expect(page2.items.length).toBeGreaterThan(0);
    const seen = [...page1.items, ...page2.items].map((i: { unit: { id: number } }) => i.unit.id);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('GET/PUT /api/v1/health/thresholds', () => {
  it('401, 403 for a state admin, 400 out of range or unknown level, 200 changes the signal', async () => {
    const { assembly, state } = await h.chain();
    const booth = await boothWith(assembly.id, 4);
    expect((await call('GET', '/api/v1/health/thresholds')).statusCode).toBe(401);
    const list = (await call('GET', '/api/v1/health/thresholds', admin)).json();
    expect(list.items.find((i: { level: string; signal: string }) => i.level === 'booth' && i.signal === 'boothCommittee')).toMatchObject({
      value: 10,
      isDefault: true,
    });
    const body = { items: [{ level: 'booth', signal: 'boothCommittee', value: 4 }] };
    expect((await call('PUT', '/api/v1/health/thresholds', undefined, body)).statusCode).toBe(401);
    expect((await call('PUT', '/api/v1/health/thresholds', (await h.login('admin', state.id)).cookie, body)).statusCode).toBe(403);
    const range = await call('PUT', '/api/v1/health/thresholds', admin, {
      items: [{ level: 'booth', signal: 'boothCommittee', value: 500 }],
    });
    expect(range.json()).toMatchObject({ error: 'VALIDATION', field: 'items.0.value' });
    expect(range.json().message).toContain('between 1 and 100');
    expect(
      (await call('PUT', '/api/v1/health/thresholds', admin, { items: [{ level: 'planet', signal: 'boothCommittee', value: 4 }] })).json(),
    ).toMatchObject({ field: 'items.0.level' });
    expect(
      (await call('PUT', '/api/v1/health/thresholds', admin, { items: [{ level: 'booth', signal: 'mood', value: 4 }] })).statusCode,
    ).toBe(400);
    const ok = await call('PUT', '/api/v1/health/thresholds', admin, body);
    expect(ok.statusCode).toBe(200);
    const after = (await call('GET', `/api/v1/units/${booth.id}/health`, admin)).json();
    expect(signal(after, 'boothCommittee')).toMatchObject({ state: 'ok', threshold: 4 });
    const audit = await h.db.selectFrom('audit_log').select('action').where('action', '=', 'health.thresholds').execute();
    expect(audit).toHaveLength(1);
    await call('PUT', '/api/v1/health/thresholds', admin, { items: [{ level: 'booth', signal: 'boothCommittee', value: 10 }] });
  });
});

describe('GET /api/v1/units/:id/health/map', () => {
  it('401, 400, 404 outside, 200 with the share of weak booths per AC unit', async () => {
    const { district } = await h.chain();
    const ac = await h.unit({ parentId: district.id, level: 'assembly', geo: 'S24-AC-15' });
    await boothWith(ac.id, 10);
    await boothWith(ac.id, 3);
    const url = `/api/v1/units/${district.id}/health/map?kind=ac`;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/units/${district.id}/health/map?kind=ward`, admin)).statusCode).toBe(400);
    expect((await call('GET', url, (await h.login('viewer', (await h.chain()).district.id)).cookie)).statusCode).toBe(404);
    const body = (await call('GET', url, admin)).json();
    expect(body).toEqual({
      kind: 'ac',
      signal: null,
      items: [{ unitId: ac.id, geoCode: 'S24-AC-15', booths: 2, weakShare: 50, value: null, state: null }],
    });
    // Coloured by one signal: the AC unit's own value and state, as its health page gives them.
    expect((await call('GET', `${url}&signal=bogus`, admin)).statusCode).toBe(400);
    const covered = (await call('GET', `${url}&signal=boothsCovered`, admin)).json();
    const page = (await call('GET', `/api/v1/units/${ac.id}/health`, admin)).json();
    expect(covered.items[0]).toMatchObject({
      unitId: ac.id,
      weakShare: 50,
      value: signal(page, 'boothsCovered').value,
      state: signal(page, 'boothsCovered').state,
    });
    expect(covered.items[0].value).toBe(50);
    const meeting = (await call('GET', `${url}&signal=lastMeeting`, admin)).json();
    expect(meeting).toMatchObject({ signal: 'lastMeeting', items: [{ state: 'weak' }] });
  });
});
