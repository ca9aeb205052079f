import { phoneticKey, type TGeoAc, type TGeoPc, type TGeoSearchHit, type TGeoState } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';

type TDb = { db: Kysely<DB> };

export const listStates = async ({ db }: TDb): Promise<TGeoState[]> => {
  const rows = await db
    .selectFrom('geo_area as s')
    .select(['s.code', 's.name', 's.name_hi', 's.is_ut', 's.lat', 's.lon'])
    .select((eb) => [
      eb.selectFrom('geo_area as p').whereRef('p.state_code', '=', 's.code').where('p.kind', '=', 'pc').select(eb.fn.countAll<number>().as('n')).as('pcs'),
      eb.selectFrom('geo_area as a').whereRef('a.state_code', '=', 's.code').where('a.kind', '=', 'ac').select(eb.fn.countAll<number>().as('n')).as('acs'),
    ])
    .where('s.kind', '=', 'state')
    .orderBy('s.name')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameHi: r.name_hi,
    kind: r.is_ut ? 'ut' : 'state',
    pcCount: Number(r.pcs ?? 0),
    acCount: Number(r.acs ?? 0),
    lat: r.lat,
    lon: r.lon,
  }));
};

export const stateExists = async ({ db }: TDb, code: string) =>
  Boolean(await db.selectFrom('geo_area').select('code').where('code', '=', code).where('kind', '=', 'state').executeTakeFirst());

export const listPcs = async ({ db }: TDb, state: string): Promise<TGeoPc[]> => {
  const rows = await db
    .selectFrom('geo_area as p')
    .select(['p.code', 'p.state_code', 'p.number', 'p.name', 'p.name_hi', 'p.name_hi_derived', 'p.reservation', 'p.lat', 'p.lon'])
    .select((eb) =>
      eb.selectFrom('geo_area as a').whereRef('a.pc_code', '=', 'p.code').select(eb.fn.countAll<number>().as('n')).as('acs'),
    )
    .where('p.kind', '=', 'pc')
    .where('p.state_code', '=', state)
    .orderBy('p.number')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    stateCode: r.state_code ?? '',
    number: r.number ?? 0,
    name: r.name,
    nameHi: r.name_hi,
    nameHiDerived: r.name_hi_derived,
    reservation: r.reservation ?? 'GEN',
    acCount: Number(r.acs ?? 0),
    lat: r.lat,
    lon: r.lon,
  }));
};

export const listAcs = async ({ db }: TDb, state: string, pc?: number): Promise<TGeoAc[]> => {
  let q = db
    .selectFrom('geo_area as a')
    .leftJoin('geo_area as p', 'p.code', 'a.pc_code')
    .select(['a.code', 'a.state_code', 'a.number', 'p.number as pc_number', 'a.name', 'a.name_hi', 'a.name_hi_derived', 'a.reservation'])
    .select(['a.lat', 'a.lon'])
    .select((eb) => [
      eb.selectFrom('polling_station as ps').whereRef('ps.ac_code', '=', 'a.code').select(eb.fn.countAll<number>().as('n')).as('ps'),
      sql<{ code: string; name: string }[]>`coalesce((select json_agg(json_build_object('code', d.code, 'name', d.name) order by ad.ordinal)
        from geo_ac_district ad join geo_area d on d.code = ad.district_code where ad.ac_code = a.code), '[]'::json)`.as('districts'),
    ])
    .where('a.kind', '=', 'ac')
    .where('a.state_code', '=', state);
  if (pc !== undefined) q = q.where('p.number', '=', pc);
  const rows = await q.orderBy('a.number').execute();
  return rows.map((r) => ({
    code: r.code,
    stateCode: r.state_code ?? '',
    number: r.number ?? 0,
    pcNumber: r.pc_number ?? null,
    name: r.name,
    nameHi: r.name_hi,
    nameHiDerived: r.name_hi_derived,
    reservation: r.reservation ?? 'GEN',
    districts: r.districts,
    pollingStationCount: Number(r.ps ?? 0),
    lat: r.lat,
    lon: r.lon,
  }));
};

/** States, PCs, ACs and districts whose name in either script matches `q`, best first. */
export const searchGeo = async ({ db }: TDb, q: string, limit = 20): Promise<TGeoSearchHit[]> => {
  const key = phoneticKey(q);
  if (!key) return [];
  const rows = await db
    .selectFrom('geo_area')
    .select(['code', 'kind', 'name', 'name_hi', 'state_code', 'lat', 'lon'])
    .select(sql<number>`similarity(search_key, ${key})`.as('score'))
    .where(sql<boolean>`(search_key like ${`%${key}%`} or search_key % ${key})`)
    .orderBy('score', 'desc')
    .orderBy('kind')
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind,
    name: r.name,
    nameHi: r.name_hi,
    stateCode: r.kind === 'state' ? r.code : r.state_code,
    score: Math.round(Number(r.score) * 1000) / 1000,
    lat: r.lat,
    lon: r.lon,
  }));
};
