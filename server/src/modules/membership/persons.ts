import { normalizeEpic, normalizePhone, searchKey, type TConsent, toDevanagari } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import type { TEnroller } from './counters';

/** The phone in E.164, or 400 on `field` with the reason (length, prefix, characters). */
export const phoneOrThrow = (raw: string, field: string) => {
  const r = normalizePhone(raw);
  if (!r.ok)
    throw invalid(r.reason === 'length' ? 'PHONE_LENGTH' : r.reason === 'prefix' ? 'PHONE_PREFIX' : 'PHONE_CHARACTERS', field, {
      value: raw,
    });
  return r.e164;
};

export const epicOrThrow = (raw: string, field: string) => {
  const e = normalizeEpic(raw);
  if (!e) throw invalid('EPIC_FORMAT', field, { value: raw });
  return e;
};

export type TNewPerson = {
  name: string | null;
  nameHi: string | null;
  phone: string;
  epic: string | null;
  consent: TConsent;
  homeUnitId: number;
};

const findByContact = (db: Kysely<DB>, phone: string, epic: string | null) =>
  db
    .selectFrom('person')
    .select(['id', 'phone', 'epic'])
    .where('deleted_at', 'is', null)
    .where((eb) => (epic ? eb.or([eb('phone', '=', phone), eb('epic', '=', epic)]) : eb('phone', '=', phone)))
    .execute();

/**
 * The live person with this phone or EPIC, else a new one (home unit = the membership's unit).
 * A phone and EPIC that belong to two different people are a 409: the enroller must choose.
 */
export const findOrCreatePerson = async (ctx: Pick<TCtx, 'actor' | 'requestId'>, trx: Kysely<DB>, p: TNewPerson, fieldPrefix: string) => {
  const match = async () => {
    const found = await findByContact(trx, p.phone, p.epic);
    const byPhone = found.find((r) => r.phone === p.phone);
    const byEpic = found.find((r) => p.epic !== null && r.epic === p.epic);
    if (byPhone && byEpic && byPhone.id !== byEpic.id) {
      throw new AppError('CONFLICT', 'CONTACT_MISMATCH', { field: `${fieldPrefix}epic`, extra: { existingId: byEpic.id } });
    }
    return byPhone ?? byEpic;
  };
  const existing = await match();
  if (existing) return { id: existing.id, isNew: false };
  const derivedHi = p.name !== null && p.nameHi === null;
  const values = {
    name: p.name,
    name_hi: derivedHi && p.name ? toDevanagari(p.name) : p.nameHi,
    derived_name: derivedHi ? ('nameHi' as const) : null,
    search_key: searchKey(p.name, p.nameHi),
    phone: p.phone,
    epic: p.epic,
    home_unit_id: p.homeUnitId,
    consent_purpose: p.consent.purpose,
    consent_date: p.consent.date,
    consent_method: p.consent.method,
  };
  // A concurrent enrolment of the same phone/EPIC loses the race quietly and reuses the winner.
  const row = await trx
    .insertInto('person')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const winner = await match();
    if (!winner) throw invalid('PHONE_TAKEN', `${fieldPrefix}phone`);
    return { id: winner.id, isNew: false };
  }
  const after = { name: values.name, nameHi: values.name_hi, phone: p.phone, epic: p.epic, homeUnitId: p.homeUnitId, consent: p.consent };
  await recordAudit(trx, ctx, { action: 'person.create', entityType: 'person', entityId: row.id, after });
  return { id: row.id, isNew: true };
};

export type TEnrolWrite = {
  driveId: number;
  /** The drive's own unit: the member's verified enrolments as an enroller are counted there. */
  driveUnitId: number;
  unitId: number;
  /** An existing person (already checked visible), or one given inline: matched by phone/EPIC, else created. */
  person: { id: number } | TNewPerson;
  enrolledByPerson: number | null;
  /** Who the counter delta credits: the designated person, else the user. */
  enroller: TEnroller | null;
};

export type TEnrolWriteResult = {
  person_id: number | null;
  person_name: string | null;
  person_name_hi: string | null;
  person_phone: string | null;
  id: number | null;
  channel: 'enroller' | 'self' | null;
  status: 'pending' | 'verified' | 'rejected' | null;
  method: 'otp' | 'epic' | 'photo' | null;
  rejection_reason: string | null;
  enrolled_by_user: number | null;
  enrolled_by_person: number | null;
  created_at: Date | null;
  decided_at: Date | null;
  prior_id: number | null;
  mismatch_id: number | null;
  eu_name: string | null;
  own_verified: number | null;
};

/**
 * One statement that enrols: matches the person by phone/EPIC or creates them, inserts the
 * membership, writes both audit rows (person first) and the counter delta. A single statement is
 * its own transaction, so this replaces about ten round trips with one. Nothing is written when
 * the phone and EPIC name two people (`mismatch_id`) or the person is already a member
 * (`prior_id`); `id` is null then, and also when a concurrent enrolment of the same phone or
 * person won a race (the caller runs it again and sees the winner).
 */
