import type { TRollup } from '@samiti/common';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { roleAt } from '../auth/policy';
import { unitNotFound } from '../units/queries';
import { chainBelow, readChildCounts, readOwnCounts, type TSubject, toCounts } from './rollup';

/**
 * The roll-up of a directive or circular at `unitId` (default: the issuer): its own counts, a row
 * per child it reaches, and the trail from the issuer. The caller has checked the subject is visible.
 */
export const rollupView = async (
  ctx: TCtx,
  s: { subject: TSubject; subjectId: number; issuerId: number; issuerPath: string; isPastDue: boolean },
  q: { unitId?: number; limit: number; cursor?: string },
): Promise<TRollup> => {
  const unitId = q.unitId ?? s.issuerId;
  const unit = await ctx.db.selectFrom('unit').select(['id', 'name', 'name_hi', 'level', 'path']).where('id', '=', unitId).executeTakeFirst();
  const seesIssuer = roleAt(ctx.actor, s.issuerPath) !== null;
  if (!unit || (!seesIssuer && roleAt(ctx.actor, unit.path) === null)) throw unitNotFound(unitId);
  const own = await readOwnCounts(ctx.db, s.subject, s.subjectId, unitId);
  if (!own) throw new AppError('NOT_FOUND', 'ROLLUP_UNIT_NOT_REACHED', { params: { id: unitId }, field: 'unitId' });
  const { children, nextCursor } = await readChildCounts(ctx.db, { ...s, unitId, limit: q.limit, cursor: q.cursor });
  const trailRows = await ctx.db
    .selectFrom('unit')
    .select(['id', 'name', 'name_hi', 'level', 'path'])
    .where('id', 'in', chainBelow(s.issuerPath, unit.path))
    .orderBy('depth')
    .execute();
  return {
    subject: s.subject,
    subjectId: s.subjectId,
    unit: { id: unit.id, name: unit.name, nameHi: unit.name_hi, level: unit.level },
    trail: trailRows.filter((t) => seesIssuer || roleAt(ctx.actor, t.path) !== null).map((t) => ({ id: t.id, name: t.name, nameHi: t.name_hi, level: t.level })),
    counts: toCounts(own, s.isPastDue),
    children,
    nextCursor,
  };
};
