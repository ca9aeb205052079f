import type { TRole } from '@samiti/common';
import { type RawBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import { AppError } from '../../errors';

const ROLE_RANK: Record<TRole, number> = {
  viewer: 1,
  'office-bearer': 2,
  'data-entry': 3,
  admin: 4,
  'national-admin': 5,
};

/** The end of a subtree's path range: every descendant path sorts before it. */
export const pathRangeEnd = (path: string) => `${path}~`;

export const isNationalAdmin = (actor: TActor) => actor.grants.some((g) => g.role === 'national-admin');

/** The strongest role the actor holds over a unit at `path`, or null when it lies outside their jurisdiction. */
export const roleAt = (actor: TActor, path: string): TRole | null => {
  let best: TRole | null = null;
  for (const g of actor.grants) {
    const covers = g.role === 'national-admin' || (g.path !== null && path.startsWith(g.path));
    if (covers && (best === null || ROLE_RANK[g.role] > ROLE_RANK[best])) best = g.role;
  }
  return best;
};

export const hasRoleAt = (actor: TActor, path: string, min: TRole) => {
  const role = roleAt(actor, path);
  return role !== null && ROLE_RANK[role] >= ROLE_RANK[min];
};

/**
 * Throws 404 when the unit is outside the actor's jurisdiction (so ids do not leak) and 403 when it
 * is inside but the actor's role there is weaker than `min`.
 */
export const assertRoleAt = (actor: TActor, path: string, min: TRole, notFound: () => AppError) => {
  const role = roleAt(actor, path);
  if (role === null) throw notFound();
  if (ROLE_RANK[role] < ROLE_RANK[min]) throw new AppError('FORBIDDEN', 'FORBIDDEN');
  return role;
};

/** Whether any of the actor's grants reaches `min` (for actions that name their units later, like imports). */
export const hasRoleAnywhere = (actor: TActor, min: TRole) => actor.grants.some((g) => ROLE_RANK[g.role] >= ROLE_RANK[min]);

export const assertNationalAdmin = (actor: TActor) => {
  if (!isNationalAdmin(actor)) throw new AppError('FORBIDDEN', 'FORBIDDEN');
};

/**
 * A SQL condition on a `path` column that keeps only rows inside the actor's jurisdiction: the union
 * of the path ranges of their grants, each an index range scan.
 */
export const inJurisdiction = (actor: TActor, column: string): RawBuilder<boolean> => {
  if (isNationalAdmin(actor)) return sql<boolean>`true`;
  const paths = [...new Set(actor.grants.map((g) => g.path).filter((p): p is string => p !== null))];
  if (paths.length === 0) return sql<boolean>`false`;
  const col = sql.ref(column);
  return sql<boolean>`(${sql.join(
    paths.map((p) => sql`(${col} >= ${p} and ${col} < ${pathRangeEnd(p)})`),
    sql` or `,
  )})`;
};
