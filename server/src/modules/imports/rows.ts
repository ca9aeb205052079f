import { normalizeEpic, normalizePhone, searchKey, type TConsent, type TLocale, toDevanagari } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TActor, TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { type TMessageKey, type TParams, t } from '../../i18n/messages';
import { readSheet } from '../../lib/sheet';
import { hasRoleAt } from '../auth/policy';
import { isDevanagari, mapColumns, PEOPLE_COLUMNS, parseGender, type TPeopleColumn } from './columns';

// What every sheet of people shares, whatever it then does with them (appoint, enrol): reading and
// mapping the columns, the unit each row names, the person's cells, matching people already on
// file, and writing the new ones with their audit rows in one statement per batch.

export type TRowError = { line: number; messages: string[] };
export type TUnitRef = { id: number; path: string; level: string; wing: string; deleted: boolean };
export type TPersonCells = {
  name: string | null;
  nameHi: string | null;
  phone: string;
  epic: string | null;
  gender: 'male' | 'female' | 'other' | null;
  birthYear: number | null;
};
export type TPersonRow = TPersonCells & { line: number; unit: TUnitRef };

export const LOOKUP_BATCH = 50_000;
export const WRITE_BATCH = 5000;
/** Counts written rows towards `total` and reports each step to the import's progress callback. */
export const progressSteps = (total: number, onProgress: ((done: number, total: number) => void | Promise<void>) | undefined) => {
  let done = 0;
  return async (n: number) => {
    done += n;
    await onProgress?.(done, total);
  };
};

export const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Row errors in the user's language, several per line, listed by line. */
export const rowErrors = (locale: TLocale) => {
  const list: TRowError[] = [];
  const byLine = new Map<number, TRowError>();
  const add = (line: number, key: TMessageKey, params?: TParams) => {
    let e = byLine.get(line);
    if (!e) {
      e = { line, messages: [] };
      list.push(e);
      byLine.set(line, e);
    }
    e.messages.push(t(locale, key, params));
  };
  return { add, has: (line: number) => byLine.has(line), sorted: () => list.sort((a, b) => a.line - b.line) };
};

/** Units named by id, booth code or (state, AC, part), looked up in batches. */
const resolveUnits = async (db: Kysely<DB>, ids: number[], booths: { ac: string; part: number }[]) => {
  const byId = new Map<number, TUnitRef>();
  const byBooth = new Map<string, TUnitRef>();
  for (const batch of chunks([...new Set(ids)], LOOKUP_BATCH)) {
    const rows = await db
      .selectFrom('unit')
      .select(['id', 'path', 'level', 'wing', 'deleted_at'])
      .where(sql<boolean>`id = any(${batch}::bigint[])`)
      .execute();
    for (const r of rows) byId.set(r.id, { id: r.id, path: r.path, level: r.level, wing: r.wing, deleted: r.deleted_at !== null });
  }
  const uniq = [...new Map(booths.map((b) => [`${b.ac}/${b.part}`, b])).values()];
  for (const batch of chunks(uniq, LOOKUP_BATCH)) {
    const rows = await sql<{ ac_code: string; part_number: number; id: number; path: string; level: string }>`
      select ps.ac_code, ps.part_number, u.id, u.path, u.level
      from unnest(${batch.map((b) => b.ac)}::text[], ${batch.map((b) => b.part)}::int[]) as k(ac, part)
      join polling_station ps on ps.ac_code = k.ac and ps.part_number = k.part
      join unit u on u.polling_station_id = ps.id and u.wing = 'main' and u.deleted_at is null`.execute(db);
    for (const r of rows.rows)
      byBooth.set(`${r.ac_code}/${r.part_number}`, { id: r.id, path: r.path, level: r.level, wing: 'main', deleted: false });
  }
  return { byId, byBooth };
};

/**
 * Reads a sheet of people: refuses it when a needed column is missing, resolves every unit it names
 * in a few batched queries, and gives readers for a row's cells, unit and person.
 */
