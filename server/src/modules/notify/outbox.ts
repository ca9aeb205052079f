import { type ColumnType, type Generated, type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, forbidden } from '../../errors';
import { isNationalAdmin, pathRangeEnd } from '../auth/policy';

export type SmsOutboxTable = {
  id: Generated<number>;
  to_phone: string;
  body: string;
  purpose: string;
  unit_id: number | null;
  provider: string;
  status: 'held' | 'sent' | 'failed';
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: Date | null;
};

const outboxDb = (db: Kysely<DB>) => db.withTables<{ sms_outbox: SmsOutboxTable }>();

export type TOutboxRow = {
  toPhone: string;
  body: string;
  purpose: string;
  unitId: number | null;
  provider: string;
  status: SmsOutboxTable['status'];
  sentAt?: Date | null;
};

/** Appends one message to the outbox and returns its id. */
export const writeOutbox = async (db: Kysely<DB>, row: TOutboxRow) => {
  const { id } = await outboxDb(db)
    .insertInto('sms_outbox')
    .values({
      to_phone: row.toPhone,
      body: row.body,
      purpose: row.purpose,
      unit_id: row.unitId,
      provider: row.provider,
      status: row.status,
      sent_at: row.sentAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
};

/**
 * The outbox as an admin may read it: national admins see every message; an admin sees those
 * about units in the subtrees they administer (messages about no unit are national-only).
 */
export const listOutbox = async (ctx: TCtx, query: { limit: number; cursor?: string; phone?: string }) => {
  const isNational = isNationalAdmin(ctx.actor);
  const adminPaths = [...new Set(ctx.actor.grants.filter((g) => g.role === 'admin' && g.path !== null).map((g) => g.path as string))];
  if (!isNational && adminPaths.length === 0) throw forbidden();
  let qb = outboxDb(ctx.db)
    .selectFrom('sms_outbox as o')
    .leftJoin('unit as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'o.to_phone', 'o.body', 'o.purpose', 'o.provider', 'o.status', 'o.created_at', 'o.sent_at']);
  if (!isNational) {
    qb = qb.where(
      sql<boolean>`(${sql.join(
        adminPaths.map((p) => sql`(u.path >= ${p} and u.path < ${pathRangeEnd(p)})`),
        sql` or `,
      )})`,
    );
  }
  if (query.phone) qb = qb.where('o.to_phone', '=', query.phone);
  if (query.cursor) {
    const last = Number(query.cursor);
    if (!Number.isSafeInteger(last) || last <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
    qb = qb.where('o.id', '<', last);
  }
  const rows = await qb
    .orderBy('o.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      toPhone: r.to_phone,
      body: r.body,
      purpose: r.purpose,
      provider: r.provider,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
  };
};
