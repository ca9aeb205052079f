import { normalizePhone, type TConsent } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import type { TMessageKey, TParams } from '../../i18n/messages';
import { hasRoleAt } from '../auth/policy';
import { assertDriveOpen } from '../membership/operations';
import { hasRoleInDrive, isInside, todayInIndia } from '../membership/policy';
import { loadVisibleDrive } from '../membership/queries';
import { parseDate, parseMethod, parseStatus } from './columns';
import {
  chunks,
  findKnownPeople,
  insertPeople,
  LOOKUP_BATCH,
  matchPeople,
  progressSteps,
  readPeopleSheet,
  rowErrors,
  type TPersonRow,
  type TRowError,
  WRITE_BATCH,
} from './rows';

export type TMembersImportReport = {
  dryRun: boolean;
  rows: number;
  newPeople: number;
  matchedPeople: number;
  enrolments: number;
  alreadyMembers: number;
  errors: TRowError[];
};
export type TMembersImportOptions = {
  dryRun: boolean;
  driveId: number;
  state?: string;
  consent: TConsent;
  onProgress?: (done: number, total: number) => void | Promise<void>;
};

type TMemberRow = TPersonRow & {
  enrollerPhone: string | null;
  enrolledOn: string | null;
  status: 'pending' | 'verified';
  method: 'otp' | 'epic' | 'photo' | null;
};

/** Live people with these phones and the path of their home unit (to check the actor may see them). */
const findEnrollers = async (db: Kysely<DB>, phones: string[]) => {
  const found = new Map<string, { id: number; path: string }>();
  for (const batch of chunks([...new Set(phones)], LOOKUP_BATCH)) {
    const { rows } = await sql<{ id: number; phone: string; path: string }>`
      select p.id, p.phone, u.path from person p join unit u on u.id = p.home_unit_id
      where p.phone = any(${batch}::text[]) and p.deleted_at is null`.execute(db);
    for (const r of rows) found.set(r.phone, { id: r.id, path: r.path });
  }
  return found;
};

/**
 * Imports members into a membership drive from a sheet, as enrolments by the importing user: the
 * same check-then-write, all-or-nothing shape as the people/posts import. A phone or EPIC on file
 * reuses that person ("matched"); a person already a member of the drive, or a repeat of an
 * earlier row's phone, is counted in `alreadyMembers` and not enrolled twice. A unit outside the
 * drive's area or the actor's jurisdiction is a row error. The membership counters get the same
 * deltas enrolling each member through the API (and verifying the verified ones) would give.
 */
export const importMembers = async (ctx: TCtx, bytes: Uint8Array, opts: TMembersImportOptions): Promise<TMembersImportReport> => {
  const drive = await loadVisibleDrive(ctx, opts.driveId);
  if (!hasRoleInDrive(ctx.actor, drive.unit_path, 'data-entry')) throw new AppError('FORBIDDEN', 'FORBIDDEN');
  assertDriveOpen(drive);
  const { sheet, cell, unitOf, personOf } = await readPeopleSheet(ctx.db, bytes, opts.state);
  const today = todayInIndia();
  const errors = rowErrors(ctx.locale);
  const rows: TMemberRow[] = [];

  for (const { line, cells } of sheet.rows) {
    let bad = false;
    const err = (key: TMessageKey, params?: TParams) => {
      bad = true;
      errors.add(line, key, params);
    };
    let unit = unitOf(cells, ctx.actor, err);
    if (unit && !isInside(unit.path, drive.unit_path)) {
      err('R_UNIT_OUTSIDE_DRIVE', { unit: unit.id });
      unit = null;
    }
    if (unit && !hasRoleAt(ctx.actor, unit.path, 'data-entry')) err('FORBIDDEN');
    const person = personOf(cells, err);
    const enrollerText = cell(cells, 'enroller');
    const enroller = enrollerText ? normalizePhone(enrollerText) : null;
    if (enroller && !enroller.ok) err('R_ENROLLER_PHONE', { value: enrollerText });
    const dateText = cell(cells, 'enrolledOn') || cell(cells, 'startDate');
    const enrolledOn = dateText ? parseDate(dateText) : null;
    if (dateText && !enrolledOn) err('R_DATE', { value: dateText });
    else if (enrolledOn && enrolledOn > today) err('R_DATE_FUTURE', { value: enrolledOn });
    else if (enrolledOn && enrolledOn < drive.starts_on)
      err('R_DATE_OUTSIDE_DRIVE', { value: enrolledOn, start: drive.starts_on, end: drive.ends_on });
    const statusText = cell(cells, 'status');
    const status = statusText ? parseStatus(statusText) : 'pending';
    if (!status) err('R_STATUS', { value: statusText });
    const methodText = cell(cells, 'method');
    let method = methodText ? parseMethod(methodText) : null;
    if (methodText && !method) err('R_METHOD', { value: methodText });
    // A sheet cannot carry the photo a photo check compares against.
    else if (method === 'photo' && status === 'verified') err('R_METHOD_PHOTO');
    if (status === 'verified' && !method && !methodText) {
      if (person?.epic) method = 'epic';
      else err('R_METHOD_NEEDED');
    }
    if (bad || !unit || !person || !status) continue;
    rows.push({
      ...person,
      line,
      unit,
      enrollerPhone: enroller?.ok ? enroller.e164 : null,
      enrolledOn,
      status,
      method: status === 'verified' ? method : null,
    });
  }

  const known = await findKnownPeople(
    ctx.db,
    rows.map((r) => r.phone),
    rows.flatMap((r) => (r.epic ? [r.epic] : [])),
  );
  const { firstByPhone, newRows, knownIds } = matchPeople(rows, known, errors.add);

  // Enrollers: someone on file the actor may see, or a person of this file.
  const enrollers = await findEnrollers(
    ctx.db,
    rows.flatMap((r) => (r.enrollerPhone && !firstByPhone.has(r.enrollerPhone) ? [r.enrollerPhone] : [])),
  );
  for (const r of rows) {
    if (!r.enrollerPhone || firstByPhone.has(r.enrollerPhone)) continue;
    const e = enrollers.get(r.enrollerPhone);
    if (!e || !hasRoleAt(ctx.actor, e.path, 'viewer')) errors.add(r.line, 'R_ENROLLER_UNKNOWN', { value: r.enrollerPhone });
  }

  // Members already in the drive are reported, not enrolled again; so is a repeat of a phone.
  const members = new Set<number>();
  for (const batch of chunks([...new Set(knownIds.values())], LOOKUP_BATCH)) {
    const { rows: found } = await sql<{ person_id: number }>`
      select person_id from membership where drive_id = ${drive.id} and person_id = any(${batch}::bigint[])`.execute(ctx.db);
    for (const m of found) members.add(m.person_id);
  }
  const toEnrol: TMemberRow[] = [];
  for (const r of firstByPhone.values()) {
    const id = knownIds.get(r.phone);
    if (id === undefined || !members.has(id)) toEnrol.push(r);
  }

  const report: TMembersImportReport = {
    dryRun: opts.dryRun,
    rows: sheet.rows.length,
    newPeople: newRows.length,
    matchedPeople: firstByPhone.size - newRows.length,
    enrolments: toEnrol.length,
    alreadyMembers: rows.length - toEnrol.length,
    errors: errors.sorted(),
  };
  if (report.errors.length > 0 || opts.dryRun) return report;

  await ctx.db.transaction().execute(async (trx) => {
    const step = progressSteps(newRows.length + toEnrol.length, opts.onProgress);
    const personId = new Map([...knownIds, ...(await insertPeople(trx, ctx, newRows, opts.consent, step))]);
    const enrollerId = (phone: string | null) => (phone ? (personId.get(phone) ?? enrollers.get(phone)?.id ?? null) : null);
    await insertMemberships(trx, ctx, drive.id, toEnrol, personId, enrollerId, step);
  });
  return report;
};

