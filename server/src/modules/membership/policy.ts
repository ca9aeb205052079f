import type { TRole } from '@samiti/common';
import { type RawBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import { hasRoleAt, inJurisdiction, isNationalAdmin, roleAt } from '../auth/policy';

// A drive belongs to a unit and covers its subtree. Those who work inside the subtree see the drive
// even when the drive's own unit is above their jurisdiction (a district sees the national drive);
// what they see of its members and counts stays inside their jurisdiction.

const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/** Ids of every unit on the actor's grant paths: the units whose drives reach into their jurisdiction. */
const grantChainIds = (actor: TActor) => [...new Set(actor.grants.flatMap((g) => (g.path ? pathIds(g.path) : [])))];

export const canSeeDrive = (actor: TActor, drivePath: string) =>
  roleAt(actor, drivePath) !== null || actor.grants.some((g) => g.path?.startsWith(drivePath));

/** SQL: the drive (its unit's id and path in these columns) is visible to the actor. */
export const driveVisible = (actor: TActor, idColumn: string, pathColumn: string): RawBuilder<boolean> => {
  if (isNationalAdmin(actor)) return sql<boolean>`true`;
  const ids = grantChainIds(actor);
  const onChain = ids.length > 0 ? sql<boolean>`${sql.ref(idColumn)} in (${sql.join(ids)})` : sql<boolean>`false`;
  return sql<boolean>`(${inJurisdiction(actor, pathColumn)} or ${onChain})`;
};

/** The actor holds at least `min` over the drive's unit or some unit inside its subtree. */
export const hasRoleInDrive = (actor: TActor, drivePath: string, min: TRole) =>
  hasRoleAt(actor, drivePath, min) || actor.grants.some((g) => g.path?.startsWith(drivePath) && hasRoleAt(actor, g.path, min));

/** The top units of the actor's jurisdiction inside the drive's subtree (the drive's own unit when they cover it). */
export const entryPaths = (actor: TActor, drivePath: string): string[] => {
  if (roleAt(actor, drivePath) !== null) return [drivePath];
  return actor.grants
    .map((g) => g.path)
    .filter((p): p is string => p?.startsWith(drivePath) === true)
    .sort((a, b) => a.length - b.length);
};

export const isInside = (path: string, ancestorPath: string) => path.startsWith(ancestorPath);

/** Unit ids from the drive's unit down to `unitPath`, top first: the counters one membership touches. */
export const chainIds = (drivePath: string, unitPath: string) => pathIds(unitPath).slice(pathIds(drivePath).length - 1);

/** Today's date in India, as the drive's dates are written. */
export const todayInIndia = (now = Date.now()) => new Date(now + 330 * 60_000).toISOString().slice(0, 10);
