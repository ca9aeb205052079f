import { maskEpic, maskPhone, type TPerson } from '@samiti/common';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { hasRoleAt } from '../auth/policy';

/** A person with their home unit's names and path (the path decides who may see them). */
export const selectPeople = (db: Kysely<DB>) =>
  db
    .selectFrom('person as p')
    .innerJoin('unit as h', 'h.id', 'p.home_unit_id')
    .select([
      'p.id',
      'p.name',
      'p.name_hi',
      'p.derived_name',
      'p.gender',
      'p.birth_year',
      'p.phone',
      'p.epic',
      'p.home_unit_id',
      'p.merged_into',
      'p.photo_file_id',
      'p.consent_purpose',
      'p.consent_date',
      'p.consent_method',
      'p.deleted_at',
      'p.created_at',
      'p.updated_at',
      'h.name as home_name',
      'h.name_hi as home_name_hi',
      'h.level as home_level',
      'h.path as home_path',
    ]);

type TQuery = ReturnType<typeof selectPeople>;
export type TPersonRecord = TQuery extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

/** Phone and EPIC are shown only to roles that work with them; viewers see them masked. */
export const canSeeContact = (actor: TActor, homePath: string) => hasRoleAt(actor, homePath, 'office-bearer');

export const toPerson = (actor: TActor, r: TPersonRecord): TPerson => {
  const isMasked = !canSeeContact(actor, r.home_path);
  const canWrite = hasRoleAt(actor, r.home_path, 'data-entry');
  const isDeleted = r.deleted_at !== null;
  return {
    id: r.id,
    name: r.name,
    nameHi: r.name_hi,
    derivedName: r.derived_name,
    gender: r.gender,
    birthYear: r.birth_year,
    phone: isMasked ? maskPhone(r.phone) : r.phone,
    epic: r.epic === null ? null : isMasked ? maskEpic(r.epic) : r.epic,
    isContactMasked: isMasked,
    homeUnit: { id: r.home_unit_id, name: r.home_name, nameHi: r.home_name_hi, level: r.home_level },
    consent: { purpose: r.consent_purpose, date: r.consent_date, method: r.consent_method },
    photoFileId: r.photo_file_id,
    deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
    mergedInto: r.merged_into,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    actions: {
      canEdit: canWrite && !isDeleted,
      canDelete: canWrite && !isDeleted,
      canRestore: canWrite && isDeleted,
      canAppoint: hasRoleAt(actor, r.home_path, 'admin') && !isDeleted,
    },
  };
};

/** What the audit log keeps of a person (full contact details: the log is for admins). */
export const personSnapshot = (r: TPersonRecord) => ({
  name: r.name,
  nameHi: r.name_hi,
  gender: r.gender,
  birthYear: r.birth_year,
  phone: r.phone,
  epic: r.epic,
  homeUnitId: r.home_unit_id,
  consent: { purpose: r.consent_purpose, date: r.consent_date, method: r.consent_method },
  deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
});
