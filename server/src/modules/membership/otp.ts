import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { maskPhone, type TLocale } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { mdb } from './tables';

// One-time SMS codes for public forms (self-enrolment in a drive, an aspirant's application for a
// seat): issued under a per-phone rate limit, stored hashed, consumed once with a limited number of tries.

/** Codes live 10 minutes; a phone gets at most 3 codes per 10 minutes (all purposes) and 5 tries per code. */
export const OTP_RULES = { ttlMinutes: 10, maxPerWindow: 3, windowMinutes: 10, maxAttempts: 5 } as const;

/** What a request without a session carries: its database, id and language. */
export type TPublicCtx = { db: Kysely<DB>; requestId: string; locale: TLocale };

/** The actor a public form's writes are audited as. */
export const publicActor = (locale: TLocale, username: string, displayName: string): TActor => ({
  userId: 0,
  username,
  displayName,
  locale,
  grants: [],
});

/** What a code is for: its purpose and the record it is scoped to (a drive or a seat). */
export type TOtpScope = { purpose: string; driveId?: number; seatId?: number };

const hashCode = (phone: string, code: string, salt = randomBytes(8).toString('hex')) =>
  `${salt}$${createHash('sha256').update(`${salt}:${phone}:${code}`).digest('hex')}`;
const codeMatches = (stored: string, phone: string, code: string) => {
  const [salt] = stored.split('$');
  const a = Buffer.from(stored);
  const b = Buffer.from(hashCode(phone, code, salt));
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Issues a code for the phone and scope and commits the (hashed) challenge with its audit row; the
 * caller sends the code afterwards. At most `maxPerWindow` codes per phone per window, counted under a
 * per-phone advisory lock so parallel requests cannot slip past the limit.
 */
export const issueOtp = async (pctx: TPublicCtx, actor: TActor, phone: string, scope: TOtpScope) => {
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
        purpose: scope.purpose,
        drive_id: scope.driveId ?? null,
        seat_id: scope.seatId ?? null,
        code_hash: hashCode(phone, code),
        expires_at: sql<Date>`now() + make_interval(mins => ${OTP_RULES.ttlMinutes})`,
      })
      .returning(['id', 'expires_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { actor, requestId: pctx.requestId },
      {
        action: 'otp.request',
        entityType: 'otp_challenge',
        entityId: row.id,
        after: {
          phone: maskPhone(phone),
          purpose: scope.purpose,
          ...(scope.driveId !== undefined ? { driveId: scope.driveId } : {}),
          ...(scope.seatId !== undefined ? { seatId: scope.seatId } : {}),
        },
      },
    );
    return row;
  });
  return { code, expiresAt: new Date(challenge.expires_at).toISOString(), phone: maskPhone(phone) };
};

/**
 * Checks the latest code sent to the phone for this scope and consumes it when right. A wrong code
 * costs an attempt even though the request fails, so the check commits on its own.
 */
export const consumeOtp = async (db: Kysely<DB>, phone: string, scope: TOtpScope, code: string) => {
  const outcome = await db.transaction().execute(async (trx) => {
    const m = mdb(trx);
    let q = m
      .selectFrom('otp_challenge')
      .select(['id', 'code_hash', 'attempts', sql<boolean>`expires_at <= now()`.as('is_expired')])
      .where('phone', '=', phone)
      .where('purpose', '=', scope.purpose)
      .where('consumed_at', 'is', null);
    if (scope.driveId !== undefined) q = q.where('drive_id', '=', scope.driveId);
    if (scope.seatId !== undefined) q = q.where('seat_id', '=', scope.seatId);
    const c = await q.orderBy('id', 'desc').limit(1).forUpdate().executeTakeFirst();
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
