import { sql } from 'kysely';
import type { THarness } from '../../../test/harness';
import { appoint } from '../posts/operations';

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** Shared by this module's tests: calls, a district with office bearers, and meetings in the far future or past. */
export const caller = (h: THarness) => (method: TMethod, url: string, cookie?: string, payload?: object) =>
  h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

// Far from today so no test depends on the clock.
export const FUTURE = '2999-03-15T11:00:00+05:30';
export const PAST = '2024-03-15T11:00:00+05:30';

/**
 * A district with two assembly units and a booth: the district president and secretary, both
 * assembly presidents, one assembly secretary and the booth president hold posts.
 */
export const district = async (h: THarness) => {
  const { state, district: d, assembly: a1, booth } = await h.chain();
  const a2 = await h.unit({ parentId: d.id, level: 'assembly' });
  const at = async (unitId: number, post: string, nameHi: string, name: string) => {
    const p = await h.person({ homeUnitId: unitId, name, nameHi });
    await appoint(h.ctx, { unitId, post, personId: p.id, startDate: '2025-01-10' });
    return p;
  };
  const dPres = await at(d.id, 'president', 'मेहताब चौहान', 'Mehtab Chauhan');
  const dSec = await at(d.id, 'secretary', 'सुनीता त्यागी', 'Sunita Tyagi');
  const a1Pres = await at(a1.id, 'president', 'अजय कुमार', 'Ajay Kumar');
  const a1Sec = await at(a1.id, 'secretary', 'राष्ट्रपाल सिंह', 'Rashtrapal Singh');
  const a2Pres = await at(a2.id, 'president', 'मोहम्मद अंसारी', 'Mohammad Ansari');
  const boothPres = await at(booth.id, 'president', 'क्षमा शर्मा', 'Kshama Sharma');
  return { state, district: d, a1, a2, booth, dPres, dSec, a1Pres, a1Sec, a2Pres, boothPres };
};

export const meetingBody = (unitId: number, extra: object = {}) => ({
  unitId,
  type: 'review',
  title: 'District review',
  startsAt: FUTURE,
  venue: 'District office',
  agenda: ['Booth committees', 'Membership drive'],
  invitees: { includeSelf: true, rules: [{ levels: ['assembly'], posts: ['president'] }] },
  ...extra,
});

/** Creates a meeting through the API and returns its body; throws on anything but 201. */
export const makeMeeting = async (h: THarness, cookie: string, unitId: number, extra: object = {}) => {
  const res = await caller(h)('POST', '/api/v1/meetings', cookie, meetingBody(unitId, extra));
  if (res.statusCode !== 201) throw new Error(`meeting: ${res.body}`);
  return res.json() as { id: number; counts: { invited: number } };
};

/** A held meeting (recorded after the fact), ready for attendance, minutes and resolutions. */
export const heldMeeting = (h: THarness, cookie: string, unitId: number, extra: object = {}) =>
  makeMeeting(h, cookie, unitId, { status: 'held', startsAt: PAST, ...extra });

/** `n` booths under one unit, each with a president, written in three statements (for size limits). */
export const bulkBoothPresidents = async (h: THarness, parentId: number, n: number) => {
  await sql`with s as (select nextval('unit_id_seq') as id, g from generate_series(1, ${n}) g)
    insert into unit (id, parent_id, wing, level, name, path, depth, sort_key)
    select s.id, a.id, a.wing, 'booth', 'Bulk booth ' || s.id, a.path || s.id || '/', a.depth + 1, lpad(s.g::text, 6, '0')
    from s join unit a on a.id = ${parentId}`.execute(h.db);
  await sql`insert into person (name, phone, home_unit_id, consent_purpose, consent_date, consent_method)
    select 'Booth president ' || u.id, '+918' || lpad(u.id::text, 9, '0'), u.id, 'test', '2026-01-01', 'written'
    from unit u where u.parent_id = ${parentId} and u.name like 'Bulk booth %'`.execute(h.db);
  await sql`insert into tenure (unit_id, post_key, person_id, start_date)
    select p.home_unit_id, 'president', p.id, '2025-01-01' from person p join unit u on u.id = p.home_unit_id
    where u.parent_id = ${parentId} and u.name like 'Bulk booth %'`.execute(h.db);
};
