import { z } from 'zod';
import { LOCALES, ROLES } from '../roles';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const ZGrant = z.object({
  id: z.number(),
  role: z.enum(ROLES),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  unitNameHi: z.string().nullable(),
  wing: z.string().nullable(),
});
export type TGrant = z.infer<typeof ZGrant>;

export const ZMe = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  grants: z.array(ZGrant),
  /** The unit to open first: the top of the user's first grant. */
  homeUnitId: z.number().nullable(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZPatchMe = z.object({ locale: z.enum(LOCALES) });
