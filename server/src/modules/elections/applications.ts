import type { TAspirantApplyBody, TPublicElection, TPublicSeat } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { t } from '../../i18n/messages';
import { recordAudit } from '../audit/record';
import { pathRangeEnd } from '../auth/policy';
import { consumeOtp, issueOtp, publicActor, type TPublicCtx } from '../membership/otp';
import { epicOrThrow, findOrCreatePerson, phoneOrThrow } from '../membership/persons';
import { todayInIndia } from '../membership/policy';
import type { TSmsProvider } from '../notify/sms';
import { assertScopedRole } from './policy';
import { electionNotFound, loadElection, loadSeat, seatNotFound, toElection, toSeat } from './queries';

// Applications for a seat: office bearers open and close them per election (a seat may differ), and
// anyone may then apply through the public form, proving their phone with an SMS code.

const PURPOSE = 'aspirant-apply';
const applyActor = (locale: TPublicCtx['locale']) => publicActor(locale, 'public:aspirant-apply', 'Aspirant application');

/** Opens or closes applications for a whole election: office bearers of its unit (national admins for Lok/Vidhan Sabha). */
export const setElectionApplications = (ctx: TCtx, electionId: number, open: boolean) =>
  ctx.db.transaction().execute(async (trx) => {
    const e = await loadElection({ db: trx, actor: ctx.actor }, electionId);
    assertScopedRole(ctx.actor, e.unit_path, 'office-bearer', () => electionNotFound(electionId));
    const before = await trx
      .selectFrom('election')
      .select('applications_open')
      .where('id', '=', electionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx.updateTable('election').set({ applications_open: open, updated_at: sql`now()` }).where('id', '=', electionId).execute();
    await recordAudit(trx, ctx, {
      action: 'election.applications',
      entityType: 'election',
      entityId: electionId,
      before: { applicationsOpen: before.applications_open },
      after: { applicationsOpen: open },
    });
    return toElection(ctx.actor, await loadElection({ db: trx, actor: ctx.actor }, electionId));
  });

/** Opens or closes one seat's applications, or (null) lets it follow the election's setting. */
export const setSeatApplications = (ctx: TCtx, seatId: number, open: boolean | null) =>
  ctx.db.transaction().execute(async (trx) => {
    const { scopePath } = await loadSeat({ db: trx, actor: ctx.actor }, seatId);
    assertScopedRole(ctx.actor, scopePath, 'office-bearer', () => seatNotFound(seatId));
    const before = await trx.selectFrom('seat').select('applications_open').where('id', '=', seatId).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable('seat').set({ applications_open: open }).where('id', '=', seatId).execute();
    await recordAudit(trx, ctx, {
      action: 'seat.applications',
      entityType: 'seat',
      entityId: seatId,
      before: { applicationsOpen: before.applications_open },
      after: { applicationsOpen: open },
    });
    return toSeat((await loadSeat({ db: trx, actor: ctx.actor }, seatId)).seat);
  });

/** The seat as the public sees it, with where its aspirants may live and whether it takes applications. */
const loadPublicSeat = async (db: Kysely<DB>, seatId: number) => {
  const row = await db
    .selectFrom('seat as s')
    .innerJoin('election as e', 'e.id', 's.election_id')
    .leftJoin('unit as su', 'su.id', 's.unit_id')
    .leftJoin('unit as eu', 'eu.id', 'e.unit_id')
    .select([
      's.id',
      's.election_id',
      's.code',
      's.number',
      's.name',
      's.name_hi',
      's.reservation',
      's.geo_code',
      'e.name as election_name',
      'e.name_hi as election_name_hi',
      'su.path as seat_path',
      'eu.path as election_path',
      'eu.deleted_at as election_unit_deleted',
      sql<boolean>`coalesce(s.applications_open, e.applications_open)`.as('is_open'),
    ])
    .where('s.id', '=', seatId)
    .executeTakeFirst();
  if (!row || row.election_unit_deleted) throw seatNotFound(seatId);
  return row;
};
type TPublicSeatRow = Awaited<ReturnType<typeof loadPublicSeat>>;

const assertOpen = (seat: TPublicSeatRow) => {
  if (!seat.is_open) throw new AppError('CONFLICT', 'APPLICATIONS_CLOSED', { params: { seat: seat.name } });
};

/**
 * The paths under which an aspirant for the seat may live: the seat's own unit, else the unit that
 * runs the election, else (Lok/Vidhan Sabha) the units of the seat's AC, or of every AC of its PC.
 */
const areaRoots = async (db: Kysely<DB>, seat: TPublicSeatRow): Promise<string[]> => {
  if (seat.seat_path) return [seat.seat_path];
  if (seat.election_path) return [seat.election_path];
  if (!seat.geo_code) return [];
  const rows = await db
    .selectFrom('unit as u')
    .select('u.path')
    .where('u.deleted_at', 'is', null)
    .where('u.wing', '=', 'main')
    .where((eb) =>
      eb.or([
        eb('u.geo_code', '=', seat.geo_code as string),
        eb(
          'u.geo_code',
          'in',
          eb
            .selectFrom('geo_area as g')
            .select('g.code')
            .where('g.pc_code', '=', seat.geo_code as string),
        ),
      ]),
    )
    .execute();
  // Keep only the topmost: a unit under another listed one adds nothing.
  const paths = rows.map((r) => r.path).sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
};

const toPublicSeat = (r: {
  id: number;
  code: string;
  number: number | null;
  name: string;
  name_hi: string | null;
  reservation: string | null;
  is_open: boolean;
}): TPublicSeat => ({
  id: r.id,
  code: r.code,
  number: r.number,
  name: r.name,
  nameHi: r.name_hi,
  reservation: r.reservation,
  isOpen: Boolean(r.is_open),
});

const decodeCursor = (cursor: string | undefined): [number, string, number] | null => {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string' && Number.isSafeInteger(v[2]))
      return v as [number, string, number];
  } catch {
    // falls through
  }
  throw invalid('CURSOR_INVALID', 'cursor');
};
const encodeCursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

