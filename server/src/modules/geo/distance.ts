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

/**
 * Where a unit is on the map: its own geography link (a booth's polling station coordinates, else
 * the centroid of the area it covers, else its polling station's AC), else the nearest ancestor's.
 * Null when neither the unit nor any ancestor is linked to geography with a known point, or the
 * unit does not exist. One query whatever the depth.
 */
export const centroidOfUnit = async (db: Kysely<DB>, unitId: number): Promise<TUnitCentroid | null> => {
  const unit = await db.selectFrom('unit').select('path').where('id', '=', unitId).executeTakeFirst();
  if (!unit) return null;
  const ids = unit.path
    .split('/')
    .filter((s) => s !== '')
    .map(Number);
  if (ids.length === 0) return null;
  const rows = await db
    .selectFrom('unit as u')
    .leftJoin('polling_station as ps', 'ps.id', 'u.polling_station_id')
    .leftJoin('geo_area as psac', 'psac.code', 'ps.ac_code')
    .leftJoin('geo_area as g', 'g.code', 'u.geo_code')
    .select(['u.id', 'u.depth', 'ps.lat as ps_lat', 'ps.lon as ps_lon', 'g.code as g_code', 'g.lat as g_lat', 'g.lon as g_lon'])
    .select(['psac.code as ac_code', 'psac.lat as ac_lat', 'psac.lon as ac_lon'])
    .where('u.id', 'in', ids)
    .orderBy('u.depth', 'desc')
    .execute();
  for (const r of rows) {
    if (r.ps_lat != null && r.ps_lon != null) return { lat: r.ps_lat, lon: r.ps_lon, fromUnitId: r.id, source: 'polling-station', code: null };
    if (r.g_lat != null && r.g_lon != null) return { lat: r.g_lat, lon: r.g_lon, fromUnitId: r.id, source: 'area', code: r.g_code };
    if (r.ac_lat != null && r.ac_lon != null) return { lat: r.ac_lat, lon: r.ac_lon, fromUnitId: r.id, source: 'area', code: r.ac_code };
  }
  return null;
};
