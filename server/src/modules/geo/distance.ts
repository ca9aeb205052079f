import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';

export type TLatLon = { lat: number; lon: number };

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle ("as the crow flies") distance in km between two points, by the haversine formula. */
export const distanceKm = (a: TLatLon, b: TLatLon): number => {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
};

export type TUnitCentroid = TLatLon & {
  /** The unit whose geography gave the point: the unit itself or its nearest ancestor with one. */
  fromUnitId: number;
  /** Where the point comes from: a polling station's own coordinates, or a geography area's centroid. */
  source: 'polling-station' | 'area';
  /** The area's code (S24-AC-14) when `source` is 'area'. */
  code: string | null;
};

/** The point a unit's own geography link gives, if any: polling station, then area, then the station's AC. */
type TOwnPoint = Omit<TUnitCentroid, 'fromUnitId'>;

/**
 * Where units are on the map, for many at once (a tour's stops): each unit's own geography link
 * (a booth's polling station coordinates, else the centroid of the area it covers, else its
 * polling station's AC), else the nearest ancestor's. A unit maps to null when neither it nor any
 * ancestor has a known point, or it does not exist. Two queries whatever the number and depth.
 */
export const centroidsOfUnits = async (db: Kysely<DB>, unitIds: number[]): Promise<Map<number, TUnitCentroid | null>> => {
  const out = new Map<number, TUnitCentroid | null>(unitIds.map((id) => [id, null]));
  if (unitIds.length === 0) return out;
  const units = await db.selectFrom('unit').select(['id', 'path']).where('id', 'in', [...new Set(unitIds)]).execute();
  const chains = new Map(
    units.map((u) => [
      u.id,
      u.path
        .split('/')
        .filter((s) => s !== '')
        .map(Number)
        .reverse(),
    ]),
  );
  const ancestors = [...new Set([...chains.values()].flat())];
  if (ancestors.length === 0) return out;
  const rows = await db
    .selectFrom('unit as u')
    .leftJoin('polling_station as ps', 'ps.id', 'u.polling_station_id')
    .leftJoin('geo_area as psac', 'psac.code', 'ps.ac_code')
    .leftJoin('geo_area as g', 'g.code', 'u.geo_code')
    .select(['u.id', 'ps.lat as ps_lat', 'ps.lon as ps_lon', 'g.code as g_code', 'g.lat as g_lat', 'g.lon as g_lon'])
    .select(['psac.code as ac_code', 'psac.lat as ac_lat', 'psac.lon as ac_lon'])
    .where('u.id', 'in', ancestors)
    .execute();
  const own = new Map<number, TOwnPoint>();
  for (const r of rows) {
    if (r.ps_lat != null && r.ps_lon != null) own.set(r.id, { lat: r.ps_lat, lon: r.ps_lon, source: 'polling-station', code: null });
    else if (r.g_lat != null && r.g_lon != null) own.set(r.id, { lat: r.g_lat, lon: r.g_lon, source: 'area', code: r.g_code });
    else if (r.ac_lat != null && r.ac_lon != null) own.set(r.id, { lat: r.ac_lat, lon: r.ac_lon, source: 'area', code: r.ac_code });
  }
  for (const [id, chain] of chains) {
    const from = chain.find((a) => own.has(a));
    const point = from === undefined ? undefined : own.get(from);
    if (from !== undefined && point) out.set(id, { ...point, fromUnitId: from });
  }
  return out;
};

/** `centroidsOfUnits` for one unit. */
export const centroidOfUnit = async (db: Kysely<DB>, unitId: number): Promise<TUnitCentroid | null> =>
  (await centroidsOfUnits(db, [unitId])).get(unitId) ?? null;
