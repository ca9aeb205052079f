import { normalizeEpic, normalizePhone, searchKey, type TConsent, type TLocale, type TRole, toDevanagari } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { type TMessageKey, type TParams, t } from '../../i18n/messages';
import { readSheet } from '../../lib/sheet';
import { hasRoleAt } from '../auth/policy';
import { isDevanagari, mapColumns, PEOPLE_COLUMNS, parseDate, parseGender, type TPeopleColumn } from './columns';

export type TRowError = { line: number; messages: string[] };
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

type TUnitRef = { id: number; path: string; level: string; deleted: boolean };
type TRow = {
  line: number;
  unit: TUnitRef | null;
  post: string | null;
  name: string | null;
  nameHi: string | null;
  phone: string;
  epic: string | null;
  gender: 'male' | 'female' | 'other' | null;
  birthYear: number | null;
  startDate: string;
};

const LOOKUP_BATCH = 50_000;
const WRITE_BATCH = 5000;
const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Units named by id, booth code or (state, AC, part), looked up in batches. */
const resolveUnits = async (db: Kysely<DB>, ids: number[], booths: { ac: string; part: number }[]) => {
  const byId = new Map<number, TUnitRef>();
  const byBooth = new Map<string, TUnitRef>();
  for (const batch of chunks([...new Set(ids)], LOOKUP_BATCH)) {
    const rows = await db
      .selectFrom('unit')
      .select(['id', 'path', 'level', 'deleted_at'])
      .where(sql<boolean>`id = any(${batch}::bigint[])`)
      .execute();
    for (const r of rows) byId.set(r.id, { id: r.id, path: r.path, level: r.level, deleted: r.deleted_at !== null });
  }
  const uniq = [...new Map(booths.map((b) => [`${b.ac}/${b.part}`, b])).values()];
  for (const batch of chunks(uniq, LOOKUP_BATCH)) {
    const rows = await sql<{ ac_code: string; part_number: number; id: number; path: string; level: string }>`
      select ps.ac_code, ps.part_number, u.id, u.path, u.level
      from unnest(${batch.map((b) => b.ac)}::text[], ${batch.map((b) => b.part)}::int[]) as k(ac, part)
      join polling_station ps on ps.ac_code = k.ac and ps.part_number = k.part
      join unit u on u.polling_station_id = ps.id and u.wing = 'main' and u.deleted_at is null`.execute(db);
    for (const r of rows.rows) byBooth.set(`${r.ac_code}/${r.part_number}`, { id: r.id, path: r.path, level: r.level, deleted: false });
  }
  return { byId, byBooth };
};

/** Post keys by any way a sheet may name them: key, English name, Hindi name, common short forms. */
const postLookup = async (db: Kysely<DB>) => {
  const rows = await db.selectFrom('post_template').selectAll().execute();
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
    const m = byLevel.get(r.level) ?? new Map();
    const entry = { key: r.post_key, name: r.name, seats: r.seats };
    for (const label of [r.post_key, r.name, r.name_hi, ...(alias[r.post_key] ?? [])]) m.set(label.trim().toLowerCase(), entry);
    byLevel.set(r.level, m);
  }
  return (level: string, label: string) => byLevel.get(level)?.get(label.trim().toLowerCase()) ?? null;
};

const ACCEPTED: Partial<Record<TPeopleColumn, string>> = { phone: PEOPLE_COLUMNS.phone.slice(0, 4).join(', ') };

/**
 * Imports people and, where a post is given, appoints them — a state office's sheet of booth
 * committees, say. All or nothing: every row is checked first (unit in the actor's area, post
 * and seats, phone, EPIC, dates) and any bad row stops the import with a report naming each bad
 * row; then everything is written in one transaction. A phone or EPIC already on file reuses that
 * person ("matched") instead of creating a second.
 */