/** An election for the public form: its names and the seats taking applications, paged, with a search. */
export const getPublicElection = async (
  db: Kysely<DB>,
  electionId: number,
  q: { q?: string; limit: number; cursor?: string },
): Promise<TPublicElection> => {
  const e = await db
    .selectFrom('election as e')
    .leftJoin('geo_area as g', 'g.code', 'e.state_code')
    .leftJoin('unit as u', 'u.id', 'e.unit_id')
    .select([
      'e.id',
      'e.type',
      'e.year',
      'e.name',
      'e.name_hi',
      'e.applications_open',
      'g.name as state_name',
      'g.name_hi as state_name_hi',
      'u.deleted_at',
    ])
    .where('e.id', '=', electionId)
    .executeTakeFirst();
  if (!e || e.deleted_at) throw electionNotFound(electionId);
  let qb = db
    .selectFrom('seat as s')
    .select(['s.id', 's.code', 's.number', 's.name', 's.name_hi', 's.reservation', sql<boolean>`true`.as('is_open')])
    .where('s.election_id', '=', electionId)
    .where(sql<boolean>`coalesce(s.applications_open, ${e.applications_open})`);
  if (q.q) {
    const like = likeOf(q.q);
    qb = qb.where((eb) => eb.or([eb('s.name', 'ilike', like), eb('s.name_hi', 'like', like), eb('s.code', 'ilike', like)]));
  }
  const cur = decodeCursor(q.cursor);
  if (cur) qb = qb.where(sql<boolean>`(coalesce(s.number, 0), s.code, s.id) > (${cur[0]}, ${cur[1]}, ${cur[2]})`);
  const rows = await qb
    .orderBy(sql`coalesce(s.number, 0)`)
    .orderBy('s.code')
    .orderBy('s.id')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    id: e.id,
    type: e.type,
    year: e.year,
    name: e.name,
    nameHi: e.name_hi,
    stateName: e.state_name,
    stateNameHi: e.state_name_hi,
    seats: page.map(toPublicSeat),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.number ?? 0, last.code, last.id]) : null,
  };
};

/** Units an applicant may name as home for the seat (its area), by name, paged. Only while applications are open. */
export const listPublicSeatUnits = async (db: Kysely<DB>, seatId: number, q: { q?: string; limit: number; cursor?: string }) => {
  const seat = await loadPublicSeat(db, seatId);
  assertOpen(seat);
  const roots = await areaRoots(db, seat);
  if (!roots.length) return { items: [], nextCursor: null };
  let qb = db
    .selectFrom('unit as u')
    .select(['u.id', 'u.name', 'u.name_hi', 'u.level', 'u.path', 'u.child_count'])
    .where('u.deleted_at', 'is', null)
    .where((eb) => eb.or(roots.map((p) => eb.and([eb('u.path', '>=', p), eb('u.path', '<', pathRangeEnd(p))]))));
  if (q.q) {
    const like = likeOf(q.q);
    qb = qb.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('u.name_hi', 'like', like)]));
  }
  if (q.cursor) {
    const path = Buffer.from(q.cursor, 'base64url').toString('utf8');
    qb = qb.where('u.path', '>', path);
  }
  const rows = await qb
    .orderBy('u.path')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((u) => ({ id: u.id, name: u.name, nameHi: u.name_hi, level: u.level, hasChildren: u.child_count > 0 })),
    nextCursor: rows.length > q.limit && last ? Buffer.from(last.path).toString('base64url') : null,
  };
};

