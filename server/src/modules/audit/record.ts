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

/** Writes one audit row. Call it with the transaction that makes the change, never after it. */
export const recordAudit = async (db: Kysely<DB>, ctx: Pick<TCtx, 'actor' | 'requestId'>, e: TAuditEntry) => {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      actor_label: ctx.actor.username,
      action: e.action,
      entity_type: e.entityType,
      entity_id: String(e.entityId),
      before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      request_id: ctx.requestId,
    })
    .execute();
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
