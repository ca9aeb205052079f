import type { TDrive, TDriveCreate, TEnrolBody, TMembership, TVerifyMethod } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { loadVisiblePerson } from '../people/queries';
import { findUnitRecord } from '../units/queries';
import { createBatcher, type TBatcher } from './batch';
import { applyMembershipDelta, enrollerOf, type TEnroller } from './counters';
import {
  driveSnapshot,
  isDriveOpen,
  membershipSnapshot,
  selectDrives,
  selectMemberships,
  type TDriveRecord,
  toDrive,
  toMembership,
} from './dto';
import { epicOrThrow, phoneOrThrow, type TEnrolWrite, writeEnrolment } from './persons';
import { canSeeDrive, isInside } from './policy';
import { driveNotFound, membershipNotFound } from './queries';
import { mdb } from './tables';

const unitNotFoundAt = (id: number, field: string) => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field });

/** Creates a drive at a unit the actor administers; it covers that unit's subtree. */
export const createDrive = (ctx: TCtx, input: TDriveCreate): Promise<TDrive> =>
  ctx.db.transaction().execute(async (trx) => {
    const unit = await findUnitRecord(trx, input.unitId);
    if (!unit) throw unitNotFoundAt(input.unitId, 'unitId');
    assertRoleAt(ctx.actor, unit.path, 'admin', () => unitNotFoundAt(input.unitId, 'unitId'));
    if (unit.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
    if (input.endsOn < input.startsOn) throw invalid('END_BEFORE_START', 'endsOn', { start: input.startsOn, end: input.endsOn });
    const { id } = await mdb(trx)
      .insertInto('membership_drive')
      .values({
        unit_id: unit.id,
        name: input.name,
        name_hi: input.nameHi ?? null,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        active_rule_min_verified: input.activeRuleMinVerified,
        allow_self_enrol: input.allowSelfEnrol,
        created_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const drive = await selectDrives(trx).where('d.id', '=', id).executeTakeFirst();
    if (!drive) throw driveNotFound(id);
    await recordAudit(trx, ctx, { action: 'drive.create', entityType: 'membership_drive', entityId: id, after: driveSnapshot(drive) });
    return toDrive(ctx.actor, drive);
  });

/** The unit is inside the drive's subtree and the actor may enrol there (data-entry or admin). */
const checkEnrolUnit = (ctx: TCtx, drive: TDriveRecord, unit: { id: number; path: string; deleted_at: Date | null }) => {
  assertRoleAt(ctx.actor, unit.path, 'data-entry', () => unitNotFoundAt(unit.id, 'unitId'));
  if (!isInside(unit.path, drive.unit_path)) throw invalid('UNIT_NOT_IN_DRIVE', 'unitId', { id: unit.id });
  if (unit.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
};

export const assertDriveOpen = (drive: TDriveRecord) => {
  if (!isDriveOpen(drive)) throw invalid('DRIVE_NOT_OPEN', undefined, { start: drive.starts_on, end: drive.ends_on });
};

/** 409 with the existing membership's id when the person is already in the drive. */
export const assertNotEnrolled = async (db: Kysely<DB>, driveId: number, personId: number) => {
  const existing = await mdb(db)
    .selectFrom('membership')
    .select('id')
    .where('drive_id', '=', driveId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', 'ALREADY_ENROLLED', { field: 'person', extra: { existingId: existing.id } });
};

export const reloadMembership = async (ctx: TCtx, db: Kysely<DB>, id: number): Promise<TMembership> => {
  const row = await selectMemberships(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw membershipNotFound(id);
  return toMembership(ctx.actor, row);
};

type TDriveUnitKey = { driveId: number; unitId: number };

/** Drives with the enrolment's unit (or nulls when there is no such unit), for many (drive, unit) pairs in one query. */
const readDriveUnits = async (db: Kysely<DB>, keys: TDriveUnitKey[]) => {
  const rows = await selectDrives(db)
    .innerJoin(
      sql<{ ord: number; drive_id: number; unit_id: number }>`(select * from unnest(${keys.map((_, i) => i)}::int[],
        ${keys.map((k) => k.driveId)}::bigint[], ${keys.map((k) => k.unitId)}::bigint[]) as k (ord, drive_id, unit_id))`.as('k'),
      (j) => j.onRef('k.drive_id', '=', 'd.id'),
    )
    .leftJoin('unit as eu', 'eu.id', 'k.unit_id')
    .select([
      'k.ord',
      'eu.id as eu_id',
      'eu.path as eu_path',
      'eu.name as eu_name',
      'eu.name_hi as eu_name_hi',
      'eu.level as eu_level',
      'eu.deleted_at as eu_deleted_at',
    ])
    .execute();
  const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
  return keys.map((_, i) => byOrd.get(i));
};

const driveUnitReaders = new WeakMap<Kysely<DB>, TBatcher<TDriveUnitKey, Awaited<ReturnType<typeof readDriveUnits>>[number]>>();
const driveUnitReader = (db: Kysely<DB>) => {
  let reader = driveUnitReaders.get(db);
  if (!reader) {
    reader = createBatcher((keys: TDriveUnitKey[]) => readDriveUnits(db, keys), { maxBatch: 64, maxInFlight: 2, keys: () => [] });
    driveUnitReaders.set(db, reader);
  }
  return reader;
};

/**
 * Enrols a person into a unit of the drive, pending verification. A person given inline whose
 * phone or EPIC is already on file is that person (no second member); one already in this drive
 * is a 409 carrying the existing membership's id. One counter delta (the unit, every unit above it up
 * to the drive's unit, and the enroller's credit, folded on read) is written with the membership.
 * Round trips: one read of the drive with the unit (batched with concurrent enrolments), a person given by id (or a designated enroller)
 * is read and checked, then `writeEnrolment` does every write in one statement, shared with the
 * enrolments that arrive at the same time (group commit; each gets its own answer).
 */
export const enrol = async (ctx: TCtx, driveId: number, input: TEnrolBody): Promise<TMembership> => {
  // The drive and the unit in one read, shared with the enrolments that arrive at the same time.
  const drive = await driveUnitReader(ctx.db)({ driveId, unitId: input.unitId });
  if (!drive || !canSeeDrive(ctx.actor, drive.unit_path)) throw driveNotFound(driveId);
  assertDriveOpen(drive);
  if (drive.eu_id === null || drive.eu_path === null || drive.eu_level === null || drive.eu_name === null)
    throw unitNotFoundAt(input.unitId, 'unitId');
  const unit = {
    id: drive.eu_id,
    path: drive.eu_path,
    name: drive.eu_name,
    name_hi: drive.eu_name_hi,
    level: drive.eu_level,
    deleted_at: drive.eu_deleted_at,
  };
  checkEnrolUnit(ctx, drive, unit);
  let enroller: TEnroller | null = ctx.actor.userId > 0 ? { kind: 'user', id: ctx.actor.userId } : null;
  let enrollerName: { name: string | null; nameHi: string | null } = { name: null, nameHi: null };
  if (input.enrollerPersonId !== undefined) {
    const ep = await loadVisiblePerson(ctx, input.enrollerPersonId, 'enrollerPersonId');
    if (ep.deleted_at) throw invalid('PERSON_DELETED', 'enrollerPersonId');
    enroller = { kind: 'person', id: ep.id };
    enrollerName = { name: ep.name, nameHi: ep.name_hi };
  }
  let person: TEnrolWrite['person'];
  if (input.personId !== undefined) {
    const found = await loadVisiblePerson(ctx, input.personId, 'personId');
    if (found.deleted_at) throw invalid('PERSON_DELETED', 'personId');
    person = { id: found.id };
  } else if (input.person) {
    const p = input.person;
    person = {
      name: p.name ?? null,
      nameHi: p.nameHi ?? null,
      phone: phoneOrThrow(p.phone, 'person.phone'),
      epic: p.epic ? epicOrThrow(p.epic, 'person.epic') : null,
      consent: p.consent,
      homeUnitId: unit.id,
    };
  } else throw invalid('NAME_REQUIRED', 'person');
  const write: TEnrolWrite = {
    driveId: drive.id,
    driveUnitId: drive.unit_id,
    unitId: unit.id,
    person,
    enrolledByPerson: enroller?.kind === 'person' ? enroller.id : null,
    enroller,
  };
  let r = await writeEnrolment(ctx, ctx.db, write);
  // A concurrent enrolment of the same phone or person committed between our read and insert: once more sees it.
  if (r.id === null && r.prior_id === null && r.mismatch_id === null) r = await writeEnrolment(ctx, ctx.db, write);
  if (r.mismatch_id !== null)
    throw new AppError('CONFLICT', 'CONTACT_MISMATCH', { field: 'person.epic', extra: { existingId: r.mismatch_id } });
  if (r.prior_id !== null) throw new AppError('CONFLICT', 'ALREADY_ENROLLED', { field: 'person', extra: { existingId: r.prior_id } });
  if (r.id === null || r.person_id === null || r.channel === null || r.status === null || r.created_at === null) {
    throw invalid('PHONE_TAKEN', 'person.phone');
  }
  return toMembership(ctx.actor, {
    id: r.id,
    drive_id: drive.id,
    person_id: r.person_id,
    unit_id: unit.id,
    channel: r.channel,
    status: r.status,
    method: r.method,
    rejection_reason: r.rejection_reason,
    enrolled_by_user: r.enrolled_by_user,
    enrolled_by_person: r.enrolled_by_person,
    created_at: r.created_at,
    decided_at: r.decided_at,
    drive_unit_id: drive.unit_id,
    active_rule_min_verified: drive.active_rule_min_verified,
    person_name: r.person_name,
    person_name_hi: r.person_name_hi,
    person_phone: r.person_phone ?? '',
    unit_name: unit.name,
    unit_name_hi: unit.name_hi,
    unit_level: unit.level,
    unit_path: unit.path,
    ep_name: enrollerName.name,
    ep_name_hi: enrollerName.nameHi,
    eu_name: r.eu_name,
    own_verified: Number(r.own_verified ?? 0),
  });
};

type TDecision = { kind: 'verify'; method: TVerifyMethod } | { kind: 'reject'; reason: string };

/** Verifies or rejects a pending membership (data-entry or admin over its unit) and moves the counters. */
const decide = (ctx: TCtx, id: number, decision: TDecision): Promise<TMembership> =>
  ctx.db.transaction().execute(async (trx) => {
    // Lock the membership so two decisions on it cannot both count.
    const locked = await mdb(trx).selectFrom('membership').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!locked) throw membershipNotFound(id);
    const before = await selectMemberships(trx).where('m.id', '=', id).executeTakeFirstOrThrow();
    assertRoleAt(ctx.actor, before.unit_path, 'data-entry', () => membershipNotFound(id));
    if (before.status === 'verified') throw invalid('MEMBERSHIP_ALREADY_VERIFIED', 'status');
    if (before.status === 'rejected') throw invalid('MEMBERSHIP_ALREADY_REJECTED', 'status');
    const isVerify = decision.kind === 'verify';
    if (decision.kind === 'verify' && decision.method === 'photo') {
      // Verifying by photo means someone compared the member with the photo on file: there must be one.
      const person = await trx.selectFrom('person').select('photo_file_id').where('id', '=', before.person_id).executeTakeFirst();
      if (!person?.photo_file_id) throw invalid('VERIFY_NEEDS_PHOTO', 'method');
    }
    await mdb(trx)
      .updateTable('membership')
      .set({
        status: isVerify ? 'verified' : 'rejected',
        method: isVerify ? decision.method : null,
        rejection_reason: isVerify ? null : decision.reason,
        decided_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
        decided_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    const after = await selectMemberships(trx).where('m.id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: isVerify ? 'membership.verify' : 'membership.reject',
      entityType: 'membership',
      entityId: id,
      before: membershipSnapshot(before),
      after: membershipSnapshot(after),
    });
    const drive = await selectDrives(trx).where('d.id', '=', before.drive_id).executeTakeFirstOrThrow();
    await applyMembershipDelta(trx, {
      driveId: drive.id,
      drivePath: drive.unit_path,
      unitPath: before.unit_path,
      enroller: enrollerOf(before),
      delta: isVerify ? { enrolled: 0, verified: 1, rejected: 0 } : { enrolled: -1, verified: 0, rejected: 1 },
    });
    return reloadMembership(ctx, trx, id);
  });

export const verifyMembership = (ctx: TCtx, id: number, method: TVerifyMethod) => decide(ctx, id, { kind: 'verify', method });
export const rejectMembership = (ctx: TCtx, id: number, reason: string) => decide(ctx, id, { kind: 'reject', reason });
