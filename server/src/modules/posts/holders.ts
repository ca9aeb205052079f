import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { pathRangeEnd } from '../auth/policy';

/** Which current office bearers to pick under a unit: by level of their unit and by post. */
export type THolderFilter = {
  /** The materialised path of the unit whose subtree is searched ('/1/23/'). */
  underPath: string;
  /** Include holders of the unit itself, not only of its descendants. */
  includeSelf?: boolean;
  /** Only units of these levels (e.g. ['assembly']); all levels when omitted or empty. */
  levels?: readonly string[];
  /** Only these post keys (e.g. ['president', 'general-secretary']); all posts when omitted or empty. */
  posts?: readonly string[];
};

/**
 * Current post holders in a subtree, one row per current tenure, as a query builder so callers can
 * page it, count it, or feed it to `insert … select` without loading 10^5 rows into Node. Deleted
 * units and deleted or merged people are left out. Meeting invitees, training invitations and
 * directive addressees all start here.
 */
export const selectCurrentHolders = (db: Kysely<DB>, f: THolderFilter) => {
  let q = db
    .selectFrom('tenure as t')
    .innerJoin('unit as u', 'u.id', 't.unit_id')
    .innerJoin('person as p', 'p.id', 't.person_id')
    .where('t.end_date', 'is', null)
    .where('u.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('p.merged_into', 'is', null)
    .where('u.path', f.includeSelf ? '>=' : '>', f.underPath)
    .where('u.path', '<', pathRangeEnd(f.underPath));
  if (f.levels && f.levels.length > 0) q = q.where('u.level', 'in', [...f.levels]);
  if (f.posts && f.posts.length > 0) q = q.where('t.post_key', 'in', [...f.posts]);
  return q.select([
    't.id as tenure_id',
    't.unit_id',
    't.post_key',
    't.person_id',
    'u.path as unit_path',
    'u.level as unit_level',
    'u.name as unit_name',
    'u.name_hi as unit_name_hi',
    'p.name as person_name',
    'p.name_hi as person_name_hi',
  ]);
};

/**
 * Every live unit of `level` under the unit at `underPath`, each with the longest-serving current
 * holder of `post` (null when the post is vacant) — the addressees of a cascade. A query builder, for
 * the same reasons as `selectCurrentHolders`.
 */
export const selectUnitsWithHolder = (db: Kysely<DB>, f: { underPath: string; level: string; post: string }) =>
  db
    .selectFrom('unit as u')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('tenure as t')
          .innerJoin('person as p', 'p.id', 't.person_id')
          .select(['t.id as tenure_id', 't.person_id'])
          .whereRef('t.unit_id', '=', 'u.id')
          .where('t.post_key', '=', f.post)
          .where('t.end_date', 'is', null)
          .where('p.deleted_at', 'is', null)
          .where('p.merged_into', 'is', null)
          .orderBy('t.start_date')
          .orderBy('t.id')
          .limit(1)
          .as('h'),
      (join) => join.on(sql<boolean>`true`),
    )
    .where('u.deleted_at', 'is', null)
    .where('u.level', '=', f.level)
    .where('u.path', '>', f.underPath)
    .where('u.path', '<', pathRangeEnd(f.underPath))
    .select(['u.id as unit_id', 'u.path as unit_path', 'u.name as unit_name', 'u.name_hi as unit_name_hi', 'h.tenure_id', 'h.person_id']);