export const writeEnrolment = async (ctx: Pick<TCtx, 'actor' | 'requestId'>, db: Kysely<DB>, w: TEnrolWrite) => {
  const userId = ctx.actor.userId > 0 ? ctx.actor.userId : null;
  const p = w.person;
  const personPart =
    'id' in p
      ? sql`mismatch as (select null::bigint as id where false),
          who as (select id, name, name_hi, phone from person where id = ${p.id})`
      : (() => {
          const derivedHi = p.name !== null && p.nameHi === null;
          const nameHi = derivedHi && p.name ? toDevanagari(p.name) : p.nameHi;
          return sql`found as (
            select id, name, name_hi, phone, phone = ${p.phone} as by_phone, coalesce(epic = ${p.epic}::text, false) as by_epic
            from person where deleted_at is null and (phone = ${p.phone} or epic = ${p.epic}::text)
          ), mismatch as (
            select e.id from found e join found f on f.by_phone and e.by_epic and e.id <> f.id
          ), new_person as (
            insert into person (name, name_hi, derived_name, search_key, phone, epic, home_unit_id, consent_purpose, consent_date, consent_method)
            select ${p.name}::text, ${nameHi}::text, ${derivedHi ? 'nameHi' : null}::text, ${searchKey(p.name, p.nameHi)}, ${p.phone}::text, ${p.epic}::text,
              ${p.homeUnitId}::bigint, ${p.consent.purpose}, ${p.consent.date}::date, ${p.consent.method}
            where not exists (select 1 from found)
            on conflict do nothing
            returning id, name, name_hi, phone, jsonb_build_object('name', name, 'nameHi', name_hi, 'phone', phone, 'epic', epic,
              'homeUnitId', home_unit_id, 'consent', jsonb_build_object('purpose', consent_purpose, 'date', consent_date::text, 'method', consent_method)) as snapshot
          ), who as (
            (select id, name, name_hi, phone from new_person)
            union all (select id, name, name_hi, phone from found where by_phone)
            union all (select id, name, name_hi, phone from found where by_epic and not exists (select 1 from found where by_phone))
            limit 1
          )`;
        })();
  const personAudit =
    'id' in p
      ? sql``
      : sql`select 1 as ord, ${userId}::bigint, ${ctx.actor.username}::text, 'person.create', 'person', id::text, snapshot from new_person union all`;
  const { rows } = await sql<TEnrolWriteResult>`
    with ${personPart},
    prior as (select m.id from membership m join who on m.person_id = who.id where m.drive_id = ${w.driveId}),
    new_m as (
      insert into membership (drive_id, person_id, unit_id, enrolled_by_user, enrolled_by_person, channel)
      select ${w.driveId}::bigint, who.id, ${w.unitId}::bigint, ${userId}::bigint, ${w.enrolledByPerson}::bigint, 'enroller' from who
      where not exists (select 1 from prior) and not exists (select 1 from mismatch)
      on conflict (drive_id, person_id) do nothing
      returning id, drive_id, person_id, unit_id, channel, status, method, rejection_reason, enrolled_by_user, enrolled_by_person, created_at, decided_at
    ), audit as (
      insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, after, request_id)
      select x.user_id, x.label, x.action, x.entity_type, x.entity_id, x.after, ${ctx.requestId}::text
      from (${personAudit}
        select 2 as ord, ${userId}::bigint, ${ctx.actor.username}::text, 'membership.enrol', 'membership', id::text,
          jsonb_build_object('driveId', drive_id, 'personId', person_id, 'unitId', unit_id, 'channel', channel, 'status', status,
            'method', method, 'rejectionReason', rejection_reason, 'enrolledByUser', enrolled_by_user, 'enrolledByPerson', enrolled_by_person)
        from new_m) as x (ord, user_id, label, action, entity_type, entity_id, after)
      order by x.ord
    ), delta as (
      insert into drive_count_delta (drive_id, unit_id, enroller_kind, enroller_id, enrolled, verified, rejected)
      select drive_id, unit_id, ${w.enroller?.kind ?? null}::text, ${w.enroller?.id ?? null}::bigint, 1, 0, 0 from new_m
    )
    select who.id as person_id, who.name as person_name, who.name_hi as person_name_hi, who.phone as person_phone,
      m.id, m.channel, m.status, m.method, m.rejection_reason, m.enrolled_by_user, m.enrolled_by_person, m.created_at, m.decided_at,
      (select id from prior) as prior_id, (select id from mismatch limit 1) as mismatch_id,
      (select display_name from app_user where id = ${userId}::bigint) as eu_name,
      coalesce((select c.verified from drive_enroller_count c where c.drive_id = ${w.driveId} and c.unit_id = ${w.driveUnitId}
        and c.enroller_kind = 'person' and c.enroller_id = who.id), 0)
      + coalesce((select sum(x.verified) from drive_count_delta x where x.drive_id = ${w.driveId} and x.enroller_kind = 'person'
        and x.enroller_id = who.id), 0) as own_verified
    from (select 1) as one left join who on true left join new_m m on true`.execute(db);
  return rows[0] as TEnrolWriteResult;
};
