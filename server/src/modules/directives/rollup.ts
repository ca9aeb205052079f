import type { TCounts } from '@samiti/common';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';

// One counter row per (directive or circular, unit) for every unit on the chain from the issuer down
// to each addressed unit. A status change moves one count between two state columns on that chain
// (≤ 10 rows, by primary key) in the change's own transaction; the roll-up of a unit's children is
// then one read of `parent_id = unit`, whatever the number of assignments below.

export type TSubject = 'directive' | 'circular';
/** Also 'programme': a programme phase's instances (subject id = phase id), counted by the programmes module. */
export type TCountSubject = TSubject | 'programme';
export type TCounterState = 's_new' | 's_ack' | 's_progress' | 's_done' | 's_declined';

/** The column each item state is counted in. Circular receipts: received → ack, acknowledged → done. */
export const STATE_COLUMN: Record<string, TCounterState> = {
  new: 's_new',
  acknowledged: 's_ack',
  'in-progress': 's_progress',
  done: 's_done',
  declined: 's_declined',
};
export const RECEIPT_COLUMN: Record<string, TCounterState> = { new: 's_new', received: 's_ack', acknowledged: 's_done' };

const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/** Ids from the issuer down to the unit at `unitPath`, both included. */
export const chainBelow = (issuerPath: string, unitPath: string) => pathIds(unitPath).slice(pathIds(issuerPath).length - 1);

/**
 * Builds the counters of a freshly created directive or circular from its items, given as a query
 * of `(unit_id, is_vacant)` rows all in state "new". One statement: every item's chain below the
 * issuer is read from its unit's path, so nothing is loaded into Node.
 */
export const buildCounters = async (
  db: Kysely<DB>,
  s: { subject: TSubject; subjectId: number; issuerId: number; issuerPath: string },
  items: RawBuilder<unknown>,
) => {
  await sql`
    insert into rollup_count (subject, subject_id, unit_id, parent_id, total, vacant, s_new)
    select ${s.subject}, ${s.subjectId}::bigint, c.unit_id, c.parent_id, count(*), count(*) filter (where i.is_vacant), count(*)
    from (${items}) as i (unit_id, is_vacant)
    join unit u on u.id = i.unit_id
    cross join lateral (
      select ${s.issuerId}::bigint as unit_id, null::bigint as parent_id
      union all
      select e.id::bigint, coalesce(lag(e.id) over (order by e.ord), ${String(s.issuerId)})::bigint
      from unnest(string_to_array(trim(both '/' from substr(u.path, ${s.issuerPath.length + 1})), '/')) with ordinality as e (id, ord)
    ) as c
    group by c.unit_id, c.parent_id`.execute(db);
};

/** Moves one item's count from state `from` to `to` on its chain, in the caller's transaction. */
export const moveCount = async (db: Kysely<DB>, subject: TCountSubject, subjectId: number, chain: number[], from: TCounterState, to: TCounterState) => {
  if (from === to || chain.length === 0) return;
  const f = sql.ref(from);
  const t = sql.ref(to);
  await sql`update rollup_count set ${f} = ${f} - 1, ${t} = ${t} + 1
    where subject = ${subject} and subject_id = ${subjectId} and unit_id = any(${chain}::bigint[])`.execute(db);
};

type TCountRow = { total: number; vacant: number; s_new: number; s_ack: number; s_progress: number; s_done: number; s_declined: number };

/** Counters as the API shows them; open items count as overdue once the due date has passed. */
export const toCounts = (r: TCountRow, isPastDue: boolean): TCounts => {
  const n = (v: number | string) => Number(v);
  const open = n(r.s_new) + n(r.s_ack) + n(r.s_progress);
  return {
    total: n(r.total),
    vacant: n(r.vacant),
    new: n(r.s_new),
    acknowledged: n(r.s_ack),
    inProgress: n(r.s_progress),
    done: n(r.s_done),
    declined: n(r.s_declined),
    overdue: isPastDue ? open : 0,
  };
};

export const emptyCounts = (): TCounts => ({ total: 0, vacant: 0, new: 0, acknowledged: 0, inProgress: 0, done: 0, declined: 0, overdue: 0 });

const COUNT_COLUMNS = ['r.total', 'r.vacant', 'r.s_new', 'r.s_ack', 'r.s_progress', 'r.s_done', 'r.s_declined'] as const;

/** The counter row of one unit for a subject, or undefined when the subject does not reach it. */
export const readOwnCounts = (db: Kysely<DB>, subject: TSubject, subjectId: number, unitId: number) =>
  db
    .selectFrom('rollup_count as r')
    .select(COUNT_COLUMNS)
    .where('r.subject', '=', subject)
    .where('r.subject_id', '=', subjectId)
    .where('r.unit_id', '=', unitId)
    .executeTakeFirst();

const encode = (sortKey: string, id: number) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
const decode = (cursor: string): [string, number] => {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isSafeInteger(v[1])) return [v[0], v[1] as number];
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
};

/**
 * The counters of each child of `unitId` that the subject reaches, in the tree's order: one index
 * range read on (subject, subject_id, parent_id), paged by (sort key, id).
 */
export const readChildCounts = async (
  db: Kysely<DB>,
  q: { subject: TCountSubject; subjectId: number; unitId: number; isPastDue: boolean; limit: number; cursor?: string },
) => {
  let qb = db
    .selectFrom('rollup_count as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select(COUNT_COLUMNS)
    .select(['u.id', 'u.name', 'u.name_hi', 'u.level', 'u.sort_key'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('rollup_count as c')
            .select('c.unit_id')
            .whereRef('c.subject', '=', 'r.subject')
            .whereRef('c.subject_id', '=', 'r.subject_id')
            .whereRef('c.parent_id', '=', 'r.unit_id'),
        )
        .as('has_children'),
    )
    .where('r.subject', '=', q.subject)
    .where('r.subject_id', '=', q.subjectId)
    .where('r.parent_id', '=', q.unitId);
  if (q.cursor) {
    const [sortKey, lastId] = decode(q.cursor);
    qb = qb.where((eb) => eb.or([eb('u.sort_key', '>', sortKey), eb.and([eb('u.sort_key', '=', sortKey), eb('u.id', '>', lastId)])]));
  }
  const rows = await qb.orderBy('u.sort_key').orderBy('u.id').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    children: page.map((r) => ({
      unit: { id: r.id, name: r.name, nameHi: r.name_hi, level: r.level },
      counts: toCounts(r, q.isPastDue),
      hasChildren: Boolean(r.has_children),
    })),
    nextCursor: rows.length > q.limit && last ? encode(last.sort_key, last.id) : null,
  };
};
