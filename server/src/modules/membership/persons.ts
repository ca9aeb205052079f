import { normalizeEpic, normalizePhone, searchKey, type TConsent, toDevanagari } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { createBatcher, type TBatcher } from './batch';
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

type TEnrolItem = { ctx: Pick<TCtx, 'actor' | 'requestId'>; w: TEnrolWrite };

/**
 * One statement that enrols a batch: for each item it matches the person by phone/EPIC (or takes
 * the one given by id) or creates them, inserts the membership, writes both audit rows (person
 * first) and the counter delta. A single statement is its own transaction, so this replaces about
 * ten round trips per enrolment with one per batch. Nothing is written for an item whose phone and
 * EPIC name two people (`mismatch_id`) or whose person is already a member (`prior_id`); `id` is
 * null then, and also when a concurrent enrolment of the same phone or person won a race (the
 * caller runs it again and sees the winner). Answers one result per item, in order.
 */
export const writeEnrolments = async (db: Kysely<DB>, items: TEnrolItem[]): Promise<TEnrolWriteResult[]> => {
  const col = <T>(f: (w: TEnrolWrite, ctx: TEnrolItem['ctx']) => T) => items.map((i) => f(i.w, i.ctx));
  const inline = (w: TEnrolWrite) => ('id' in w.person ? null : w.person);
  const names = items.map(({ w }) => {
    const p = inline(w);
    if (!p) return { nameHi: null, derived: null, key: null };
    const derivedHi = p.name !== null && p.nameHi === null;
    return {
      nameHi: derivedHi && p.name ? toDevanagari(p.name) : p.nameHi,
      derived: derivedHi ? 'nameHi' : null,
      key: searchKey(p.name, p.nameHi),
    };
  });
  const { rows } = await sql<TEnrolWriteResult & { ord: number }>`
    with x as (
      select * from unnest(
        ${items.map((_, i) => i)}::int[], ${col((w) => w.driveId)}::bigint[], ${col((w) => w.driveUnitId)}::bigint[],
        ${col((w) => w.unitId)}::bigint[], ${col((w) => ('id' in w.person ? w.person.id : null))}::bigint[],
        ${col((w) => inline(w)?.name ?? null)}::text[], ${names.map((n) => n.nameHi)}::text[], ${names.map((n) => n.derived)}::text[],
        ${names.map((n) => n.key)}::text[], ${col((w) => inline(w)?.phone ?? null)}::text[], ${col((w) => inline(w)?.epic ?? null)}::text[],
        ${col((w) => inline(w)?.homeUnitId ?? null)}::bigint[], ${col((w) => inline(w)?.consent.purpose ?? null)}::text[],
        ${col((w) => inline(w)?.consent.date ?? null)}::date[], ${col((w) => inline(w)?.consent.method ?? null)}::text[],
        ${col((_, c) => (c.actor.userId > 0 ? c.actor.userId : null))}::bigint[], ${col((_, c) => c.actor.username)}::text[],
        ${col((_, c) => c.requestId)}::text[], ${col((w) => w.enrolledByPerson)}::bigint[], ${col((w) => w.enroller?.kind ?? null)}::text[],
        ${col((w) => w.enroller?.id ?? null)}::bigint[]
      ) as x (ord, drive_id, drive_unit_id, unit_id, given_id, name, name_hi, derived, search_key, phone, epic, home_unit_id,
              consent_purpose, consent_date, consent_method, user_id, label, request_id, by_person, enroller_kind, enroller_id)
    ), found as (
      select x.ord, p.id, p.name, p.name_hi, p.phone, true as by_phone, coalesce(p.epic = x.epic, false) as by_epic
      from x join person p on p.phone = x.phone and p.deleted_at is null
      where x.given_id is null
      union
      select x.ord, p.id, p.name, p.name_hi, p.phone, p.phone = x.phone, true
      from x join person p on p.epic = x.epic and p.deleted_at is null
      where x.given_id is null and x.epic is not null
    ), mismatch as (
      select e.ord, min(e.id) as id from found e join found f on f.ord = e.ord and f.by_phone and e.by_epic and e.id <> f.id group by e.ord
    ), new_person as (
      insert into person (name, name_hi, derived_name, search_key, phone, epic, home_unit_id, consent_purpose, consent_date, consent_method)
      select x.name, x.name_hi, x.derived, x.search_key, x.phone, x.epic, x.home_unit_id, x.consent_purpose, x.consent_date, x.consent_method
      from x where x.given_id is null and not exists (select 1 from found f where f.ord = x.ord)
      order by x.phone
      on conflict do nothing
      returning id, name, name_hi, phone, jsonb_build_object('name', name, 'nameHi', name_hi, 'phone', phone, 'epic', epic,
        'homeUnitId', home_unit_id, 'consent', jsonb_build_object('purpose', consent_purpose, 'date', consent_date::text, 'method', consent_method)) as snapshot
    ), who as (
      select distinct on (x.ord) x.ord, c.id, c.name, c.name_hi, c.phone, c.is_new
      from x cross join lateral (
        select p.id, p.name, p.name_hi, p.phone, false as is_new, 0 as rank from person p where p.id = x.given_id
        union all select n.id, n.name, n.name_hi, n.phone, true, 1 from new_person n where x.given_id is null and n.phone = x.phone
        union all select f.id, f.name, f.name_hi, f.phone, false, 2 from found f where f.ord = x.ord and f.by_phone
        union all select f.id, f.name, f.name_hi, f.phone, false, 3 from found f where f.ord = x.ord and f.by_epic
      ) as c
      order by x.ord, c.rank
    ), prior as (
      select w.ord, (select m.id from membership m where m.drive_id = x.drive_id and m.person_id = w.id) as id
      from who w join x on x.ord = w.ord
    ), new_m as (
      insert into membership (drive_id, person_id, unit_id, enrolled_by_user, enrolled_by_person, channel)
      select x.drive_id, w.id, x.unit_id, x.user_id, x.by_person, 'enroller'
      from x join who w on w.ord = x.ord
      where not exists (select 1 from prior p where p.ord = x.ord and p.id is not null) and not exists (select 1 from mismatch mm where mm.ord = x.ord)
      order by x.ord
      on conflict (drive_id, person_id) do nothing
      returning id, drive_id, person_id, unit_id, channel, status, method, rejection_reason, enrolled_by_user, enrolled_by_person, created_at, decided_at
    ), m_ord as (
      -- Which item each new membership is: the first of the items that named its drive and person.
      select m.id, min(x.ord) as ord from new_m m join who w on w.id = m.person_id join x on x.ord = w.ord and x.drive_id = m.drive_id group by m.id
    ), audit as (
      insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, after, request_id)
      select a.user_id, a.label, a.action, a.entity_type, a.entity_id, a.after, a.request_id
      from (
        select x.ord, 1 as k, x.user_id, x.label, 'person.create' as action, 'person' as entity_type, n.id::text as entity_id, n.snapshot as after, x.request_id
        from new_person n join x on x.given_id is null and x.phone = n.phone
        union all
        select x.ord, 2, x.user_id, x.label, 'membership.enrol', 'membership', m.id::text,
          jsonb_build_object('driveId', m.drive_id, 'personId', m.person_id, 'unitId', m.unit_id, 'channel', m.channel, 'status', m.status,
            'method', m.method, 'rejectionReason', m.rejection_reason, 'enrolledByUser', m.enrolled_by_user, 'enrolledByPerson', m.enrolled_by_person),
          x.request_id
        from new_m m join m_ord mo on mo.id = m.id join x on x.ord = mo.ord
      ) as a
      order by a.ord, a.k
    ), delta as (
      insert into drive_count_delta (drive_id, unit_id, enroller_kind, enroller_id, enrolled, verified, rejected)
      select m.drive_id, m.unit_id, x.enroller_kind, x.enroller_id, 1, 0, 0
      from new_m m join m_ord mo on mo.id = m.id join x on x.ord = mo.ord
      order by x.ord
    )
    select x.ord, w.id as person_id, w.name as person_name, w.name_hi as person_name_hi, w.phone as person_phone,
      m.id, m.channel, m.status, m.method, m.rejection_reason, m.enrolled_by_user, m.enrolled_by_person, m.created_at, m.decided_at,
      p.id as prior_id, mm.id as mismatch_id,
      (select u.display_name from app_user u where u.id = x.user_id) as eu_name,
      case when w.is_new then 0 else
        coalesce((select c.verified from drive_enroller_count c where c.drive_id = x.drive_id and c.unit_id = x.drive_unit_id
          and c.enroller_kind = 'person' and c.enroller_id = w.id), 0)
        + coalesce((select sum(d.verified) from drive_count_delta d where d.drive_id = x.drive_id and d.enroller_kind = 'person'
          and d.enroller_id = w.id), 0)
      end as own_verified
    from x
    left join who w on w.ord = x.ord
    left join m_ord mo on mo.ord = x.ord
    left join new_m m on m.id = mo.id
    left join prior p on p.ord = x.ord
    left join mismatch mm on mm.ord = x.ord
    order by x.ord`.execute(db);
  return rows;
};

