import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { appoint } from '../posts/operations';
import { programmeBody } from '../programmes/test-support';
import { indiaToday } from './facts';
import { getUnitHealth, listWeak } from './queries';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (method: TMethod, url: string, cookie?: string, payload?: object, lang = 'en') =>
  h.app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang } });
const signal = (body: { signals: { key: string }[] }, key: string) => body.signals.find((s) => s.key === key) as Record<string, unknown>;
const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A booth whose committee is complete, so only the signal under test can make it weak. */
const fullBooth = async (parentId: number, extra: Record<string, unknown> = {}) => {
  const booth = await h.unit({ parentId, level: 'booth', ...extra });
  const posts = ['president', 'booth-agent', 'secretary', 'whatsapp-in-charge', 'member', 'member', 'member', 'member', 'member', 'member'];
  for (const post of posts)
    await appoint(h.ctx, { unitId: booth.id, post, personId: (await h.person({ homeUnitId: booth.id })).id, startDate: '2025-01-01' });
  return booth;
};

describe('programmes signal', () => {
  it('counts instances held or reported of those due, for the whole subtree, from stored counters', async () => {
    const state = await h.unit({ level: 'state', name: `Haryana ${Math.random().toString(36).slice(2, 8)}`, geo: 'S07' });
    const district = await h.unit({ parentId: state.id, level: 'district' });
    const due = dayAfter(indiaToday(), 30);
    const body = programmeBody(district.id, {
      phases: [
        { name: 'Assemblies', nameHi: 'विधानसभा', dueDate: due },
        { name: 'Later', nameHi: 'बाद में' },
      ],
    });
    const p = await call('POST', '/api/v1/programmes', admin, body);
    expect(p.statusCode, p.body).toBe(201);
    const acs = [await h.unit({ parentId: district.id, level: 'assembly' }), await h.unit({ parentId: district.id, level: 'assembly' })];
    const roll = await call('POST', `/api/v1/programmes/${p.json().id}/rollout`, admin, {
      target: { unitIds: acs.map((a) => a.id) },
      underUnitId: district.id,
      phase: 1,
    });
    expect(roll.statusCode, roll.body).toBe(200);
    // Before the due date nothing is due: no data.
    expect(signal(await getUnitHealth(h.ctx, state.id), 'programmes')).toMatchObject({ state: 'no-data', reason: 'no programme due yet' });
    const later = dayAfter(due, 1);
    // The state is above the programme's unit: it still counts the district's instances.
    expect(signal(await getUnitHealth(h.ctx, state.id, later), 'programmes')).toMatchObject({
      state: 'weak',
      value: 0,
      detail: { due: 2, done: 0 },
    });
    const instances = await h.db
      .selectFrom('programme_instance')
      .select(['id', 'scope_unit_id'])
      .where('programme_id', '=', p.json().id)
      .orderBy('id')
      .execute();
    expect(instances).toHaveLength(2);
    const report = await call('POST', `/api/v1/programme-instances/${instances[0]?.id}/report`, admin, {
      heldOn: indiaToday(),
      attendance: { doctors: 10 },
    });
    expect(report.statusCode, report.body).toBe(200);
    const cancel = await call('PATCH', `/api/v1/programme-instances/${instances[1]?.id}`, admin, {
      status: 'cancelled',
      cancelReason: 'Flood',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const st = await getUnitHealth(h.ctx, state.id, later);
    expect(signal(st, 'programmes')).toMatchObject({
      state: 'ok',
      value: 100,
      detail: { due: 1, done: 1 },
      reason: 'programmes held 1 of 1 due',
    });
    const hi = await getUnitHealth({ ...h.ctx, locale: 'hi' }, district.id, later);
    expect(signal(hi, 'programmes')).toMatchObject({ reason: '1 देय में से 1 कार्यक्रम हुए' });
    // The cancelled instance's AC has nothing due; the reported one's has 1 of 1.
    expect(signal(await getUnitHealth(h.ctx, Number(instances[1]?.scope_unit_id), later), 'programmes')).toMatchObject({
      state: 'no-data',
    });
    expect(signal(await getUnitHealth(h.ctx, Number(instances[0]?.scope_unit_id), later), 'programmes')).toMatchObject({ value: 100 });
  });
});

describe('election signal', () => {
  it('is stored per area when the our-party setting and results change through the elections module', async () => {
    const { district } = await h.chain();
    const ac = await h.unit({ parentId: district.id, level: 'assembly', geo: 'S24-AC-21' });
    await sql`insert into party (key, short_name, name, name_hi) values ('e8a', 'EA', 'Party EA', 'दल ईए'), ('e8b', 'EB', 'Party EB', 'दल ईबी') on conflict do nothing`.execute(
      h.db,
    );
    const seats: number[] = [];
    for (const [year, ours, theirs] of [
      [2012, 300, 700],
      [2017, 420, 580],
    ] as const) {
      const e = await sql<{
        id: number;
      }>`insert into election (type, state_code, year, name) values ('vidhan-sabha', 'S24', ${year}, ${`UP ${year}`}) returning id`.execute(
        h.db,
      );
      const s = await sql<{
        id: number;
      }>`insert into seat (election_id, code, number, name, geo_code) values (${e.rows[0]?.id}, 'AC-21', 21, 'Seat 21', 'S24-AC-21') returning id`.execute(
        h.db,
      );
      await sql`insert into result_row (seat_id, candidate, party_key, votes) values (${s.rows[0]?.id}, 'A', 'e8a', ${ours}), (${s.rows[0]?.id}, 'B', 'e8b', ${theirs})`.execute(
        h.db,
      );
      seats.push(Number(s.rows[0]?.id));
    }
    // Results written behind the module's back are not seen until the setting changes through it.
    expect(signal((await call('GET', `/api/v1/units/${ac.id}/health`, admin)).json(), 'election')).toMatchObject({ state: 'no-data' });
    const set = await call('PUT', '/api/v1/election-settings', admin, { ourParty: 'e8a' });
    expect(set.statusCode, set.body).toBe(200);
    const body = (await call('GET', `/api/v1/units/${ac.id}/health`, admin)).json();
    expect(signal(body, 'election')).toMatchObject({
      value: 42,
      state: 'ok',
      detail: { share: 42, swing: 12 },
      reason: 'vote share 42% in UP 2017, swing +12 points',
    });
    const stored = await sql<{ share: number }>`select share from health_election_area where area = 'S24-AC-21'`.execute(h.db);
    expect(Number(stored.rows[0]?.share)).toBe(42);
    await call('PUT', '/api/v1/election-settings', admin, { ourParty: null });
    expect(signal((await call('GET', `/api/v1/units/${ac.id}/health`, admin)).json(), 'election')).toMatchObject({ state: 'no-data' });
  });
});

describe('thresholds per wing', () => {
  it('a wing has its own value over the level default; unknown wing 400; list per wing', async () => {
    const wing = `w${Math.random().toString(36).slice(2, 8)}`;
    await sql`insert into wing (key, name, name_hi) values (${wing}, 'Youth wing', 'युवा मोर्चा')`.execute(h.db);
    const { assembly } = await h.chain();
    // A booth of the wing (its subtree under the wing's own root is not needed to read its thresholds).
    const booth = await h.unit({ parentId: assembly.id, level: 'booth' });
    await sql`update unit set wing = ${wing} where id = ${booth.id}`.execute(h.db);
    for (const post of ['president', 'secretary', 'member'])
      await appoint(h.ctx, { unitId: booth.id, post, personId: (await h.person({ homeUnitId: booth.id })).id, startDate: '2025-01-01' });
    const main = await h.unit({ parentId: assembly.id, level: 'booth' });
    expect(
      (
        await call('PUT', '/api/v1/health/thresholds', admin, {
          items: [{ level: 'booth', wing: 'no-such-wing', signal: 'boothCommittee', value: 3 }],
        })
      ).json(),
    ).toMatchObject({
      error: 'VALIDATION',
      field: 'items.0.wing',
    });
    expect(
      (
        await call('PUT', '/api/v1/health/thresholds', admin, { items: [{ level: 'booth', wing, signal: 'boothCommittee', value: 0 }] })
      ).json(),
    ).toMatchObject({ field: 'items.0.value' });
    expect((await call('GET', '/api/v1/health/thresholds?wing=no-such-wing', admin)).statusCode).toBe(400);
    const ok = await call('PUT', '/api/v1/health/thresholds', admin, {
      items: [{ level: 'booth', wing, signal: 'boothCommittee', value: 3 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      ok.json().items.find((i: { level: string; signal: string }) => i.level === 'booth' && i.signal === 'boothCommittee'),
    ).toMatchObject({ wing, value: 3, isDefault: false });
    const all = (await call('GET', '/api/v1/health/thresholds', admin)).json();
    expect(all.items.find((i: { level: string; signal: string }) => i.level === 'booth' && i.signal === 'boothCommittee')).toMatchObject({
      wing: null,
      value: 10,
    });
    expect(signal((await call('GET', `/api/v1/units/${booth.id}/health`, admin)).json(), 'boothCommittee')).toMatchObject({
      state: 'ok',
      threshold: 3,
    });
    expect(signal((await call('GET', `/api/v1/units/${main.id}/health`, admin)).json(), 'boothCommittee')).toMatchObject({
      state: 'weak',
      threshold: 10,
    });
    const audit = await h.db.selectFrom('audit_log').select('after').where('action', '=', 'health.thresholds').execute();
    expect(audit.some((a) => JSON.stringify(a.after).includes(wing))).toBe(true);
  });
});

describe('weak list', () => {
  it('uses every signal: a booth weak only by its attendance is listed with its reason, an ok booth is not', async () => {
    const { assembly } = await h.chain();
    // Office bearers' training is not under test here: a threshold of 0 makes it ok for every booth.
    expect(
      (await call('PUT', '/api/v1/health/thresholds', admin, { items: [{ level: 'booth', signal: 'trained', value: 0 }] })).statusCode,
    ).toBe(200);
    const held = (unitId: number, includeSelf: boolean) =>
      call('POST', '/api/v1/meetings', admin, {
        unitId,
        type: 'review',
        title: 'Booth meeting',
        startsAt: `${indiaToday()}T09:00:00+05:30`,
        status: 'held',
        invitees: { includeSelf },
      });
    const ok = await fullBooth(assembly.id);
    expect((await held(ok.id, false)).statusCode).toBe(201);
    // Met today with its committee invited and nobody marked present: weak by attendance alone.
    const weakOne = await fullBooth(assembly.id);
    expect((await held(weakOne.id, true)).statusCode).toBe(201);
    const page = await listWeak(h.ctx, assembly.id, { level: 'booth', limit: 50 });
    const ids = page.items.map((i) => i.unit.id);
    expect(ids).toContain(weakOne.id);
    expect(ids).not.toContain(ok.id);
    const row = page.items.find((i) => i.unit.id === weakOne.id);
    expect(row?.reasons).toEqual(['attendance 0% of 10 expected (90 days)']);
    expect(page.nextCursor).toBeNull();
    // A page of one: the next cursor continues after it, and the pages do not overlap.
    const first = await listWeak(h.ctx, assembly.id, { level: 'booth', limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const rest = await listWeak(h.ctx, assembly.id, { level: 'booth', limit: 50, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...rest.items].map((i) => i.unit.id).sort()).toEqual([...ids].sort());
    await call('PUT', '/api/v1/health/thresholds', admin, { items: [{ level: 'booth', signal: 'trained', value: 50 }] });
  });
});