export const importPeoplePosts = async (ctx: TCtx, bytes: Uint8Array, opts: TPeopleImportOptions): Promise<TPeopleImportReport> => {
  const locale: TLocale = ctx.locale;
  const sheet = await readSheet(bytes);
  const at = mapColumns(sheet.header);
  const missing = (column: string, accepted: string) =>
    new AppError('VALIDATION', 'IMPORT_MISSING_COLUMN', { field: 'file', params: { column, accepted, found: sheet.header.join(', ') } });
  if (at.phone < 0) throw missing('phone / मोबाइल', ACCEPTED.phone ?? 'phone');
  if (at.name < 0 && at.nameEn < 0 && at.nameHi < 0) throw missing('name / नाम', 'name, नाम, hindi name, english name');
  if (at.unitId < 0 && at.booth < 0 && (at.ac < 0 || at.part < 0)) throw missing('unit / इकाई', 'unit id, booth code, or AC + part (विधानसभा + बूथ)');
  if (sheet.rows.length === 0) throw new AppError('VALIDATION', 'CSV_EMPTY', { field: 'file' });

  const cell = (cells: string[], c: TPeopleColumn) => (at[c] >= 0 ? (cells[at[c]] ?? '').trim() : '');
  const boothKey = (cells: string[]): { ac: string; part: number } | null => {
    const code = cell(cells, 'booth').toUpperCase();
    const m = /^((?:S|U)\d{2}-AC-\d{1,3})-PS-(\d{1,4})$/.exec(code);
    if (m) return { ac: m[1] as string, part: Number(m[2]) };
    const state = (cell(cells, 'state') || opts.state || '').toUpperCase();
    const ac = cell(cells, 'ac');
    const part = cell(cells, 'part');
    if (/^[SU]\d{2}$/.test(state) && /^\d{1,3}$/.test(ac) && /^\d{1,4}$/.test(part)) return { ac: `${state}-AC-${Number(ac)}`, part: Number(part) };
    return null;
  };

  const units = await resolveUnits(
    ctx.db,
    sheet.rows.map((r) => Number(cell(r.cells, 'unitId'))).filter((n) => Number.isSafeInteger(n) && n > 0),
    sheet.rows.map((r) => boothKey(r.cells)).filter((b): b is { ac: string; part: number } => b !== null),
  );
  const findPost = await postLookup(ctx.db);
  const today = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const errors: TRowError[] = [];
  const rows: TRow[] = [];

  for (const { line, cells } of sheet.rows) {
    const msgs: string[] = [];
    const err = (key: TMessageKey, params?: TParams) => msgs.push(t(locale, key, params));
    let unit: TUnitRef | null = null;
    const idText = cell(cells, 'unitId');
    const booth = boothKey(cells);
    if (idText) {
      unit = units.byId.get(Number(idText)) ?? null;
      if (!unit || unit.deleted || !hasRoleAt(ctx.actor, unit.path, 'viewer')) {
        err('R_UNIT_UNKNOWN', { value: idText });
        unit = null;
      }
    } else if (booth) {
      unit = units.byBooth.get(`${booth.ac}/${booth.part}`) ?? null;
      if (!unit || !hasRoleAt(ctx.actor, unit.path, 'viewer')) {
        err('R_BOOTH_UNKNOWN', { ac: booth.ac, part: booth.part });
        unit = null;
      }
    } else err('R_UNIT_MISSING');

    const postText = cell(cells, 'post');
    let post: string | null = null;
    if (postText && unit) {
      const found = findPost(unit.level, postText);
      if (!found) err('R_POST_UNKNOWN', { value: postText, level: unit.level });
      else post = found.key;
    }
    // Appointing needs an admin of the unit; entering people needs data entry.
    const need: TRole = postText ? 'admin' : 'data-entry';
    if (unit && !hasRoleAt(ctx.actor, unit.path, need)) err('FORBIDDEN');

    const single = cell(cells, 'name');
    let name = cell(cells, 'nameEn') || (single && !isDevanagari(single) ? single : '') || null;
    let nameHi = cell(cells, 'nameHi') || (single && isDevanagari(single) ? single : '') || null;
    if (name === '') name = null;
    if (nameHi === '') nameHi = null;
    if (!name && !nameHi) err('R_NAME_MISSING');
    if ((name?.length ?? 0) > 200 || (nameHi?.length ?? 0) > 200) err('R_NAME_LONG');

    const phoneText = cell(cells, 'phone');
    const phone = normalizePhone(phoneText);
    if (!phone.ok) err('R_PHONE', { value: phoneText });
    const epicText = cell(cells, 'epic');
    const epic = epicText ? normalizeEpic(epicText) : null;
    if (epicText && !epic) err('R_EPIC', { value: epicText });
    const genderText = cell(cells, 'gender');
    const gender = genderText ? parseGender(genderText) : null;
    if (genderText && !gender) err('R_GENDER', { value: genderText });
    const byText = cell(cells, 'birthYear');
    const birthYear = byText ? Number(byText) : null;
    if (byText && (!Number.isInteger(birthYear) || (birthYear ?? 0) < 1900 || (birthYear ?? 0) > 2030)) err('R_BIRTH_YEAR', { value: byText });
    const dateText = cell(cells, 'startDate');
    const startDate = dateText ? parseDate(dateText) : new Date().toISOString().slice(0, 10);
    if (!startDate) err('R_DATE', { value: dateText });
    else if (startDate > today) err('R_DATE_FUTURE', { value: startDate });

    if (msgs.length) errors.push({ line, messages: msgs });
    else if (phone.ok && startDate) rows.push({ line, unit, post, name, nameHi, phone: phone.e164, epic, gender, birthYear, startDate });
  }

  // People already on file, by phone and by EPIC.
  const existing = new Map<string, { id: number; epic: string | null; deleted: boolean }>();
  const byEpic = new Map<string, number>();
  for (const batch of chunks([...new Set(rows.map((r) => r.phone))], LOOKUP_BATCH)) {
    const found = await ctx.db
      .selectFrom('person')
      .select(['id', 'phone', 'epic', 'deleted_at'])
      .where(sql<boolean>`phone = any(${batch}::text[])`)
      .orderBy('deleted_at', 'desc')
      .execute();
    for (const p of found) existing.set(p.phone, { id: p.id, epic: p.epic, deleted: p.deleted_at !== null });
  }
  for (const batch of chunks([...new Set(rows.map((r) => r.epic).filter((e): e is string => e !== null))], LOOKUP_BATCH)) {
    const found = await ctx.db
      .selectFrom('person')
      .select(['id', 'epic'])
      .where(sql<boolean>`epic = any(${batch}::text[])`)
      .where('deleted_at', 'is', null)
      .execute();
    for (const p of found) if (p.epic) byEpic.set(p.epic, p.id);
  }
  // Within the file, one phone is one person.
  const firstByPhone = new Map<string, TRow>();
  const errorByLine = new Map(errors.map((e) => [e.line, e]));
  const rowError = (line: number, key: TMessageKey, params?: TParams) => {
    let e = errorByLine.get(line);
    if (!e) {
      e = { line, messages: [] };
      errors.push(e);
      errorByLine.set(line, e);
    }
    e.messages.push(t(locale, key, params));
  };
  for (const r of rows) {
    const known = existing.get(r.phone);
    if (known?.deleted) rowError(r.line, 'R_PERSON_DELETED');
    const epicOwner = r.epic ? byEpic.get(r.epic) : undefined;
    if (epicOwner !== undefined && known && !known.deleted && epicOwner !== known.id) rowError(r.line, 'R_CONTACT_SPLIT', { a: known.id, b: epicOwner });
    const first = firstByPhone.get(r.phone);
    if (!first) firstByPhone.set(r.phone, r);
    else if (first.epic && r.epic && first.epic !== r.epic) rowError(r.line, 'R_SAME_PHONE_OTHER_EPIC', { phone: r.phone, line: first.line });
  }

  // Seats: current holders plus this file's appointments must fit each post.
  const appointments = rows.filter((r) => r.post && r.unit);
  const holders = new Map<string, Set<number>>();
  for (const batch of chunks([...new Set(appointments.map((r) => r.unit?.id as number))], LOOKUP_BATCH)) {
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
  const seatsOf = await ctx.db.selectFrom('post_template').select(['level', 'post_key', 'seats', 'name']).execute();
  const seatMap = new Map(seatsOf.map((s) => [`${s.level}/${s.post_key}`, s]));
  const planned = new Map<string, { lines: number[]; phones: Set<string> }>();
  let alreadyHolding = 0;
  for (const r of appointments) {
    const k = `${r.unit?.id}/${r.post}`;
    const known = existing.get(r.phone);
    if (known && holders.get(k)?.has(known.id)) {
      alreadyHolding++;
      continue;
    }
    const p = planned.get(k) ?? { lines: [], phones: new Set<string>() };
    if (!p.phones.has(r.phone)) {
      p.phones.add(r.phone);
      p.lines.push(r.line);
    }
    planned.set(k, p);
  }
  const byLine = new Map(appointments.map((r) => [r.line, r]));
  for (const [k, p] of planned) {
    const post = k.split('/')[1] as string;
    const level = byLine.get(p.lines[0] as number)?.unit?.level ?? '';
    const seat = seatMap.get(`${level}/${post}`);
    const count = (holders.get(k)?.size ?? 0) + p.phones.size;
    if (seat && count > seat.seats) for (const line of p.lines) rowError(line, 'R_POST_FULL', { post: seat.name, seats: seat.seats, count });
  }

  errors.sort((a, b) => a.line - b.line);
  const newPhones = [...firstByPhone.keys()].filter((p) => !existing.has(p) && !(firstByPhone.get(p)?.epic && byEpic.has(firstByPhone.get(p)?.epic as string)));
  const report: TPeopleImportReport = {
    dryRun: opts.dryRun,
    rows: sheet.rows.length,
    newPeople: newPhones.length,
    matchedPeople: firstByPhone.size - newPhones.length,
    appointments: [...planned.values()].reduce((n, p) => n + p.phones.size, 0),
    alreadyHolding,
    errors,
  };
  if (errors.length > 0 || opts.dryRun) return report;

  await ctx.db.transaction().execute(async (trx) => {
    const personId = new Map<string, number>();
    for (const [phone, known] of existing) personId.set(phone, known.id);
    for (const [phone, r] of firstByPhone) if (!personId.has(phone) && r.epic && byEpic.has(r.epic)) personId.set(phone, byEpic.get(r.epic) as number);
    let done = 0;
    const total = newPhones.length + report.appointments;
    const actorId = ctx.actor.userId > 0 ? ctx.actor.userId : null;
    // One statement per batch writes the rows and their audit entries (unnest arrays: no per-row parameters).
    for (const batch of chunks(newPhones.map((p) => firstByPhone.get(p) as TRow), WRITE_BATCH)) {
      const col = <T>(f: (r: TRow) => T) => batch.map(f);
      const inserted = await sql<{ id: number; phone: string }>`
        with ins as (
          insert into person (name, name_hi, derived_name, gender, birth_year, phone, epic, home_unit_id,
                              consent_purpose, consent_date, consent_method, search_key)
          select n, nh, dn, g, by, ph, ep, hu, ${opts.consent.purpose}, ${opts.consent.date}::date, ${opts.consent.method}, sk
          from unnest(${col((r) => r.name)}::text[], ${col((r) => r.nameHi ?? (r.name ? toDevanagari(r.name) : null))}::text[],
                      ${col((r) => (r.nameHi === null && r.name ? 'nameHi' : null))}::text[], ${col((r) => r.gender)}::text[],
                      ${col((r) => r.birthYear)}::int[], ${col((r) => r.phone)}::text[], ${col((r) => r.epic)}::text[],
                      ${col((r) => (r.unit as TUnitRef).id)}::bigint[], ${col((r) => searchKey(r.name, r.nameHi))}::text[])
               as x(n, nh, dn, g, by, ph, ep, hu, sk)
          returning id, phone, name, name_hi, epic, home_unit_id
        ), audit as (
          insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, after, request_id)
          select ${actorId}, ${ctx.actor.username}, 'person.create', 'person', ins.id::text,
                 jsonb_build_object('name', ins.name, 'nameHi', ins.name_hi, 'phone', ins.phone, 'epic', ins.epic, 'homeUnitId', ins.home_unit_id, 'via', 'import'),
                 ${ctx.requestId}
          from ins
        )
        select id, phone from ins`.execute(trx);
      for (const p of inserted.rows) personId.set(p.phone, p.id);
      done += batch.length;
      await opts.onProgress?.(done, total);
    }
    const toAppoint: TRow[] = [];
    for (const p of planned.values()) {
      for (const line of p.lines) toAppoint.push(byLine.get(line) as TRow);
    }
    for (const batch of chunks(toAppoint, WRITE_BATCH)) {
      await sql`
        with ins as (
          insert into tenure (unit_id, post_key, person_id, start_date)
          select * from unnest(${batch.map((r) => (r.unit as TUnitRef).id)}::bigint[], ${batch.map((r) => r.post as string)}::text[],
                               ${batch.map((r) => personId.get(r.phone) as number)}::bigint[], ${batch.map((r) => r.startDate)}::date[])
          returning id, unit_id, post_key, person_id, start_date
        )
        insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, after, request_id)
        select ${actorId}, ${ctx.actor.username}, 'tenure.start', 'tenure', ins.id::text,
               jsonb_build_object('unitId', ins.unit_id, 'post', ins.post_key, 'personId', ins.person_id, 'startDate', ins.start_date, 'via', 'import'),
               ${ctx.requestId}
        from ins`.execute(trx);
      done += batch.length;
      await opts.onProgress?.(done, total);
    }
  });
  return report;
};
