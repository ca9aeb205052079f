import type { TGeoKind, TUnit } from '@samiti/common';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { hasRoleAt } from '../auth/policy';

/** Selects a unit with the names of the geography it links to, ready for `toUnit`. */
export const selectUnits = (db: Kysely<DB>) =>
  db
    .selectFrom('unit as u')
    .leftJoin('geo_area as g', 'g.code', 'u.geo_code')
    .leftJoin('polling_station as ps', 'ps.id', 'u.polling_station_id')
    .select([
      'u.id',
      'u.parent_id',
      'u.wing',
      'u.level',
      'u.name',
      'u.name_hi',
      'u.path',
      'u.depth',
      'u.sort_key',
      'u.geo_code',
      'u.polling_station_id',
      'u.child_count',
      'u.descendant_count',
      'u.deleted_at',
      'u.deletion_id',
      'u.created_at',
      'u.updated_at',
      'g.kind as geo_kind',
      'g.name as geo_name',
      'g.name_hi as geo_name_hi',
      'ps.ac_code as ps_ac_code',
      'ps.part_number as ps_part',
      'ps.name as ps_name',
      'ps.name_hi as ps_name_hi',
    ]);

type TUnitQuery = ReturnType<typeof selectUnits>;
export type TUnitRecord = TUnitQuery extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

export const psCode = (acCode: string, part: number) => `${acCode}-PS-${part}`;

const geoOf = (r: TUnitRecord): TUnit['geo'] => {
  if (r.polling_station_id !== null && r.ps_ac_code && r.ps_part !== null) {
    return { code: psCode(r.ps_ac_code, r.ps_part), kind: 'ps', name: r.ps_name ?? '', nameHi: r.ps_name_hi ?? null };
  }
  if (r.geo_code && r.geo_kind) {
    return { code: r.geo_code, kind: r.geo_kind as TGeoKind, name: r.geo_name ?? '', nameHi: r.geo_name_hi ?? null };
  }
  return null;
};

/** The wire form of a unit, with what `actor` may do to it. */
export const toUnit = (actor: TActor, r: TUnitRecord): TUnit => {
  const isAdmin = hasRoleAt(actor, r.path, 'admin');
  const isDeleted = r.deleted_at !== null;
  const isRoot = r.parent_id === null;
  return {
    id: r.id,
    parentId: r.parent_id,
    wing: r.wing,
    level: r.level,
    name: r.name,
    nameHi: r.name_hi,
    depth: r.depth,
    geo: geoOf(r),
    childCount: r.child_count,
    descendantCount: r.descendant_count,
    deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    actions: {
      canEdit: isAdmin && !isDeleted,
      canCreateChild: isAdmin && !isDeleted,
      canMove: isAdmin && !isDeleted && !isRoot,
      canDelete: isAdmin && !isDeleted && !isRoot,
      canRestore: isAdmin && isDeleted,
    },
  };
};

/** What the audit log keeps of a unit before and after a change. */
export const auditSnapshot = (r: TUnitRecord) => ({
  parentId: r.parent_id,
  wing: r.wing,
  level: r.level,
  name: r.name,
  nameHi: r.name_hi,
  path: r.path,
  geo: r.polling_station_id !== null && r.ps_ac_code && r.ps_part !== null ? psCode(r.ps_ac_code, r.ps_part) : r.geo_code,
  deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
});

/** Ancestor ids of a unit, root first, from its materialised path (excluding the unit itself). */
export const ancestorIds = (path: string): number[] => path.split('/').filter(Boolean).map(Number).slice(0, -1);

export const sortKeyFor = (name: string, part: number | null) =>
  part === null ? name.toLowerCase() : `${String(part).padStart(6, '0')} ${name.toLowerCase()}`;

export const nowSql = sql<Date>`now()`;
