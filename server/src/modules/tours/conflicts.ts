import { TRAVEL_KMH, TRAVEL_MARGIN_MINUTES, type TConflict } from '@samiti/common';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { centroidOfUnit, distanceKm, type TLatLon } from '../geo/distance';

export type TPlannedStop = { id: number | null; unitId: number; startsAt: Date; endsAt: Date };
export type TOtherStop = TPlannedStop & { id: number; tourId: number; tourTitle: string; unitName: string; unitNameHi: string | null };

const MINUTE = 60_000;

/**
 * Minutes the leader needs to get from one unit to the other: road time at TRAVEL_KMH over the
 * straight-line distance between their centroids plus a fixed margin (parking, crowds, a late
 * start). Same unit: nothing. Unknown location: the margin only, since we cannot say more.
 */
export const neededMinutes = (sameUnit: boolean, km: number | null) =>
  sameUnit ? 0 : Math.ceil(TRAVEL_MARGIN_MINUTES + (km === null ? 0 : (km / TRAVEL_KMH) * 60));

/** The conflicts of a planned stop with the leader's other stops: overlaps, and gaps too short to travel. */
export const findConflicts = (stop: TPlannedStop, others: TOtherStop[], distance: (a: number, b: number) => number | null): TConflict[] => {
  const out: TConflict[] = [];
  for (const o of others) {
    if (o.id === stop.id) continue;
    const overlaps = o.startsAt < stop.endsAt && o.endsAt > stop.startsAt;
    const gap = overlaps
      ? 0
      : o.endsAt <= stop.startsAt
        ? stop.startsAt.getTime() - o.endsAt.getTime()
        : o.startsAt.getTime() - stop.endsAt.getTime();
    const km = o.unitId === stop.unitId ? 0 : distance(o.unitId, stop.unitId);
    const needed = neededMinutes(o.unitId === stop.unitId, km);
    const gapMinutes = Math.floor(gap / MINUTE);
    if (!overlaps && gapMinutes >= needed) continue;
    out.push({
      kind: overlaps ? 'overlap' : 'travel',
      stopId: o.id,
      tourId: o.tourId,
      tourTitle: o.tourTitle,
      unitName: o.unitName,
      unitNameHi: o.unitNameHi,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      distanceKm: km === null ? null : Math.round(km),
      neededMinutes: needed,
      gapMinutes,
    });
  }
  return out;
};

/** The longest drive worth checking: 3,000 km at road speed, so stops further apart in time cannot clash. */
const HORIZON_MS = ((3000 / TRAVEL_KMH) * 60 + TRAVEL_MARGIN_MINUTES) * MINUTE;

/** The leader's live stops (any tour) near the planned one, in time order, and the conflicts with them. */
export const checkStopConflicts = async (db: Kysely<DB>, leaderId: number, stop: TPlannedStop): Promise<TConflict[]> => {
  const rows = await db
    .selectFrom('tour_stop as s')
    .innerJoin('tour as t', 't.id', 's.tour_id')
    .innerJoin('unit as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.tour_id', 's.unit_id', 's.starts_at', 's.ends_at', 't.title', 'u.name', 'u.name_hi'])
    .where('s.leader_person_id', '=', leaderId)
    .where('s.cancelled_at', 'is', null)
    .where('t.cancelled_at', 'is', null)
    .where('s.starts_at', '<', new Date(stop.endsAt.getTime() + HORIZON_MS))
    .where('s.starts_at', '>', new Date(stop.startsAt.getTime() - HORIZON_MS - 24 * 3_600_000))
    .orderBy('s.starts_at')
    .limit(200)
    .execute();
  // Only the nearest stop on each side matters for travel; every overlapping one matters.
  const others = rows
    .filter((r) => r.id !== stop.id)
    .map((r) => ({
      id: r.id,
      tourId: r.tour_id,
      tourTitle: r.title,
      unitId: r.unit_id,
      unitName: r.name,
      unitNameHi: r.name_hi,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
    }));
  const before = others.filter((o) => o.endsAt <= stop.startsAt).at(-1);
  const after = others.find((o) => o.startsAt >= stop.endsAt);
  const near = others.filter((o) => o === before || o === after || (o.startsAt < stop.endsAt && o.endsAt > stop.startsAt));
  const points = new Map<number, TLatLon | null>();
  for (const unitId of new Set([stop.unitId, ...near.map((o) => o.unitId)])) points.set(unitId, await centroidOfUnit(db, unitId));
  return findConflicts(stop, near, (a, b) => {
    const pa = points.get(a);
    const pb = points.get(b);
    return pa && pb ? distanceKm(pa, pb) : null;
  });
};
