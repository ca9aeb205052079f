import type { TLocale, TSelfEnrolBody } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { t } from '../../i18n/messages';
import { recordAudit } from '../audit/record';
import type { TSmsProvider } from '../notify/sms';
import { applyMembershipDelta } from './counters';
import { type TDriveRecord, toPublicDrive } from './dto';
import { assertDriveOpen, assertNotEnrolled } from './operations';
import { findOrCreatePerson, phoneOrThrow } from './persons';
import { isInside, todayInIndia } from './policy';
import { driveNotFound, findDrive } from './queries';
import { consumeOtp, issueOtp, OTP_RULES, publicActor, type TPublicCtx } from './otp';
import { mdb } from './tables';

export { OTP_RULES, type TPublicCtx } from './otp';
const PURPOSE = 'self-enrol';
const selfEnrolActor = (locale: TLocale) => publicActor(locale, 'public:self-enrol', 'Self-enrolment');

/** A drive that takes self-enrolment today, else 404 / 400. */
const loadSelfEnrolDrive = async (db: Kysely<DB>, id: number) => {
  const drive = await findDrive(db, id);
  if (!drive) throw driveNotFound(id);
  if (!drive.allow_self_enrol) throw invalid('SELF_ENROL_CLOSED');
  assertDriveOpen(drive);
  return drive;
};

export const getPublicDrive = async (db: Kysely<DB>, id: number) => {
  const drive = await findDrive(db, id);
  if (!drive) throw driveNotFound(id);
  return toPublicDrive(drive);
};

/**
 * Sends a one-time code to the phone through `sms` (after the challenge is committed). At most
 * `maxPerWindow` codes per phone per window, counted under a per-phone advisory lock so parallel
 * requests cannot slip past the limit.
 */
export const requestOtp = async (pctx: TPublicCtx, sms: TSmsProvider, driveId: number, rawPhone: string) => {
  const drive = await loadSelfEnrolDrive(pctx.db, driveId);
  const phone = phoneOrThrow(rawPhone, 'phone');
  const {
    code,
    expiresAt,
    phone: masked,
  } = await issueOtp(pctx, selfEnrolActor(pctx.locale), phone, { purpose: PURPOSE, driveId: drive.id });
  const driveName = pctx.locale === 'hi' ? (drive.name_hi ?? drive.name) : drive.name;
  await sms.send(phone, t(pctx.locale, 'SMS_OTP_BODY', { code, drive: driveName, minutes: OTP_RULES.ttlMinutes }), {
    purpose: `otp:${PURPOSE}`,
    unitId: drive.unit_id,
  });
  return { expiresAt, phone: masked };
};

/** The booth (a unit with no sub-units) inside the drive that a self-enrolling member lives in; 400 otherwise. */
const loadSelfEnrolUnit = async (db: Kysely<DB>, drive: TDriveRecord, id: number) => {
  const unit = await db.selectFrom('unit').select(['id', 'path', 'child_count', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  if (!unit || unit.deleted_at || !isInside(unit.path, drive.unit_path)) throw invalid('UNIT_NOT_IN_DRIVE', 'unitId', { id });
  if (unit.child_count > 0) throw invalid('SELF_ENROL_UNIT', 'unitId', { id });
  return unit;
};

/**
 * Public self-enrolment: with the right code, the phone's person (reused when known, else created
 * with SMS-OTP consent) becomes a member of the booth, verified by OTP. No session needed.
 */
export const selfEnrol = async (pctx: TPublicCtx, driveId: number, input: TSelfEnrolBody) => {
  const drive = await loadSelfEnrolDrive(pctx.db, driveId);
  const phone = phoneOrThrow(input.phone, 'phone');
  const unit = await loadSelfEnrolUnit(pctx.db, drive, input.unitId);
  await consumeOtp(pctx.db, phone, { purpose: PURPOSE, driveId: drive.id }, input.otp);
  const actx = { actor: selfEnrolActor(pctx.locale), requestId: pctx.requestId };
  return pctx.db.transaction().execute(async (trx) => {
    const person = await findOrCreatePerson(
      actx,
      trx,
      {
        name: input.name ?? null,
        nameHi: input.nameHi ?? null,
        phone,
        epic: null,
        consent: { purpose: 'party membership (self-enrolment)', date: todayInIndia(), method: 'sms-otp' },
        homeUnitId: unit.id,
      },
      '',
    );
    await assertNotEnrolled(trx, drive.id, person.id);
    const row = await mdb(trx)
      .insertInto('membership')
      .values({
        drive_id: drive.id,
        person_id: person.id,
        unit_id: unit.id,
        channel: 'self',
        status: 'verified',
        method: 'otp',
        decided_at: sql<Date>`now()`,
      })
      .onConflict((oc) => oc.columns(['drive_id', 'person_id']).doNothing())
      .returning(['id', 'status'])
      .executeTakeFirst();
    if (!row) {
      await assertNotEnrolled(trx, drive.id, person.id);
      throw new AppError('CONFLICT', 'ALREADY_ENROLLED');
    }
    await recordAudit(trx, actx, {
      action: 'membership.self-enrol',
      entityType: 'membership',
      entityId: row.id,
      after: { driveId: drive.id, personId: person.id, unitId: unit.id, channel: 'self', status: 'verified', method: 'otp' },
    });
    await applyMembershipDelta(trx, {
      driveId: drive.id,
      drivePath: drive.unit_path,
      unitPath: unit.path,
      enroller: null,
      delta: { enrolled: 1, verified: 1, rejected: 0 },
    });
    const u = await trx.selectFrom('unit').select(['id', 'name', 'name_hi', 'level']).where('id', '=', unit.id).executeTakeFirstOrThrow();
    return { membershipId: row.id, status: row.status, unit: { id: u.id, name: u.name, nameHi: u.name_hi, level: u.level } };
  });
};
