import type { TConsent, TLocale, TRole } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import type { TMessageKey, TParams } from '../../i18n/messages';
import { hasRoleAt } from '../auth/policy';
import { onPostsChanged } from '../org-health/aggregates';
import { onTenuresChanged } from '../training/coverage';
import { parseDate } from './columns';
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

export type { TRowError } from './rows';
export type TPeopleImportReport = {
  dryRun: boolean;
  rows: number;
  newPeople: number;
  matchedPeople: number;
  appointments: number;
  alreadyHolding: number;
  errors: TRowError[];
};
export type TPeopleImportOptions = {
  dryRun: boolean;
  /** State for rows that give AC and part numbers but no state column. */
  state?: string;
  /** The consent the importing office collected (on paper forms, usually) for every row. */
  consent: TConsent;
  /** Called after each written batch; throwing aborts the import and rolls everything back. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
};

type TRow = TPersonRow & { post: string | null; startDate: string };

/**
 * Post keys by any way a sheet may name them: key, English name, Hindi name, common short forms —
 * per wing and level, from the template each follows (a wing's own, or the default).
 */
const postLookup = async (db: Kysely<DB>) => {
  const rows = await db.selectFrom('effective_post_template').selectAll().execute();
  const byLevel = new Map<string, Map<string, { key: string; name: string; seats: number }>>();
  // Other names sheets use for the same posts (the template's own names are added per level below).
  const alias: Record<string, string[]> = {
    president: ['adhyaksh', 'अध्यक्ष', 'बूथ अध्यक्ष', 'booth president'],
    'vice-president': ['upadhyaksh', 'उपाध्यक्ष'],
    'general-secretary': ['mahamantri', 'mahasachiv', 'महामंत्री', 'महासचिव'],
    secretary: ['mantri', 'sachiv', 'मंत्री', 'सचिव'],
    treasurer: ['koshadhyaksh', 'कोषाध्यक्ष'],
    spokesperson: ['pravakta', 'प्रवक्ता'],
    'in-charge': ['prabhari', 'प्रभारी'],
    'booth-agent': ['bla', 'bla-2', 'agent', 'booth agent', 'बीएलए', 'बूथ एजेंट', 'बूथ लेवल एजेंट'],
    'whatsapp-in-charge': ['whatsapp', 'व्हाट्सऐप प्रभारी', 'व्हाट्सएप प्रभारी'],
    member: ['sadasya', 'सदस्य', 'committee member'],
    convenor: ['sanyojak', 'संयोजक'],
    'co-convenor': ['sah-sanyojak', 'सह-संयोजक', 'सह संयोजक'],
  };
  for (const r of rows) {
    const at = `${r.wing}/${r.level}`;
    const m = byLevel.get(at) ?? new Map();
    const entry = { key: r.post_key, name: r.name, seats: r.seats };
    for (const label of [r.post_key, r.name, r.name_hi, ...(alias[r.post_key] ?? [])]) m.set(label.trim().toLowerCase(), entry);
    byLevel.set(at, m);
  }
  return (unit: { wing: string; level: string }, label: string) =>
    byLevel.get(`${unit.wing}/${unit.level}`)?.get(label.trim().toLowerCase()) ?? null;
};

/**
 * Imports people and, where a post is given, appoints them — a state office's sheet of booth
 * committees, say. All or nothing: every row is checked first (unit in the actor's area, post
 * and seats, phone, EPIC, dates) and any bad row stops the import with a report naming each bad
 * row; then everything is written in one transaction. A phone or EPIC already on file reuses that
 * person ("matched") instead of creating a second.
 */
export const importPeoplePosts = async (ctx: TCtx, bytes: Uint8Array, opts: TPeopleImportOptions): Promise<TPeopleImportReport> => {
  const locale: TLocale = ctx.locale;
  const { sheet, cell, unitOf, personOf } = await readPeopleSheet(ctx.db, bytes, opts.state);
  const findPost = await postLookup(ctx.db);
  const today = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const errors = rowErrors(locale);
  const rows: TRow[] = [];

  for (const { line, cells } of sheet.rows) {
    let bad = false;
    const err = (key: TMessageKey, params?: TParams) => {
      bad = true;
      errors.add(line, key, params);
    };
    const unit = unitOf(cells, ctx.actor, err);
    const postText = cell(cells, 'post');
    let post: string | null = null;
    if (postText && unit) {
      const found = findPost(unit, postText);
      if (!found) err('R_POST_UNKNOWN', { value: postText, level: unit.level });
      else post = found.key;
    }
    // Appointing needs an admin of the unit; entering people needs data entry.
    const need: TRole = postText ? 'admin' : 'data-entry';
    if (unit && !hasRoleAt(ctx.actor, unit.path, need)) err('FORBIDDEN');
    const person = personOf(cells, err);
    const dateText = cell(cells, 'startDate');
    const startDate = dateText ? parseDate(dateText) : new Date().toISOString().slice(0, 10);
    if (!startDate) err('R_DATE', { value: dateText });
    else if (startDate > today) err('R_DATE_FUTURE', { value: startDate });
    if (!bad && unit && person && startDate) rows.push({ ...person, line, unit, post, startDate });
  }

  const known = await findKnownPeople(
    ctx.db,
    rows.map((r) => r.phone),
    rows.flatMap((r) => (r.epic ? [r.epic] : [])),
  );
  const { firstByPhone, newRows, knownIds } = matchPeople(rows, known, errors.add);

  // Seats: current holders plus this file's appointments must fit each post.
  const appointments = rows.filter((r) => r.post);
  const holders = new Map<string, Set<number>>();
  for (const batch of chunks([...new Set(appointments.map((r) => r.unit.id))], LOOKUP_BATCH)) {
    const cur = await ctx.db
      .selectFrom('tenure')
      .select(['unit_id', 'post_key', 'person_id'])
      .where(sql<boolean>`unit_id = any(${batch}::bigint[])`)
      .where('end_date', 'is', null)
      .execute();
    for (const h of cur) {
      const k = `${h.unit_id}/${h.post_key}`;
      holders.set(k, (holders.get(k) ?? new Set()).add(h.person_id));
    }
  }
  const seatsOf = await ctx.db.selectFrom('effective_post_template').select(['wing', 'level', 'post_key', 'seats', 'name']).execute();
  const seatMap = new Map(seatsOf.map((s) => [`${s.wing}/${s.level}/${s.post_key}`, s]));
  const planned = new Map<string, { template: string; rows: TRow[]; phones: Set<string> }>();
  let alreadyHolding = 0;
  for (const r of appointments) {
    const k = `${r.unit.id}/${r.post}`;
    const knownId = known.byPhone.get(r.phone)?.id;
    if (knownId !== undefined && holders.get(k)?.has(knownId)) {
      alreadyHolding++;
      continue;
    }
    const p = planned.get(k) ?? { template: `${r.unit.wing}/${r.unit.level}`, rows: [], phones: new Set<string>() };
    if (!p.phones.has(r.phone)) {
      p.phones.add(r.phone);
      p.rows.push(r);
    }
    planned.set(k, p);
  }
  for (const [k, p] of planned) {
    const seat = seatMap.get(`${p.template}/${k.split('/')[1]}`);
    const count = (holders.get(k)?.size ?? 0) + p.phones.size;
    if (seat && count > seat.seats)
      for (const r of p.rows) errors.add(r.line, 'R_POST_FULL', { post: seat.name, seats: seat.seats, count });
  }

  const toAppoint = [...planned.values()].flatMap((p) => p.rows);
  const report: TPeopleImportReport = {
    dryRun: opts.dryRun,
    rows: sheet.rows.length,
    newPeople: newRows.length,
    matchedPeople: firstByPhone.size - newRows.length,
    appointments: toAppoint.length,
    alreadyHolding,
    errors: errors.sorted(),
  };
  if (report.errors.length > 0 || opts.dryRun) return report;

  await ctx.db.transaction().execute(async (trx) => {
    const step = progressSteps(newRows.length + toAppoint.length, opts.onProgress);
    const personId = new Map([...knownIds, ...(await insertPeople(trx, ctx, newRows, opts.consent, step))]);
    await insertTenures(trx, ctx, toAppoint, personId, step);
  });
  return report;
};

/** Appointments with their `tenure.start` audit rows, one statement per batch. */
const insertTenures = async (
  trx: Kysely<DB>,
  ctx: TCtx,
  rows: TRow[],
  personId: Map<string, number>,
  onBatch: (n: number) => Promise<void>,
) => {
  const actorId = ctx.actor.userId > 0 ? ctx.actor.userId : null;
  for (const batch of chunks(rows, WRITE_BATCH)) {
    await sql`
      with ins as (
        insert into tenure (unit_id, post_key, person_id, start_date)
        select * from unnest(${batch.map((r) => r.unit.id)}::bigint[], ${batch.map((r) => r.post as string)}::text[],
                             ${batch.map((r) => personId.get(r.phone) as number)}::bigint[], ${batch.map((r) => r.startDate)}::date[])
        returning id, unit_id, post_key, person_id, start_date
      )
      insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, after, request_id)
      select ${actorId}, ${ctx.actor.username}, 'tenure.start', 'tenure', ins.id::text,
             jsonb_build_object('unitId', ins.unit_id, 'post', ins.post_key, 'personId', ins.person_id, 'startDate', ins.start_date, 'via', 'import'),
             ${ctx.requestId}
      from ins`.execute(trx);
    await onPostsChanged(
      trx,
      batch.map((r) => r.unit.id),
    );
    await onTenuresChanged(
      trx,
      batch.map((r) => personId.get(r.phone) as number),
    );
    await onBatch(batch.length);
  }
};
