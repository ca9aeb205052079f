import type { TGrant, TRole } from '@samiti/common';

const RANK: Record<TRole, number> = { viewer: 1, 'office-bearer': 2, 'data-entry': 3, admin: 4, 'national-admin': 5 };

/**
 * Whether the user's grants let them add people at a unit: data-entry or above over the unit or
 * one of its ancestors (national-admin everywhere). Mirrors the server's rule only to decide
 * whether to show the button; the server still decides.
 */
export const canAddPeopleAt = (grants: readonly TGrant[], unitId: number, ancestorIds: readonly number[]): boolean =>
  grants.some(
    (g) =>
      RANK[g.role] >= RANK['data-entry'] &&
      (g.role === 'national-admin' || (g.unitId !== null && (g.unitId === unitId || ancestorIds.includes(g.unitId)))),
  );
