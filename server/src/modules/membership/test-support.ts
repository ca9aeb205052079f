import { sql } from 'kysely';
import type { THarness } from '../../../test/harness';
import { foldDriveCounts } from './counters';

/** Shared by this module's tests: calls, dates around today, a drive, and a direct recount of counters. */
export const caller = (h: THarness) => (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object, lang?: string) =>
  h.app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) } });

export const dayOffset = (days: number) => new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
export const consent = { purpose: 'party membership', date: '2026-02-01', method: 'verbal' as const };

export const makeDrive = async (h: THarness, cookie: string, unitId: number, extra: object = {}) => {
  const res = await caller(h)('POST', '/api/v1/drives', cookie, {
    name: `Drive ${unitId}`,
    nameHi: 'सदस्यता अभियान',
    unitId,
    startsOn: dayOffset(-10),
    endsOn: dayOffset(30),
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`drive: ${res.body}`);
  return res.json() as { id: number };
};

type TCount = { enrolled: number; verified: number; rejected: number };

/** Counts memberships under every unit of the drive's subtree straight from the membership table. */
export const recount = async (h: THarness, driveId: number) => {
  const { rows } = await sql<{ unit_id: number } & TCount>`
    select u.id as unit_id,
      count(*) filter (where m.status <> 'rejected')::int as enrolled,
      count(*) filter (where m.status = 'verified')::int as verified,
      count(*) filter (where m.status = 'rejected')::int as rejected
    from membership_drive d
    join unit du on du.id = d.unit_id
    join unit u on u.path >= du.path and u.path < du.path || '~'
    join unit mu on mu.path >= u.path and mu.path < u.path || '~'
    join membership m on m.unit_id = mu.id and m.drive_id = d.id
    where d.id = ${driveId}
    group by u.id`.execute(h.db);
  return new Map(rows.map((r) => [Number(r.unit_id), { enrolled: r.enrolled, verified: r.verified, rejected: r.rejected }]));
};

/** The drive's counters as stored, after folding its pending deltas into them. */
export const storedCounts = async (h: THarness, driveId: number) => {
  await foldDriveCounts(h.db, driveId);
  const { rows } = await sql<{ unit_id: number } & TCount>`
    select unit_id, enrolled, verified, rejected from drive_unit_count
    where drive_id = ${driveId} and (enrolled <> 0 or verified <> 0 or rejected <> 0)`.execute(h.db);
  return new Map(rows.map((r) => [Number(r.unit_id), { enrolled: r.enrolled, verified: r.verified, rejected: r.rejected }]));
};

/** Per (unit, enroller) counts recomputed from memberships, keyed `unit:kind:id`. */
export const recountEnrollers = async (h: THarness, driveId: number) => {
  const { rows } = await sql<{ k: string; enrolled: number; verified: number }>`
    select u.id || ':' || case when m.enrolled_by_person is not null then 'person:' || m.enrolled_by_person else 'user:' || m.enrolled_by_user end as k,
      count(*) filter (where m.status <> 'rejected')::int as enrolled,
      count(*) filter (where m.status = 'verified')::int as verified
    from membership_drive d
    join unit du on du.id = d.unit_id
    join unit u on u.path >= du.path and u.path < du.path || '~'
    join unit mu on mu.path >= u.path and mu.path < u.path || '~'
    join membership m on m.unit_id = mu.id and m.drive_id = d.id
    where d.id = ${driveId} and (m.enrolled_by_person is not null or m.enrolled_by_user is not null)
    group by 1
    having count(*) filter (where m.status <> 'rejected') > 0`.execute(h.db);
  await foldDriveCounts(h.db, driveId);
  const stored = await sql<{ k: string; enrolled: number; verified: number }>`
    select unit_id || ':' || enroller_kind || ':' || enroller_id as k, enrolled, verified from drive_enroller_count
    where drive_id = ${driveId} and (enrolled <> 0 or verified <> 0)`.execute(h.db);
  const asMap = (rs: { k: string; enrolled: number; verified: number }[]) =>
    new Map(rs.map((r) => [r.k, { enrolled: r.enrolled, verified: r.verified }]));
  return { recounted: asMap(rows), stored: asMap(stored.rows) };
};
