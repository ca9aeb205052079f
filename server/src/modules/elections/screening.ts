import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { aspirantNotFound, loadAspirant } from './aspirants';
import { assertScopedRole } from './policy';
import { electionNotFound, loadElection, loadSeat } from './queries';

/** Adds a screening criterion to an election (admins of the election). */
export const createCriterion = (ctx: TCtx, electionId: number, input: { name: string; nameHi?: string; maxScore: number; sort?: number }) =>
  ctx.db.transaction().execute(async (trx) => {
    const e = await loadElection({ db: trx, actor: ctx.actor }, electionId);
    assertScopedRole(ctx.actor, e.unit_path, 'admin', () => electionNotFound(electionId));
    const same = await trx
      .selectFrom('screening_criterion')
      .select('id')
      .where('election_id', '=', electionId)
      .where(sql<boolean>`lower(name) = lower(${input.name})`)
      .executeTakeFirst();
    if (same)
      throw new AppError('CONFLICT', 'CRITERION_EXISTS', { field: 'name', params: { name: input.name }, extra: { existingId: same.id } });
    const row = await trx
      .insertInto('screening_criterion')
      .values({
        election_id: electionId,
        name: input.name,
        name_hi: input.nameHi ?? null,
        max_score: input.maxScore,
        sort: input.sort ?? 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const criterion = { id: row.id, name: row.name, nameHi: row.name_hi, maxScore: row.max_score, sort: row.sort };
    await recordAudit(trx, ctx, { action: 'screening-criterion.create', entityType: 'election', entityId: electionId, after: criterion });
    return criterion;
  });

/** Records the actor's scores for an aspirant, one per criterion; a screener changing a score is audited with the old one. */
export const scoreAspirant = (ctx: TCtx, aspirantId: number, scores: { criterionId: number; score: number; note?: string }[]) =>
  ctx.db.transaction().execute(async (trx) => {
    const a = await trx.selectFrom('aspirant').select(['id', 'seat_id']).where('id', '=', aspirantId).executeTakeFirst();
    if (!a) throw aspirantNotFound(aspirantId);
    const { election, scopePath } = await loadSeat({ db: trx, actor: ctx.actor }, a.seat_id).catch(() => {
      throw aspirantNotFound(aspirantId);
    });
    assertScopedRole(ctx.actor, scopePath, 'office-bearer', () => aspirantNotFound(aspirantId));
    if (ctx.actor.userId <= 0) throw new AppError('FORBIDDEN', 'FORBIDDEN');
    const criteria = await trx.selectFrom('screening_criterion').selectAll().where('election_id', '=', election.id).execute();
    const before = await trx
      .selectFrom('screening_score')
      .selectAll()
      .where('aspirant_id', '=', aspirantId)
      .where('screener_id', '=', ctx.actor.userId)
      .execute();
    scores.forEach((s, i) => {
      const c = criteria.find((x) => x.id === s.criterionId);
      if (!c) throw new AppError('VALIDATION', 'CRITERION_NOT_FOUND', { field: `scores.${i}.criterionId`, params: { id: s.criterionId } });
      if (s.score > c.max_score)
        throw invalid('SCORE_TOO_HIGH', `scores.${i}.score`, { score: s.score, max: c.max_score, criterion: c.name });
    });
    for (const s of scores) {
      await trx
        .insertInto('screening_score')
        .values({
          aspirant_id: aspirantId,
          criterion_id: s.criterionId,
          screener_id: ctx.actor.userId,
          score: s.score,
          note: s.note ?? null,
        })
        .onConflict((oc) =>
          oc
            .columns(['aspirant_id', 'criterion_id', 'screener_id'])
            .doUpdateSet({ score: s.score, note: s.note ?? null, updated_at: sql`now()` }),
        )
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'aspirant.score',
      entityType: 'aspirant',
      entityId: aspirantId,
      before: before.length ? before.map((b) => ({ criterionId: b.criterion_id, score: b.score })) : null,
      after: scores.map((s) => ({ criterionId: s.criterionId, score: s.score, note: s.note ?? null })),
    });
    return loadAspirant(ctx, trx, aspirantId);
  });

/** An election's screening criteria in their order. */
export const listCriteria = async (ctx: TCtx, electionId: number) => {
  await loadElection(ctx, electionId);
  const rows = await ctx.db
    .selectFrom('screening_criterion')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return rows.map((c) => ({ id: c.id, name: c.name, nameHi: c.name_hi, maxScore: c.max_score, sort: c.sort }));
};
