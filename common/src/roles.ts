/** Roles a user can be granted over a unit's subtree (national-admin covers every tree). */
export const ROLES = ['national-admin', 'admin', 'office-bearer', 'data-entry', 'viewer'] as const;
export type TRole = (typeof ROLES)[number];

/** The default organisational levels, top to bottom. A party can add its own. */
export const DEFAULT_LEVELS = [
  'national',
  'state',
  'region',
  'division',
  'district',
  'assembly',
  'mandal',
  'shakti-kendra',
  'booth',
] as const;

export const GEO_KINDS = ['state', 'pc', 'ac', 'district', 'ps'] as const;
export type TGeoKind = (typeof GEO_KINDS)[number];

export const LOCALES = ['en', 'hi'] as const;
export type TLocale = (typeof LOCALES)[number];