/**
 * Memberships with their `membership.enrol` audit rows and the counter deltas (one per unit and
 * enroller), in one statement per batch. A verified row is decided by the importing user at once.
 */
const insertMemberships = async (
  trx: Kysely<DB>,
  ctx: TCtx,
  driveId: number,
  rows: TMemberRow[],
  personId: Map<string, number>,
  enrollerId: (phone: string | null) => number | null,
  onBatch: (n: number) => Promise<void>,
) => {
  const userId = ctx.actor.userId > 0 ? ctx.actor.userId : null;
  for (const batch of chunks(rows, WRITE_BATCH)) {
    const col = <T>(f: (r: TMemberRow) => T) => batch.map(f);
    await sql`
      with ins as (
        insert into membership (drive_id, person_id, unit_id, enrolled_by_user, enrolled_by_person, channel, status, method,
                                decided_by, decided_at, created_at)
        select ${driveId}::bigint, x.p, x.u, ${userId}::bigint, x.ep, 'enroller', x.st, x.me,
               case when x.st = 'verified' then ${userId}::bigint end, case when x.st = 'verified' then now() end,
               coalesce((x.d || 'T00:00:00+05:30')::timestamptz, now())
        from unnest(${col((r) => personId.get(r.phone) as number)}::bigint[], ${col((r) => r.unit.id)}::bigint[],
                    ${col((r) => enrollerId(r.enrollerPhone))}::bigint[], ${col((r) => r.status)}::text[], ${col((r) => r.method)}::text[],
                    ${col((r) => r.enrolledOn)}::text[]) as x (p, u, ep, st, me, d)
        returning id, drive_id, person_id, unit_id, channel, status, method, rejection_reason, enrolled_by_user, enrolled_by_person
      ), audit as (
        insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, after, request_id)
        select ${userId}::bigint, ${ctx.actor.username}, 'membership.enrol', 'membership', ins.id::text,
               jsonb_build_object('driveId', drive_id, 'personId', person_id, 'unitId', unit_id, 'channel', channel, 'status', status,
                 'method', method, 'rejectionReason', rejection_reason, 'enrolledByUser', enrolled_by_user,
                 'enrolledByPerson', enrolled_by_person, 'via', 'import'),
               ${ctx.requestId}
        from ins
      )
      insert into drive_count_delta (drive_id, unit_id, enroller_kind, enroller_id, enrolled, verified, rejected)
      select drive_id, unit_id,
             case when enrolled_by_person is not null then 'person' when enrolled_by_user is not null then 'user' end,
             coalesce(enrolled_by_person, enrolled_by_user), count(*), count(*) filter (where status = 'verified'), 0
      from ins group by 1, 2, 3, 4`.execute(trx);
    await onBatch(batch.length);
  }
};
