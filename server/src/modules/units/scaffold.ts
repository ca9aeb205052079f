import type { TScaffoldResult } from '@samiti/common';
import { sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { onUnitsAdded } from '../org-health/aggregates';

const count = async (trx: Transaction<DB>, level: string) => {
  const r = await sql<{ n: number }>`select count(*)::int as n from scaffold_new s join unit u on u.id = s.id where u.level = ${level}`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
};

/**
 * Builds the organisation over the geography in one transaction: a state unit per state, a
 * district unit per district that holds ACs, an assembly unit per AC (under its main district),
 * and a booth unit per imported polling station. Units already linked to the same geography in
 * the wing are kept, so running it again only adds what is missing.
 */
export const scaffoldUnits = (ctx: TCtx, input: { state: string; wing?: string }): Promise<TScaffoldResult> =>
  ctx.db.transaction().execute(async (trx) => {
    const wing = input.wing ?? 'main';
    const w = await trx
      .selectFrom('wing as w')
      .innerJoin('unit as r', 'r.id', 'w.root_unit_id')
      .select(['w.key', 'r.id', 'r.path'])
      .where('w.key', '=', wing)
      .executeTakeFirst();
    if (!w) throw new AppError('VALIDATION', 'UNKNOWN_WING', { field: 'wing', params: { wing } });
    const stateCodes =
      input.state === 'ALL'
        ? (await trx.selectFrom('geo_area').select('code').where('kind', '=', 'state').execute()).map((s) => s.code)
        : [input.state];
    if (input.state !== 'ALL') {
      const exists = await trx.selectFrom('geo_area').select('code').where('code', '=', input.state).where('kind', '=', 'state').executeTakeFirst();
      if (!exists) throw new AppError('VALIDATION', 'UNKNOWN_STATE', { field: 'state', params: { code: input.state } });
    }
    // Scaffolding a whole state is an admin's job at the top of the wing (or over that state's unit).
    const stateUnit =
      input.state === 'ALL'
        ? null
        : await trx.selectFrom('unit').select('path').where('wing', '=', wing).where('geo_code', '=', input.state).where('deleted_at', 'is', null).executeTakeFirst();
    assertRoleAt(ctx.actor, stateUnit?.path ?? w.path, 'admin', () => new AppError('NOT_FOUND', 'NOT_FOUND'));

    await sql`create temp table if not exists scaffold_new (id bigint primary key) on commit drop`.execute(trx);
    await sql`truncate scaffold_new`.execute(trx);
    const codes = sql.join(stateCodes.map((c) => sql`${c}`));

    // States under the wing's national unit.
    await sql`with src as (
        select nextval('unit_id_seq') as id, g.* from geo_area g
        where g.kind = 'state' and g.code in (${codes})
          and not exists (select 1 from unit e where e.geo_code = g.code and e.wing = ${wing} and e.deleted_at is null)
      ), ins as (
        insert into unit (id, parent_id, wing, level, name, name_hi, path, depth, sort_key, search_key, geo_code)
        select s.id, ${w.id}, ${wing}, 'state', s.name, s.name_hi, ${w.path} || s.id || '/', 1, lower(s.name), s.search_key, s.code
        from src s on conflict do nothing returning id)
      insert into scaffold_new select id from ins`.execute(trx);

    // Districts that hold at least one AC as their main district, under their state's unit.
    await sql`with d as (
        select distinct dist.code, dist.name, dist.name_hi, dist.search_key, ac.state_code
        from geo_area ac join geo_ac_district ad on ad.ac_code = ac.code and ad.ordinal = 0
        join geo_area dist on dist.code = ad.district_code
        where ac.kind = 'ac' and ac.state_code in (${codes})
      ), src as (
        select nextval('unit_id_seq') as id, d.*, su.id as parent_id, su.path as parent_path, su.depth as parent_depth
        from d join unit su on su.geo_code = d.state_code and su.wing = ${wing} and su.deleted_at is null
        where not exists (select 1 from unit e where e.geo_code = d.code and e.wing = ${wing} and e.deleted_at is null)
      ), ins as (
        insert into unit (id, parent_id, wing, level, name, name_hi, path, depth, sort_key, search_key, geo_code)
        select id, parent_id, ${wing}, 'district', name, name_hi, parent_path || id || '/', parent_depth + 1, lower(name), search_key, code
        from src on conflict do nothing returning id)
      insert into scaffold_new select id from ins`.execute(trx);

    // Assembly units under their main district's unit (or the state's, where no district is known).
    await sql`with a as (
        select ac.code, ac.name, ac.name_hi, ac.search_key, ac.state_code, ad.district_code
        from geo_area ac left join geo_ac_district ad on ad.ac_code = ac.code and ad.ordinal = 0
        where ac.kind = 'ac' and ac.state_code in (${codes})
          and not exists (select 1 from unit e where e.geo_code = ac.code and e.wing = ${wing} and e.deleted_at is null)
      ), src as (
        select nextval('unit_id_seq') as id, a.*, p.id as parent_id, p.path as parent_path, p.depth as parent_depth
        from a join lateral (
          select u.id, u.path, u.depth from unit u
          where u.wing = ${wing} and u.deleted_at is null and u.geo_code in (a.district_code, a.state_code)
          order by u.depth desc limit 1) p on true
      ), ins as (
        insert into unit (id, parent_id, wing, level, name, name_hi, path, depth, sort_key, search_key, geo_code)
        select id, parent_id, ${wing}, 'assembly', name, name_hi, parent_path || id || '/', parent_depth + 1, lower(name), search_key, code
        from src on conflict do nothing returning id)
      insert into scaffold_new select id from ins`.execute(trx);

    // One booth unit per polling station, under its AC's assembly unit.
    await sql`with src as (
        select nextval('unit_id_seq') as id, ps.id as ps_id, ps.part_number, ps.name, ps.name_hi, ps.search_key,
               au.id as parent_id, au.path as parent_path, au.depth as parent_depth
        from unit au join polling_station ps on ps.ac_code = au.geo_code
        where au.wing = ${wing} and au.deleted_at is null and au.level = 'assembly'
          and au.geo_code in (select code from geo_area where kind = 'ac' and state_code in (${codes}))
          and not exists (select 1 from unit e where e.polling_station_id = ps.id and e.wing = ${wing} and e.deleted_at is null)
      ), ins as (
        insert into unit (id, parent_id, wing, level, name, name_hi, path, depth, sort_key, search_key, polling_station_id)
        select id, parent_id, ${wing}, 'booth', 'Booth ' || part_number || ' - ' || name,
               'बूथ ' || part_number || ' - ' || coalesce(name_hi, name),
               parent_path || id || '/', parent_depth + 1, lpad(part_number::text, 6, '0') || ' ' || lower(name), search_key, ps_id
        from src on conflict do nothing returning id)
      insert into scaffold_new select id from ins`.execute(trx);

    // Counts: every new unit adds one to each ancestor's descendants and one to its parent's children.
    await sql`update unit u set descendant_count = u.descendant_count + d.n
      from (select a.anc::bigint as id, count(*)::int as n
            from scaffold_new s join unit x on x.id = s.id
            cross join lateral unnest(string_to_array(trim(both '/' from x.path), '/')) as a(anc)
            where a.anc::bigint <> x.id group by a.anc) d
      where u.id = d.id`.execute(trx);
    await onUnitsAdded(trx, sql`select id from scaffold_new`);
    await sql`update unit u set child_count = u.child_count + d.n
      from (select x.parent_id as id, count(*)::int as n from scaffold_new s join unit x on x.id = s.id group by x.parent_id) d
      where u.id = d.id`.execute(trx);

    await sql`insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, after, request_id)
      select ${ctx.actor.userId > 0 ? ctx.actor.userId : null}, ${ctx.actor.username}, 'unit.create', 'unit', u.id::text,
             jsonb_build_object('parentId', u.parent_id, 'level', u.level, 'name', u.name, 'nameHi', u.name_hi, 'path', u.path,
                                'geo', u.geo_code, 'pollingStationId', u.polling_station_id, 'via', 'scaffold'),
             ${ctx.requestId}
      from scaffold_new s join unit u on u.id = s.id`.execute(trx);

    const result: TScaffoldResult = {
      states: await count(trx, 'state'),
      districts: await count(trx, 'district'),
      assemblies: await count(trx, 'assembly'),
      booths: await count(trx, 'booth'),
    };
    await recordAudit(trx, ctx, { action: 'units.scaffold', entityType: 'wing', entityId: wing, after: { state: input.state, ...result } });
    return result;
  });