export const readPeopleSheet = async (db: Kysely<DB>, bytes: Uint8Array, defaultState: string | undefined) => {
  const sheet = await readSheet(bytes);
  const at = mapColumns(sheet.header);
  const missing = (column: string, accepted: string) =>
    new AppError('VALIDATION', 'IMPORT_MISSING_COLUMN', { field: 'file', params: { column, accepted, found: sheet.header.join(', ') } });
  if (at.phone < 0) throw missing('phone / मोबाइल', PEOPLE_COLUMNS.phone.slice(0, 4).join(', '));
  if (at.name < 0 && at.nameEn < 0 && at.nameHi < 0) throw missing('name / नाम', 'name, नाम, hindi name, english name');
  if (at.unitId < 0 && at.booth < 0 && (at.ac < 0 || at.part < 0))
    throw missing('unit / इकाई', 'unit id, booth code, or AC + part (विधानसभा + बूथ)');
  if (sheet.rows.length === 0) throw new AppError('VALIDATION', 'CSV_EMPTY', { field: 'file' });

  const cell = (cells: string[], c: TPeopleColumn) => (at[c] >= 0 ? (cells[at[c]] ?? '').trim() : '');
  const boothKey = (cells: string[]): { ac: string; part: number } | null => {
    const code = cell(cells, 'booth').toUpperCase();
    const m = /^((?:S|U)\d{2}-AC-\d{1,3})-PS-(\d{1,4})$/.exec(code);
    if (m) return { ac: m[1] as string, part: Number(m[2]) };
    const state = (cell(cells, 'state') || defaultState || '').toUpperCase();
    const ac = cell(cells, 'ac');
    const part = cell(cells, 'part');
    if (/^[SU]\d{2}$/.test(state) && /^\d{1,3}$/.test(ac) && /^\d{1,4}$/.test(part))
      return { ac: `${state}-AC-${Number(ac)}`, part: Number(part) };
    return null;
  };
  const units = await resolveUnits(
    db,
    sheet.rows.map((r) => Number(cell(r.cells, 'unitId'))).filter((n) => Number.isSafeInteger(n) && n > 0),
    sheet.rows.map((r) => boothKey(r.cells)).filter((b): b is { ac: string; part: number } => b !== null),
  );

  type TErr = (key: TMessageKey, params?: TParams) => void;
  /** The row's unit if it exists and lies in the actor's area; else an error and null. */
  const unitOf = (cells: string[], actor: TActor, err: TErr): TUnitRef | null => {
    const idText = cell(cells, 'unitId');
    if (idText) {
      const unit = units.byId.get(Number(idText));
      if (unit && !unit.deleted && hasRoleAt(actor, unit.path, 'viewer')) return unit;
      err('R_UNIT_UNKNOWN', { value: idText });
      return null;
    }
    const booth = boothKey(cells);
    if (!booth) {
      err('R_UNIT_MISSING');
      return null;
    }
    const unit = units.byBooth.get(`${booth.ac}/${booth.part}`);
    if (unit && hasRoleAt(actor, unit.path, 'viewer')) return unit;
    err('R_BOOTH_UNKNOWN', { ac: booth.ac, part: booth.part });
    return null;
  };
  /** The row's person (names, phone in E.164, EPIC, gender, birth year), or null after reporting what is wrong. */
  const personOf = (cells: string[], err: TErr): TPersonCells | null => {
    let bad = false;
    const fail: TErr = (key, params) => {
      bad = true;
      err(key, params);
    };
    const single = cell(cells, 'name');
    const name = cell(cells, 'nameEn') || (single && !isDevanagari(single) ? single : '') || null;
    const nameHi = cell(cells, 'nameHi') || (single && isDevanagari(single) ? single : '') || null;
    if (!name && !nameHi) fail('R_NAME_MISSING');
    if ((name?.length ?? 0) > 200 || (nameHi?.length ?? 0) > 200) fail('R_NAME_LONG');
    const phoneText = cell(cells, 'phone');
    const phone = normalizePhone(phoneText);
    if (!phone.ok) fail('R_PHONE', { value: phoneText });
    const epicText = cell(cells, 'epic');
    const epic = epicText ? normalizeEpic(epicText) : null;
    if (epicText && !epic) fail('R_EPIC', { value: epicText });
    const genderText = cell(cells, 'gender');
    const gender = genderText ? parseGender(genderText) : null;
    if (genderText && !gender) fail('R_GENDER', { value: genderText });
    const byText = cell(cells, 'birthYear');
    const birthYear = byText ? Number(byText) : null;
    if (byText && (!Number.isInteger(birthYear) || (birthYear ?? 0) < 1900 || (birthYear ?? 0) > 2030))
      fail('R_BIRTH_YEAR', { value: byText });
    if (bad || !phone.ok) return null;
    return { name, nameHi, phone: phone.e164, epic, gender, birthYear };
  };
  return { sheet, at, cell, unitOf, personOf };
};

export type TKnownPeople = {
  /** Persons by phone (a live one over a deleted one). */
  byPhone: Map<string, { id: number; epic: string | null; deleted: boolean }>;
  /** Live persons by EPIC. */
  byEpic: Map<string, number>;
};

