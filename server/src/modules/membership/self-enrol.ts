import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { maskPhone, type TLocale, type TSelfEnrolBody } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TActor } from '../../context';
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
import { mdb } from './tables';

/** Codes live 10 minutes; a phone gets at most 3 codes per 10 minutes and 5 tries per code. */
export const OTP_RULES = { ttlMinutes: 10, maxPerWindow: 3, windowMinutes: 10, maxAttempts: 5 } as const;
const PURPOSE = 'self-enrol';

/** What a request without a session carries: its database, id and language. */
export type TPublicCtx = { db: Kysely<DB>; requestId: string; locale: TLocale };

const publicActor = (locale: TLocale): TActor => ({
  userId: 0,
  username: 'public:self-enrol',
  displayName: 'Self-enrolment',
  locale,
  grants: [],
});

const hashCode = (phone: string, code: string, salt = randomBytes(8).toString('hex')) =>
  `${salt}$${createHash('sha256').update(`${salt}:${phone}:${code}`).digest('hex')}`;
const codeMatches = (stored: string, phone: string, code: string) => {
  const [salt] = stored.split('$');
  const a = Buffer.from(stored);
  const b = Buffer.from(hashCode(phone, code, salt));
  return a.length === b.length && timingSafeEqual(a, b);
};

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
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const challenge = await pctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`otp:${phone}`}::text))`.execute(trx);
    const m = mdb(trx);
    const recent = await m
      .selectFrom('otp_challenge')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('phone', '=', phone)
      .where('created_at', '>', sql<Date>`now() - make_interval(mins => ${OTP_RULES.windowMinutes})`)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= OTP_RULES.maxPerWindow) {
      throw invalid('OTP_RATE_LIMITED', 'phone', { max: OTP_RULES.maxPerWindow, minutes: OTP_RULES.windowMinutes });
    }
    const row = await m
      .insertInto('otp_challenge')
      .values({
        phone,
        purpose: PURPOSE,
        drive_id: drive.id,
        code_hash: hashCode(phone, code),
        expires_at: sql<Date>`now() + make_interval(mins => ${OTP_RULES.ttlMinutes})`,
      })
      .returning(['id', 'expires_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { actor: publicActor(pctx.locale), requestId: pctx.requestId },
      {
        action: 'otp.request',
        entityType: 'otp_challenge',
        entityId: row.id,
        after: { phone: maskPhone(phone), driveId: drive.id, purpose: PURPOSE },
      },
    );
    return row;
  });
  const driveName = pctx.locale === 'hi' ? (drive.name_hi ?? drive.name) : drive.name;
  await sms.send(phone, t(pctx.locale, 'SMS_OTP_BODY', { code, drive: driveName, minutes: OTP_RULES.ttlMinutes }), {
    purpose: `otp:${PURPOSE}`,
    unitId: drive.unit_id,
  });
  return { expiresAt: new Date(challenge.expires_at).toISOString(), phone: maskPhone(phone) };
};

/**
 * Checks the latest code sent to the phone for this drive and consumes it when right. A wrong code
 * costs an attempt even though the request fails, so the check commits on its own.
 */
const consumeOtp = async (db: Kysely<DB>, phone: string, driveId: number, code: string) => {
  const outcome = await db.transaction().execute(async (trx) => {
    const m = mdb(trx);
    const c = await m
      .selectFrom('otp_challenge')
      .select(['id', 'code_hash', 'attempts', sql<boolean>`expires_at <= now()`.as('is_expired')])
      .where('phone', '=', phone)
      .where('drive_id', '=', driveId)
      .where('purpose', '=', PURPOSE)
      .where('consumed_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!c || c.is_expired) return invalid('OTP_EXPIRED', 'otp');
    if (c.attempts >= OTP_RULES.maxAttempts) return invalid('OTP_TOO_MANY_ATTEMPTS', 'otp');
    if (!codeMatches(c.code_hash, phone, code)) {
      await m
        .updateTable('otp_challenge')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', c.id)
        .execute();
      const left = OTP_RULES.maxAttempts - c.attempts - 1;
      return left > 0 ? invalid('OTP_WRONG', 'otp', { left }) : invalid('OTP_TOO_MANY_ATTEMPTS', 'otp');
    }
    await m.updateTable('otp_challenge').set({ consumed_at: sql<Date>`now()` }).where('id', '=', c.id).execute();
    return null;
  });
  if (outcome) throw outcome;
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
  await consumeOtp(pctx.db, phone, drive.id, input.otp);
  const actx = { actor: publicActor(pctx.locale), requestId: pctx.requestId };
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
