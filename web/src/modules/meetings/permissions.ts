import type { TGrant, TRole } from '@samiti/common';

const RANK: Record<TRole, number> = { viewer: 1, 'office-bearer': 2, 'data-entry': 3, admin: 4, 'national-admin': 5 };

/**
 * Whether the user may create and run meetings of a unit: office bearer or above over the unit or
 * one of its ancestors. Only decides whether to show the button; the server still decides.
 */
export const canRunMeetingsAt = (grants: readonly TGrant[], unitId: number, ancestorIds: readonly number[]): boolean =>
  grants.some(
    (g) =>
      RANK[g.role] >= RANK['office-bearer'] &&
      (g.role === 'national-admin' || (g.unitId !== null && (g.unitId === unitId || ancestorIds.includes(g.unitId)))),
  );
