import type { TGrant } from '@samiti/common';

const isAdminGrant = (g: TGrant) => g.role === 'admin' || g.role === 'national-admin';

/** Starting a drive needs an admin over its unit: the button shows for anyone who is an admin somewhere; the server checks the unit. */
export const canCreateDrive = (grants: readonly TGrant[]): boolean => grants.some(isAdminGrant);

/** The SMS outbox is for admins (their own subtrees) and national admins. */
export const canReadOutbox = (grants: readonly TGrant[]): boolean => grants.some(isAdminGrant);

export const isNationalAdmin = (grants: readonly TGrant[]): boolean => grants.some((g) => g.role === 'national-admin');

export const grantUnitIds = (grants: readonly TGrant[]): number[] => grants.flatMap((g) => (g.unitId === null ? [] : [g.unitId]));
