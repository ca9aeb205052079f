import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { loadVisiblePerson } from '../people/queries';
import { todayInIndia } from './access';

// An in-charge of a programme event or cluster is a tenure: post 'programme-in-charge' (or
// 'cluster-in-charge') at the unit the event counts under, pointing at the event or cluster. It is in
// the person's post history like any prabhari post, but no unit's post template offers it, so it
// never shows as a vacancy of the unit itself.
export const INSTANCE_IN_CHARGE_POST = 'programme-in-charge';
export const CLUSTER_IN_CHARGE_POST = 'cluster-in-charge';

type TTarget = { kind: 'instance' | 'cluster'; id: number; unitId: number };

/** The current in-charge tenure of an instance or cluster, if any. */
export const currentInCharge = (ctx: Pick<TCtx, 'db'>, t: Omit<TTarget, 'unitId'>) =>
  ctx.db
    .selectFrom('tenure as t')
    .innerJoin('person as p', 'p.id', 't.person_id')
    .select(['t.id', 't.person_id', 't.start_date', 'p.name', 'p.name_hi'])
    .where(t.kind === 'instance' ? 't.programme_instance_id' : 't.programme_cluster_id', '=', t.id)
    .where('t.end_date', 'is', null)
    .executeTakeFirst();

/** Starts an in-charge tenure (the person must be visible to the actor and live), in the caller's transaction. */
export const startInCharge = async (ctx: TCtx, t: TTarget & { personId: number }) => {
  const person = await loadVisiblePerson(ctx, t.personId, 'inChargePersonId');
  if (person.deleted_at || person.merged_into !== null) throw invalid('PROGRAMME_PERSON_DELETED', 'inChargePersonId', { id: t.personId });
  const { id } = await ctx.db
    .insertInto('tenure')
    .values({
      unit_id: t.unitId,
      post_key: t.kind === 'instance' ? INSTANCE_IN_CHARGE_POST : CLUSTER_IN_CHARGE_POST,
      person_id: t.personId,
      start_date: todayInIndia(),
      programme_instance_id: t.kind === 'instance' ? t.id : null,
      programme_cluster_id: t.kind === 'cluster' ? t.id : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(ctx.db, ctx, {
    action: 'tenure.start',
    entityType: 'tenure',
    entityId: id,
    after: { unitId: t.unitId, post: t.kind === 'instance' ? INSTANCE_IN_CHARGE_POST : CLUSTER_IN_CHARGE_POST, personId: t.personId, [t.kind]: t.id },
  });
  return { tenureId: id, personId: t.personId, name: person.name, nameHi: person.name_hi };
};

/** Ends the current in-charge tenure (history stays: the row is closed, never deleted). */
export const endInCharge = async (ctx: TCtx, tenureId: number) => {
  const today = todayInIndia();
  // A tenure started today and ended today is a correction of the same day; it still stays on record.
  await sql`update tenure set end_date = greatest(start_date, ${today}::date), end_reason = 'term-ended' where id = ${tenureId} and end_date is null`.execute(ctx.db);
  await recordAudit(ctx.db, ctx, { action: 'tenure.end', entityType: 'tenure', entityId: tenureId, after: { endDate: today, reason: 'term-ended' } });
};