/** People already on file with these phones or EPICs, in one query per 50,000. */
export const findKnownPeople = async (db: Kysely<DB>, phones: string[], epics: string[]): Promise<TKnownPeople> => {
  const byPhone: TKnownPeople['byPhone'] = new Map();
  const byEpic = new Map<string, number>();
  for (const batch of chunks([...new Set(phones)], LOOKUP_BATCH)) {
    // Live and deleted people apart, so each lookup reads its own partial index on phone.
    for (const isDeleted of [false, true]) {
      const found = await db
        .selectFrom('person')
        .select(['id', 'phone', 'epic'])
        .where(sql<boolean>`phone = any(${batch}::text[])`)
        .where('deleted_at', isDeleted ? 'is not' : 'is', null)
        .execute();
      for (const p of found) if (!byPhone.has(p.phone)) byPhone.set(p.phone, { id: p.id, epic: p.epic, deleted: isDeleted });
    }
  }
  for (const batch of chunks([...new Set(epics)], LOOKUP_BATCH)) {
    const found = await db
      .selectFrom('person')
      .select(['id', 'epic'])
      .where(sql<boolean>`epic = any(${batch}::text[])`)
      .where('deleted_at', 'is', null)
      .execute();
    for (const p of found) if (p.epic) byEpic.set(p.epic, p.id);
  }
  return { byPhone, byEpic };
};

/**
 * Checks each row's contacts against people on file and earlier rows (within a file one phone is one
 * person) and answers the first row of each phone and which of those are new people.
 */
export const matchPeople = <R extends TPersonRow>(rows: R[], known: TKnownPeople, add: ReturnType<typeof rowErrors>['add']) => {
  const firstByPhone = new Map<string, R>();
  for (const r of rows) {
    const k = known.byPhone.get(r.phone);
    if (k?.deleted) add(r.line, 'R_PERSON_DELETED');
    const epicOwner = r.epic ? known.byEpic.get(r.epic) : undefined;
    if (epicOwner !== undefined && k && !k.deleted && epicOwner !== k.id) add(r.line, 'R_CONTACT_SPLIT', { a: k.id, b: epicOwner });
    const first = firstByPhone.get(r.phone);
    if (!first) firstByPhone.set(r.phone, r);
    else if (first.epic && r.epic && first.epic !== r.epic) add(r.line, 'R_SAME_PHONE_OTHER_EPIC', { phone: r.phone, line: first.line });
  }
  const isNew = (r: R) => !known.byPhone.has(r.phone) && !(r.epic && known.byEpic.has(r.epic));
  const newRows = [...firstByPhone.values()].filter(isNew);
  /** Person ids of the people on file, by phone (the EPIC's owner when only the EPIC is known). */
  const knownIds = new Map<string, number>();
  for (const [phone, r] of firstByPhone) {
    const k = known.byPhone.get(phone);
    if (k) knownIds.set(phone, k.id);
    else if (r.epic && known.byEpic.has(r.epic)) knownIds.set(phone, known.byEpic.get(r.epic) as number);
  }
  return { firstByPhone, newRows, knownIds };
};

/**
 * Writes new people with their `person.create` audit rows: one statement per batch (unnest arrays,
 * no per-row parameters or round trips). Answers each new person's id by phone.
 */
export const insertPeople = async (
  trx: Kysely<DB>,
  ctx: Pick<TCtx, 'actor' | 'requestId'>,
  rows: TPersonRow[],
  consent: TConsent,
  onBatch: (n: number) => Promise<void>,
) => {
  const ids = new Map<string, number>();
  const actorId = ctx.actor.userId > 0 ? ctx.actor.userId : null;
  for (const batch of chunks(rows, WRITE_BATCH)) {
    const col = <T>(f: (r: TPersonRow) => T) => batch.map(f);
    const inserted = await sql<{ id: number; phone: string }>`
      with ins as (
        insert into person (name, name_hi, derived_name, gender, birth_year, phone, epic, home_unit_id,
                            consent_purpose, consent_date, consent_method, search_key)
        select n, nh, dn, g, by, ph, ep, hu, ${consent.purpose}, ${consent.date}::date, ${consent.method}, sk
        from unnest(${col((r) => r.name)}::text[], ${col((r) => r.nameHi ?? (r.name ? toDevanagari(r.name) : null))}::text[],
                    ${col((r) => (r.nameHi === null && r.name ? 'nameHi' : null))}::text[], ${col((r) => r.gender)}::text[],
                    ${col((r) => r.birthYear)}::int[], ${col((r) => r.phone)}::text[], ${col((r) => r.epic)}::text[],
                    ${col((r) => r.unit.id)}::bigint[], ${col((r) => searchKey(r.name, r.nameHi))}::text[])
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
    for (const p of inserted.rows) ids.set(p.phone, p.id);
    await onBatch(batch.length);
  }
  return ids;
};
