import { normalizeEpic, normalizePhone, searchKey, type TPerson, type TPersonCreate, type TPersonPatch, toDevanagari } from '@samiti/common';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { findUnitRecord } from '../units/queries';
import { personSnapshot, toPerson } from './dto';
import { findPersonRecord, loadVisiblePerson, personNotFound } from './queries';

const phoneOrThrow = (raw: string) => {
  const r = normalizePhone(raw);
  if (!r.ok) throw invalid(r.reason === 'length' ? 'PHONE_LENGTH' : r.reason === 'prefix' ? 'PHONE_PREFIX' : 'PHONE_CHARACTERS', 'phone', { value: raw });
  return r.e164;
};
const epicOrThrow = (raw: string) => {
  const e = normalizeEpic(raw);
  if (!e) throw invalid('EPIC_FORMAT', 'epic', { value: raw });
  return e;
};

/** 409 with the existing person's id when a live person already has this phone or EPIC. */
export const assertNoContactClash = async (db: Kysely<DB>, phone: string, epic: string | null, exceptId?: number) => {
  let q = db
    .selectFrom('person')
    .select(['id', 'phone', 'epic'])
    .where('deleted_at', 'is', null)
    .where((eb) => (epic ? eb.or([eb('phone', '=', phone), eb('epic', '=', epic)]) : eb('phone', '=', phone)));
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  const clash = await q.executeTakeFirst();
  if (clash) {
    const field = clash.phone === phone ? 'phone' : 'epic';
    throw new AppError('CONFLICT', field === 'phone' ? 'PHONE_TAKEN' : 'EPIC_TAKEN', { field, extra: { existingId: clash.id } });
  }
};

/** The unit a person lives in: visible, not deleted, and one the actor may enter people into. */
const loadHomeUnit = async (ctx: TCtx, db: Kysely<DB>, id: number) => {
  const unit = await findUnitRecord(db, id);
  if (!unit) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field: 'homeUnitId' });
  assertRoleAt(ctx.actor, unit.path, 'data-entry', () => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field: 'homeUnitId' }));
  if (unit.deleted_at) throw invalid('UNIT_DELETED', 'homeUnitId');
  return unit;
};

/** Names as given; a missing Hindi name is transliterated and marked derived. */
const namesOf = (name: string | null, nameHi: string | null) => {
  const derivedHi = name !== null && nameHi === null;
  return {
    name,
    name_hi: derivedHi ? toDevanagari(name) : nameHi,
    derived_name: derivedHi ? ('nameHi' as const) : null,
    search_key: searchKey(name, nameHi),
  };
};

const reload = async (ctx: TCtx, db: Kysely<DB>, id: number): Promise<TPerson> => {
  const row = await findPersonRecord(db, id);
  if (!row) throw personNotFound(id);
  return toPerson(ctx.actor, row);
};

/** Adds a person with their consent. A phone or EPIC already on file returns 409 with that person's id. */
export const createPerson = (ctx: TCtx, input: TPersonCreate): Promise<TPerson> =>
  ctx.db.transaction().execute(async (trx: Transaction<DB>) => {
    const phone = phoneOrThrow(input.phone);
    const epic = input.epic ? epicOrThrow(input.epic) : null;
    await loadHomeUnit(ctx, trx, input.homeUnitId);
    await assertNoContactClash(trx, phone, epic);
    const row = await trx
      .insertInto('person')
      .values({
        ...namesOf(input.name ?? null, input.nameHi ?? null),
        gender: input.gender ?? null,
        birth_year: input.birthYear ?? null,
        phone,
        epic,
        home_unit_id: input.homeUnitId,
        consent_purpose: input.consent.purpose,
        consent_date: input.consent.date,
        consent_method: input.consent.method,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await findPersonRecord(trx, row.id);
    if (!created) throw personNotFound(row.id);
    await recordAudit(trx, ctx, { action: 'person.create', entityType: 'person', entityId: row.id, after: personSnapshot(created) });
    return toPerson(ctx.actor, created);
  });

export const updatePerson = (ctx: TCtx, id: number, patch: TPersonPatch): Promise<TPerson> =>
  ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisiblePerson({ ...ctx, db: trx }, id);
    assertRoleAt(ctx.actor, before.home_path, 'data-entry', () => personNotFound(id));
    if (before.deleted_at) throw invalid('PERSON_DELETED');
    const phone = patch.phone !== undefined ? phoneOrThrow(patch.phone) : before.phone;
    const epic = patch.epic === undefined ? before.epic : patch.epic === null ? null : epicOrThrow(patch.epic);
    if (patch.homeUnitId !== undefined) await loadHomeUnit(ctx, trx, patch.homeUnitId);
    await assertNoContactClash(trx, phone, epic, id);
    // A derived Hindi name follows the English one; a given one stays until changed.
    const givenHi = before.derived_name === 'nameHi' ? null : before.name_hi;
    const name = patch.name === undefined ? before.name : patch.name;
    const nameHi = patch.nameHi === undefined ? givenHi : patch.nameHi;
    if (name === null && nameHi === null) throw invalid('NAME_REQUIRED', 'name');
    await trx
      .updateTable('person')
      .set({
        ...namesOf(name, nameHi),
        gender: patch.gender === undefined ? before.gender : patch.gender,
        birth_year: patch.birthYear === undefined ? before.birth_year : patch.birthYear,
        phone,
        epic,
        home_unit_id: patch.homeUnitId ?? before.home_unit_id,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    const after = await findPersonRecord(trx, id);
    if (!after) throw personNotFound(id);
    await recordAudit(trx, ctx, { action: 'person.update', entityType: 'person', entityId: id, before: personSnapshot(before), after: personSnapshot(after) });
    return toPerson(ctx.actor, after);
  });

/** Soft-deletes a person who holds no current post (end their tenures first). */
export const deletePerson = (ctx: TCtx, id: number): Promise<TPerson> =>
  ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisiblePerson({ ...ctx, db: trx }, id);
    assertRoleAt(ctx.actor, before.home_path, 'data-entry', () => personNotFound(id));
    if (before.deleted_at) throw invalid('PERSON_DELETED');
    const holds = await trx.selectFrom('tenure').select('id').where('person_id', '=', id).where('end_date', 'is', null).executeTakeFirst();
    if (holds) throw invalid('PERSON_HOLDS_POST');
    await trx.updateTable('person').set({ deleted_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'person.delete', entityType: 'person', entityId: id, before: personSnapshot(before) });
    return reload(ctx, trx, id);
  });

export const restorePerson = (ctx: TCtx, id: number): Promise<TPerson> =>
  ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisiblePerson({ ...ctx, db: trx }, id);
    assertRoleAt(ctx.actor, before.home_path, 'data-entry', () => personNotFound(id));
    if (!before.deleted_at) throw invalid('PERSON_NOT_DELETED');
    await assertNoContactClash(trx, before.phone, before.epic, id);
    await trx.updateTable('person').set({ deleted_at: null, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'person.restore', entityType: 'person', entityId: id, before: { deletedAt: before.deleted_at?.toISOString() } });
    return reload(ctx, trx, id);
  });

