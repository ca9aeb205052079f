import fs from 'node:fs';
import path from 'node:path';
import { searchKey, toDevanagari } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { DB } from './types';

export const GEO_FILE = path.resolve(import.meta.dirname, '../../data/geo-india.json');
export const CENTROIDS_FILE = path.resolve(import.meta.dirname, '../../data/centroids.json');

type TGeoFile = {
  version: number;
  states: { code: string; name: string; nameHi: string | null; kind: 'state' | 'ut'; lgdCode: number | null; census2011: string | null }[];
  districts: { code: string; lgdCode: number; stateCode: string; name: string; census2011: string | null }[];
  pcs: { stateCode: string; number: number; name: string; nameHi: string | null; reservation: string }[];
  acs: {
    stateCode: string;
    number: number;
    pcNumber: number;
    name: string;
    nameHi: string | null;
    nameHiSource: string | null;
    reservation: string;
    districts: string[];
  }[];
};

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Loads the shipped geography (states, districts, PCs, ACs) once. ACs without a Hindi name in any
 * source get one transliterated by the product, marked `name_hi_derived`.
 */
export const seedGeography = async (db: Kysely<DB>, file = GEO_FILE): Promise<boolean> => {
  const present = await db.selectFrom('geo_area').select('code').limit(1).executeTakeFirst();
  if (present) {
    await seedCentroids(db);
    return false;
  }
  const geo = JSON.parse(fs.readFileSync(file, 'utf8')) as TGeoFile;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('geo_area')
      .values(
        geo.states.map((s) => ({
          code: s.code,
          kind: 'state' as const,
          state_code: null,
          number: null,
          pc_code: null,
          name: s.name,
          name_hi: s.nameHi,
          is_ut: s.kind === 'ut',
          reservation: null,
          lgd_code: s.lgdCode,
          census2011: s.census2011,
          search_key: searchKey(s.name, s.nameHi),
        })),
      )
      .execute();
    for (const batch of chunks(geo.districts, 500)) {
      await trx
        .insertInto('geo_area')
        .values(
          batch.map((d) => ({
            code: d.code,
            kind: 'district' as const,
            state_code: d.stateCode,
            number: null,
            pc_code: null,
            name: d.name,
            name_hi: toDevanagari(d.name),
            name_hi_derived: true,
            reservation: null,
            lgd_code: d.lgdCode,
            census2011: d.census2011,
            search_key: searchKey(d.name),
          })),
        )
        .execute();
    }
    for (const batch of chunks(geo.pcs, 500)) {
      await trx
        .insertInto('geo_area')
        .values(
          batch.map((p) => ({
            code: `${p.stateCode}-PC-${p.number}`,
            kind: 'pc' as const,
            state_code: p.stateCode,
            number: p.number,
            pc_code: null,
            name: p.name,
            name_hi: p.nameHi,
            reservation: p.reservation,
            lgd_code: null,
            census2011: null,
            search_key: searchKey(p.name, p.nameHi),
          })),
        )
        .execute();
    }
    for (const batch of chunks(geo.acs, 500)) {
      await trx
        .insertInto('geo_area')
        .values(
          batch.map((a) => {
            const nameHi = a.nameHi ?? toDevanagari(a.name);
            return {
              code: `${a.stateCode}-AC-${a.number}`,
              kind: 'ac' as const,
              state_code: a.stateCode,
              number: a.number,
              pc_code: `${a.stateCode}-PC-${a.pcNumber}`,
              name: a.name,
              name_hi: nameHi,
              name_hi_derived: a.nameHi === null,
              reservation: a.reservation,
              lgd_code: null,
              census2011: null,
              search_key: searchKey(a.name, a.nameHi),
            };
          }),
        )
        .execute();
    }
    const links = geo.acs.flatMap((a) =>
      a.districts.map((d, i) => ({ ac_code: `${a.stateCode}-AC-${a.number}`, district_code: d, ordinal: i })),
    );
    for (const batch of chunks(links, 1000)) await trx.insertInto('geo_ac_district').values(batch).execute();
  });
  await seedCentroids(db);
  await sql`analyze geo_area`.execute(db);
  return true;
};

type TCentroidFile = { items: { code: string; lat: number; lon: number }[] };

/**
 * Sets each area's centroid from the shipped file where it differs from the stored one: a database
 * seeded before migration 0015, or a rebuilt file, is brought up to date; a current one is left alone.
 * Returns the number of rows changed.
 */
export const seedCentroids = async (db: Kysely<DB>, file = CENTROIDS_FILE): Promise<number> => {
  const { items } = JSON.parse(fs.readFileSync(file, 'utf8')) as TCentroidFile;
  let changed = 0;
  for (const batch of chunks(items, 1000)) {
    const values = sql.join(batch.map((c) => sql`(${c.code}::text, ${c.lat}::float8, ${c.lon}::float8)`));
    const res = await sql`update geo_area g set lat = v.lat, lon = v.lon
      from (values ${values}) as v (code, lat, lon)
      where g.code = v.code and (g.lat is distinct from v.lat or g.lon is distinct from v.lon)`.execute(db);
    changed += Number(res.numAffectedRows ?? 0);
  }
  return changed;
};
