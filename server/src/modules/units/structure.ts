import type { TLevel, TWing } from '@samiti/common';

import { searchKey } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertNationalAdmin } from '../auth/policy';

export const listLevels = async (ctx: Pick<TCtx, 'db'>): Promise<TLevel[]> => {
  const rows = await ctx.db.selectFrom('org_level').selectAll().orderBy('rank').execute();
  return rows.map((r) => ({ key: r.key, rank: r.rank, name: r.name, nameHi: r.name_hi, geoKind: r.geo_kind }));
};

/** Adds a level to the party's ladder (e.g. "cluster" between national and state). National admins only. */
export const createLevel = (ctx: TCtx, input: TLevel): Promise<TLevel> =>
  ctx.db.transaction().execute(async (trx) => {
    assertNationalAdmin(ctx.actor);
    const clash = await trx
      .selectFrom('org_level')
      .select('key')
      .where((eb) => eb.or([eb('key', '=', input.key), eb('rank', '=', input.rank)]))
      .executeTakeFirst();
    if (clash) throw new AppError('CONFLICT', 'LEVEL_EXISTS', { params: { level: input.key }, field: 'key' });
    await trx
      .insertInto('org_level')
      .values({ key: input.key, rank: input.rank, name: input.name, name_hi: input.nameHi, geo_kind: input.geoKind })
      .execute();
    await recordAudit(trx, ctx, { action: 'level.create', entityType: 'level', entityId: input.key, after: input });
    return input;
  });

export const listWings = async (ctx: Pick<TCtx, 'db'>): Promise<TWing[]> => {
  const rows = await ctx.db.selectFrom('wing').selectAll().orderBy('created_at').orderBy('key').execute();
  return rows.map((r) => ({ key: r.key, name: r.name, nameHi: r.name_hi, rootUnitId: r.root_unit_id ?? 0 }));
};

/** Creates a wing (a parallel tree) with its national unit. National admins only. */
export const createWing = (
  ctx: TCtx,
  input: { key: string; name: string; nameHi: string; rootName?: string; rootNameHi?: string },
): Promise<TWing> =>
  ctx.db.transaction().execute(async (trx) => {
    assertNationalAdmin(ctx.actor);
    const exists = await trx.selectFrom('wing').select('key').where('key', '=', input.key).executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', 'WING_EXISTS', { params: { wing: input.key }, field: 'key' });
    await trx.insertInto('wing').values({ key: input.key, name: input.name, name_hi: input.nameHi, root_unit_id: null }).execute();
    const { id } = await trx.selectNoFrom(sql<number>`nextval('unit_id_seq')`.as('id')).executeTakeFirstOrThrow();
    await trx
      .insertInto('unit')
      .values({
        id: Number(id),
        parent_id: null,
        wing: input.key,
        level: 'national',
        name: input.rootName ?? input.name,
        name_hi: input.rootNameHi ?? input.nameHi,
        path: `/${id}/`,
        depth: 0,
        sort_key: (input.rootName ?? input.name).toLowerCase(),
        search_key: searchKey(input.rootName ?? input.name, input.rootNameHi ?? input.nameHi),
        geo_code: null,
        polling_station_id: null,
      })
      .execute();
    await trx.updateTable('wing').set({ root_unit_id: Number(id) }).where('key', '=', input.key).execute();
    await recordAudit(trx, ctx, { action: 'wing.create', entityType: 'wing', entityId: input.key, after: { ...input, rootUnitId: id } });
    return { key: input.key, name: input.name, nameHi: input.nameHi, rootUnitId: Number(id) };
  });
