import type { TLevel, TUnit, TUnitSearchHit } from '@samiti/common';

/**
 * Whether a search hit may become the new parent of `unit`: not the unit itself, nothing inside
 * its own subtree, not its current parent, not deleted, and on a level above the unit's.
 */
export const canBeNewParent = (hit: TUnitSearchHit, unit: Pick<TUnit, 'id' | 'parentId' | 'level'>, levels: readonly TLevel[]): boolean => {
  if (hit.id === unit.id || hit.id === unit.parentId || hit.deletedAt !== null) return false;
  if (hit.trail.some((a) => a.id === unit.id)) return false;
  const hitRank = levels.find((l) => l.key === hit.level)?.rank;
  const unitRank = levels.find((l) => l.key === unit.level)?.rank;
  // With unknown levels, let the server decide.
  return hitRank === undefined || unitRank === undefined || hitRank < unitRank;
};
