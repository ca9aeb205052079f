import { normalizeEpic, normalizePhone, searchKey, type TConsent, toDevanagari } from '@samiti/common';
import type { Kysely } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';

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
