import { z } from 'zod';
import { ZGeoCode, ZGeoRef } from './geo';
import { ZName } from './common';

export const ZLevelKey = z.string().trim().min(1).max(40).regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and hyphens');
export const ZWingKey = ZLevelKey;

export const ZLevel = z.object({
  key: z.string(),
  rank: z.number(),
  name: z.string(),
  nameHi: z.string(),
  geoKind: z.string().nullable(),
});
export type TLevel = z.infer<typeof ZLevel>;

export const ZWing = z.object({ key: z.string(), name: z.string(), nameHi: z.string(), rootUnitId: z.number() });
export type TWing = z.infer<typeof ZWing>;

/** What the actor may do to this unit; the UI hides what is false. */
export const ZUnitActions = z.object({
  canEdit: z.boolean(),
  canCreateChild: z.boolean(),
  canMove: z.boolean(),
  canDelete: z.boolean(),
  canRestore: z.boolean(),
});

export const ZUnit = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  wing: z.string(),
  level: z.string(),
  name: z.string(),
  nameHi: z.string().nullable(),
  depth: z.number(),
  geo: ZGeoRef.nullable(),
  childCount: z.number(),
  descendantCount: z.number(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: ZUnitActions,
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitCreate = z.object({
  parentId: z.number().int().positive(),
  level: ZLevelKey,
  name: ZName,
  nameHi: ZName.optional(),
  wing: ZWingKey.optional(),
  geo: ZGeoCode.optional(),
});
export type TUnitCreate = z.infer<typeof ZUnitCreate>;

export const ZUnitPatch = z
  .object({
    name: ZName.optional(),
    nameHi: ZName.nullable().optional(),
    geo: ZGeoCode.nullable().optional(),
    parentId: z.number().int().positive().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type TUnitPatch = z.infer<typeof ZUnitPatch>;

export const ZUnitList = z.object({ items: z.array(ZUnit), nextCursor: z.string().nullable(), total: z.number() });

export const ZHistoryEntry = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;

export const ZScaffoldBody = z.object({
  state: z.string().trim().toUpperCase().regex(/^(S|U)\d{2}$|^ALL$/, 'a state code such as S24, or ALL'),
  wing: ZWingKey.optional(),
});
export const ZScaffoldResult = z.object({
  states: z.number(),
  districts: z.number(),
  assemblies: z.number(),
  booths: z.number(),
});
export type TScaffoldResult = z.infer<typeof ZScaffoldResult>;

export const ZTrailItem = z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string() });
/** A search hit carries the names of its ancestors so two "Rampur" units can be told apart. */
export const ZUnitSearchHit = ZUnit.extend({ trail: z.array(ZTrailItem) });
export type TUnitSearchHit = z.infer<typeof ZUnitSearchHit>;
