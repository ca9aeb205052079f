import type { TRole } from '@samiti/common';
import { type RawBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import { AppError } from '../../errors';
import { hasRoleAt, inJurisdiction, isNationalAdmin, roleAt } from '../auth/policy';

/**
 * Who may see and act on an election. Lok/Vidhan Sabha elections are reference data (no unit): any
 * logged-in user sees them and national admins change them. A local-body election belongs to the unit
 * that runs it: those whose jurisdiction covers that unit, and those working below it (a ward's office
 * bearer sees the district panchayat election), see it; roles are checked at the unit or at the seat's
 * own unit.
 */
export const canSeeUnitScoped = (actor: TActor, unitPath: string | null) =>
  unitPath === null || roleAt(actor, unitPath) !== null || actor.grants.some((g) => g.path?.startsWith(unitPath));

/** SQL twin of `canSeeUnitScoped` on a nullable unit path column. */
export const seesUnitScoped = (actor: TActor, column: string): RawBuilder<boolean> => {
  const col = sql.ref(column);
  const below = [...new Set(actor.grants.map((g) => g.path).filter((p): p is string => p !== null))];
  const under = below.length
    ? sql.join(
        below.map((p) => sql`starts_with(${p}::text, ${col})`),
        sql` or `,
      )
    : sql`false`;
  return sql<boolean>`(${col} is null or ${inJurisdiction(actor, column)} or ${under})`;
};

export const hasScopedRole = (actor: TActor, path: string | null, min: TRole) =>
  path === null ? isNationalAdmin(actor) : hasRoleAt(actor, path, min);

/** 404 when the election (or seat) is hidden from the actor, 403 when their role there is too weak. */
export const assertScopedRole = (actor: TActor, path: string | null, min: TRole, notFound: () => AppError) => {
  if (!canSeeUnitScoped(actor, path)) throw notFound();
  if (!hasScopedRole(actor, path, min)) throw new AppError('FORBIDDEN', 'FORBIDDEN');
};
