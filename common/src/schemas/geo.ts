import { z } from 'zod';
import { GEO_KINDS } from '../roles';

/** An area's centroid in degrees (WGS 84); null where no shape is shipped for it (see server/data/SOURCES.md). */
const centroidFields = { lat: z.number().nullable(), lon: z.number().nullable() };

export const ZGeoState = z.object({
  code: z.string(),
  name: z.string(),
  nameHi: z.string().nullable(),
  kind: z.enum(['state', 'ut']),
  pcCount: z.number(),
  acCount: z.number(),
  ...centroidFields,
});
export type TGeoState = z.infer<typeof ZGeoState>;

export const ZGeoPc = z.object({
  code: z.string(),
  stateCode: z.string(),
  number: z.number(),
  name: z.string(),
  nameHi: z.string().nullable(),
  nameHiDerived: z.boolean(),
  reservation: z.string(),
  acCount: z.number(),
  ...centroidFields,
});
export type TGeoPc = z.infer<typeof ZGeoPc>;

export const ZGeoAc = z.object({
  code: z.string(),
  stateCode: z.string(),
  number: z.number(),
  pcNumber: z.number().nullable(),
  name: z.string(),
  nameHi: z.string().nullable(),
  nameHiDerived: z.boolean(),
  reservation: z.string(),
  districts: z.array(z.object({ code: z.string(), name: z.string() })),
  pollingStationCount: z.number(),
  ...centroidFields,
});
export type TGeoAc = z.infer<typeof ZGeoAc>;

/** A link from a unit to the geography it covers. `code` forms: S24, S24-PC-3, S24-AC-12, DIST-133, S24-AC-12-PS-45. */
export const ZGeoRef = z.object({
  code: z.string(),
  kind: z.enum(GEO_KINDS),
  name: z.string(),
  nameHi: z.string().nullable(),
});
export type TGeoRef = z.infer<typeof ZGeoRef>;

export const ZGeoSearchHit = ZGeoRef.extend({
  stateCode: z.string().nullable(),
  score: z.number(),
  ...centroidFields,
});
export type TGeoSearchHit = z.infer<typeof ZGeoSearchHit>;

export const ZGeoCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(S\d{2}|U\d{2})(-(PC|AC)-\d{1,3}(-PS-\d{1,4})?)?$|^DIST-\d{1,6}$/, 'not a geography code (S24, S24-PC-3, S24-AC-12, DIST-133, S24-AC-12-PS-45)');

/** Which map: Lok Sabha constituencies, assembly constituencies, or states/UTs. */
export const GEO_SHAPE_KINDS = ['pc', 'ac', 'state'] as const;
export const ZGeoShapeKind = z.enum(GEO_SHAPE_KINDS);
export type TGeoShapeKind = z.infer<typeof ZGeoShapeKind>;

/** One area of a map: GeoJSON, `properties.code` is our geography code (S24-PC-3). */
export const ZGeoShapeFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: z.string(), stateCode: z.string(), name: z.string(), nameHi: z.string().nullable() }),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))) }),
});
export type TGeoShapeFeature = z.infer<typeof ZGeoShapeFeature>;

export const ZGeoShapes = z.object({ type: z.literal('FeatureCollection'), kind: ZGeoShapeKind, features: z.array(ZGeoShapeFeature) });
export type TGeoShapes = z.infer<typeof ZGeoShapes>;
