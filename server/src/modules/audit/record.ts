import type { Kysely } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';

export type TAuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

const AUDIT_BATCH = 2000;

/**
 * Writes audit rows — one entry, or many in one statement per 2,000 (an import's seats, a roll-out's
 * events). Call it with the transaction that makes the change, never after it.
 */
export const recordAudit = async (db: Kysely<DB>, ctx: Pick<TCtx, 'actor' | 'requestId'>, entries: TAuditEntry | TAuditEntry[]) => {
  const all = Array.isArray(entries) ? entries : [entries];
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  for (let i = 0; i < all.length; i += AUDIT_BATCH) {
    await db
      .insertInto('audit_log')
      .values(
        all.slice(i, i + AUDIT_BATCH).map((e) => ({
          actor_user_id: ctx.actor.userId > 0 ? ctx.actor.userId : null,
          actor_label: ctx.actor.username,
          action: e.action,
          entity_type: e.entityType,
          entity_id: String(e.entityId),
          before: json(e.before),
          after: json(e.after),
          request_id: ctx.requestId,
        })),
      )
      .execute();
  }
};

export const listHistory = async (db: Kysely<DB>, entityType: string, entityId: string | number, limit = 200) => {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'action', 'actor_label', 'before', 'after', 'request_id'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    actor: r.actor_label,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.request_id,
  }));
};