/** Sends a one-time code for an application to the seat (409 when the seat takes none). */
export const requestApplicationOtp = async (pctx: TPublicCtx, sms: TSmsProvider, seatId: number, rawPhone: string) => {
  const seat = await loadPublicSeat(pctx.db, seatId);
  assertOpen(seat);
  const phone = phoneOrThrow(rawPhone, 'phone');
  const issued = await issueOtp(pctx, applyActor(pctx.locale), phone, { purpose: PURPOSE, seatId });
  const hi = pctx.locale === 'hi';
  await sms.send(
    phone,
    t(pctx.locale, 'SMS_ASPIRANT_OTP_BODY', {
      code: issued.code,
      seat: hi ? (seat.name_hi ?? seat.name) : seat.name,
      election: hi ? (seat.election_name_hi ?? seat.election_name) : seat.election_name,
      minutes: 10,
    }),
    { purpose: `otp:${PURPOSE}` },
  );
  return { expiresAt: issued.expiresAt, phone: issued.phone };
};

/**
 * The public application: with the right code the phone's person (reused when the phone or EPIC is
 * known, else created with SMS-OTP consent, home in the seat's area) becomes an aspirant at `applied`.
 */
export const applyForSeat = async (pctx: TPublicCtx, seatId: number, input: TAspirantApplyBody) => {
  const seat = await loadPublicSeat(pctx.db, seatId);
  assertOpen(seat);
  const phone = phoneOrThrow(input.phone, 'phone');
  const epic = input.epic ? epicOrThrow(input.epic, 'epic') : null;
  const roots = await areaRoots(pctx.db, seat);
  const home = await pctx.db.selectFrom('unit').select(['id', 'path', 'deleted_at']).where('id', '=', input.homeUnitId).executeTakeFirst();
  if (!home || home.deleted_at || !roots.some((p) => home.path.startsWith(p))) {
    throw invalid('UNIT_NOT_IN_SEAT', 'homeUnitId', { id: input.homeUnitId });
  }
  await consumeOtp(pctx.db, phone, { purpose: PURPOSE, seatId }, input.otp);
  const actx = { actor: applyActor(pctx.locale), requestId: pctx.requestId };
  return pctx.db.transaction().execute(async (trx) => {
    // Two applications of one phone at once queue here; the second then sees the first.
    await sql`select id from seat where id = ${seatId} for update`.execute(trx);
    const person = await findOrCreatePerson(
      actx,
      trx,
      {
        name: input.name ?? null,
        nameHi: input.nameHi ?? null,
        phone,
        epic,
        consent: { purpose: 'aspirant application (public form)', date: todayInIndia(), method: 'sms-otp' },
        homeUnitId: home.id,
      },
      '',
    );
    const taken = await trx
      .selectFrom('aspirant')
      .select('id')
      .where('seat_id', '=', seatId)
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', 'ASPIRANT_EXISTS', { field: 'phone' });
    const { id } = await trx
      .insertInto('aspirant')
      .values({ seat_id: seatId, person_id: person.id, statement: input.statement ?? null, channel: 'public', created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('aspirant_stage')
      .values({ aspirant_id: id, from_stage: null, to_stage: 'applied', moved_by: null, moved_by_label: actx.actor.username })
      .execute();
    await recordAudit(trx, actx, {
      action: 'aspirant.apply',
      entityType: 'aspirant',
      entityId: id,
      after: {
        seatId,
        personId: person.id,
        isNewPerson: person.isNew,
        stage: 'applied',
        channel: 'public',
        statement: input.statement ?? null,
      },
    });
    return {
      aspirantId: id,
      seat: { id: seat.id, name: seat.name, nameHi: seat.name_hi },
      election: { id: seat.election_id, name: seat.election_name, nameHi: seat.election_name_hi },
    };
  });
};
