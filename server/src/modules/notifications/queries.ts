import type { TNotificationList } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';

const decodeId = (cursor: string) => {
  const n = Number(cursor);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
  return n;
};

/** The actor's own notifications, newest first, with the unread count (a partial-index count). */
export const listNotifications = async (ctx: TCtx, q: { unread?: boolean; limit: number; cursor?: string }): Promise<TNotificationList> => {
  let qb = ctx.db
    .selectFrom('notification as n')
    .leftJoin('assignment as a', 'a.id', 'n.assignment_id')
    .leftJoin('directive as d', 'd.id', 'a.directive_id')
    .leftJoin('circular as c', 'c.id', 'n.circular_id')
    .select([
      'n.id',
      'n.kind',
      'n.assignment_id',
      'n.circular_id',
      'n.read_at',
      'n.created_at',
      'd.id as directive_id',
      'd.text',
      'd.due_date',
      'c.title',
      'n.title_en',
      'n.title_hi',
      'n.link',
    ])
    .where('n.user_id', '=', ctx.actor.userId);
  if (q.unread) qb = qb.where('n.read_at', 'is', null);
  if (q.cursor) qb = qb.where('n.id', '<', decodeId(q.cursor));
  const [rows, unread] = await Promise.all([
    qb
      .orderBy('n.id', 'desc')
      .limit(q.limit + 1)
      .execute(),
    unreadCount(ctx),
  ]);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      assignmentId: r.assignment_id,
      directiveId: r.directive_id,
      circularId: r.circular_id,
      text: r.text ?? r.title ?? (ctx.locale === 'hi' ? r.title_hi : r.title_en) ?? '',
      link: r.link,
      dueDate: r.due_date,
      isRead: r.read_at !== null,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    unread,
    nextCursor: rows.length > q.limit ? String(page.at(-1)?.id) : null,
  };
};

export const unreadCount = async (ctx: TCtx) => {
  const { n } = await ctx.db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
};

/** Marks one of the actor's notifications read (404 for anyone else's), or all of them with `id` null. */
export const markRead = (ctx: TCtx, id: number | null) =>
  ctx.db.transaction().execute(async (trx) => {
    let qb = trx
      .updateTable('notification')
      .set({ read_at: sql<Date>`now()` })
      .where('user_id', '=', ctx.actor.userId)
      .where('read_at', 'is', null);
    if (id !== null) {
      const own = await trx
        .selectFrom('notification')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', ctx.actor.userId)
        .executeTakeFirst();
      if (!own) throw new AppError('NOT_FOUND', 'NOTIFICATION_NOT_FOUND', { params: { id } });
      qb = qb.where('id', '=', id);
    }
    const res = await qb.returning('id').execute();
    if (res.length > 0) {
      await recordAudit(trx, ctx, {
        action: 'notification.read',
        entityType: 'user',
        entityId: ctx.actor.userId,
        after: { ids: id === null ? 'all' : [id], count: res.length },
      });
    }
    return {
      marked: res.length,
      unread: Number(
        (
          await trx
            .selectFrom('notification')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', ctx.actor.userId)
            .where('read_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    };
  });