/** A batch shares no phone, EPIC or person: each of those is one item's, so the statement cannot race with itself. */
const enrolKeys = ({ w }: TEnrolItem) =>
  'id' in w.person ? [`p:${w.person.id}`] : [`t:${w.person.phone}`, ...(w.person.epic ? [`e:${w.person.epic}`] : [])];

const batchers = new WeakMap<Kysely<DB>, TBatcher<TEnrolItem, TEnrolWriteResult>>();

/**
 * Enrols through this database's group commit (`createBatcher`): enrolments that arrive while
 * earlier ones are being written go together in one `writeEnrolments` statement, up to 64, two
 * batches at a time (so both cores of a small server can work). Each caller gets its own result.
 */
const enrolBatcher = (db: Kysely<DB>) => {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = createBatcher((items: TEnrolItem[]) => writeEnrolments(db, items), { maxBatch: 64, maxInFlight: 2, keys: enrolKeys });
    batchers.set(db, batcher);
  }
  return batcher;
};

export const writeEnrolment = (ctx: Pick<TCtx, 'actor' | 'requestId'>, db: Kysely<DB>, w: TEnrolWrite) => enrolBatcher(db)({ ctx, w });

/** How many enrolment batches this database has had, and the enrolments in them (tests, benches). */
export const enrolmentBatchStats = (db: Kysely<DB>) => ({ ...enrolBatcher(db).stats });
