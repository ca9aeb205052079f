import type { TGeoKind } from '@samiti/common';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';

export type TResolvedGeo = {
  kind: TGeoKind;
  geoCode: string | null;
  pollingStationId: number | null;
  name: string;
  nameHi: string | null;
  partNumber: number | null;
};

const PS_CODE = /^((?:S|U)\d{2}-AC-\d{1,3})-PS-(\d{1,4})$/;

/** Turns a geography code into the row it names; a code that names nothing is a 400 on `field`. */
export const resolveGeo = async (db: Kysely<DB>, code: string, field = 'geo'): Promise<TResolvedGeo> => {
  const unknown = () => new AppError('VALIDATION', 'UNKNOWN_GEO', { field, params: { code } });
  const ps = PS_CODE.exec(code);
  if (ps) {
    const row = await db
      .selectFrom('polling_station')
      .select(['id', 'name', 'name_hi', 'part_number'])
      .where('ac_code', '=', ps[1] as string)
      .where('part_number', '=', Number(ps[2]))
      .executeTakeFirst();
    if (!row) throw unknown();
    return { kind: 'ps', geoCode: null, pollingStationId: row.id, name: row.name, nameHi: row.name_hi, partNumber: row.part_number };
  }
  const row = await db.selectFrom('geo_area').select(['code', 'kind', 'name', 'name_hi']).where('code', '=', code).executeTakeFirst();
  if (!row) throw unknown();
  return { kind: row.kind, geoCode: row.code, pollingStationId: null, name: row.name, nameHi: row.name_hi, partNumber: null };
};
