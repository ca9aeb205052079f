import type { TEndReason, TTenure } from '@samiti/common';
import { sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { onPostsChanged } from '../org-health/aggregates';
import { loadVisiblePerson } from '../people/queries';
import { onTenuresChanged } from '../training/coverage';
import { selectTenures, toTenure } from './queries';
import { effectiveTemplatePost } from './templates';

const notInFuture = (date: string, field: string) => {
  // A day of slack for time zones: India is ahead of UTC.
  const limit = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  if (date > limit) throw invalid('DATE_IN_FUTURE', field, { date });
};
const tenureNotFound = (id: number) => new AppError('NOT_FOUND', 'TENURE_NOT_FOUND', { params: { id } });

const loadTenure = async (trx: Transaction<DB>, id: number) => {
  const row = await selectTenures(trx).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw tenureNotFound(id);
  return row;
};

type TAppoint = { unitId: number; post: string; personId: number; startDate: string };

/** Starts a tenure inside an open transaction: the checks every appointment needs. */
export const appointIn = async (ctx: TCtx, trx: Transaction<DB>, input: TAppoint): Promise<TTenure> => {
  // Lock the unit row so two appointments to its last seat cannot both succeed.
  const unit = await trx
    .selectFrom('unit')
    .select(['id', 'path', 'level', 'wing', 'deleted_at'])
    .where('id', '=', input.unitId)
    .forUpdate()
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: input.unitId }, field: 'unitId' });
  assertRoleAt(
    ctx.actor,
    unit.path,
    'admin',
    () => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: input.unitId }, field: 'unitId' }),
  );
  if (unit.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
  // A template change of this level waits for appointments in flight (and they for it): it holds the level's row.
  await trx.selectFrom('org_level').select('key').where('key', '=', unit.level).forShare().execute();
  const template = await effectiveTemplatePost(trx, unit.wing, unit.level, input.post);
  if (!template) throw invalid('UNKNOWN_POST', 'post', { level: unit.level, post: input.post });
  const person = await loadVisiblePerson({ ...ctx, db: trx }, input.personId, 'personId');
  if (person.deleted_at) throw invalid('PERSON_DELETED', 'personId');
  notInFuture(input.startDate, 'startDate');
  const holders = await trx
    .selectFrom('tenure')
    .select(['person_id'])
    .where('unit_id', '=', unit.id)
    .where('post_key', '=', input.post)
    .where('end_date', 'is', null)
    .execute();
  if (holders.some((h) => h.person_id === input.personId)) throw invalid('ALREADY_HOLDS', 'personId');
  if (holders.length >= template.seats) throw invalid('POST_FULL', 'post', { post: template.name, seats: template.seats });
  const { id } = await trx
    .insertInto('tenure')
    .values({ unit_id: unit.id, post_key: input.post, person_id: input.personId, start_date: input.startDate })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tenure = toTenure(await loadTenure(trx, id));
  await recordAudit(trx, ctx, { action: 'tenure.start', entityType: 'tenure', entityId: id, after: tenure });
  await onPostsChanged(trx, unit.id);
  await onTenuresChanged(trx, [input.personId]);
  return tenure;
};

export const endIn = async (ctx: TCtx, trx: Transaction<DB>, id: number, endDate: string, reason: TEndReason): Promise<TTenure> => {
  const row = await loadTenure(trx, id);
  assertRoleAt(ctx.actor, row.unit_path, 'admin', () => tenureNotFound(id));
  if (row.end_date !== null) throw invalid('TENURE_ENDED');
  if (endDate < row.start_date) throw invalid('END_BEFORE_START', 'endDate', { end: endDate, start: row.start_date });
  notInFuture(endDate, 'endDate');
  const before = toTenure(row);
  // History is never rewritten: only an open tenure is closed, once.
  await sql`update tenure set end_date = ${endDate}, end_reason = ${reason} where id = ${id} and end_date is null`.execute(trx);
  const after = toTenure(await loadTenure(trx, id));
  await recordAudit(trx, ctx, { action: 'tenure.end', entityType: 'tenure', entityId: id, before, after });
  await onPostsChanged(trx, row.unit_id);
  await onTenuresChanged(trx, [row.person_id]);
  return after;
};

/** Appoints a person to a post of a unit (starts a tenure). Admins of the unit only. */
export const appoint = (ctx: TCtx, input: TAppoint) => ctx.db.transaction().execute((trx) => appointIn(ctx, trx, input));

/** Ends a current tenure with a reason; the record stays as history. */
export const endTenure = (ctx: TCtx, id: number, input: { endDate: string; reason: TEndReason }) =>
  ctx.db.transaction().execute((trx) => endIn(ctx, trx, id, input.endDate, input.reason));

/** Ends a tenure and appoints the successor to the same post, in one transaction. */
export const replaceTenure = (ctx: TCtx, id: number, input: { personId: number; date: string; reason: TEndReason }) =>
  ctx.db.transaction().execute(async (trx) => {
    const ended = await endIn(ctx, trx, id, input.date, input.reason);
    const started = await appointIn(ctx, trx, { unitId: ended.unitId, post: ended.post, personId: input.personId, startDate: input.date });
    return { ended, started };
  });
