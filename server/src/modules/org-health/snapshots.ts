import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { indiaToday, loadFacts } from './facts';
import { evaluate } from './signals';
import { loadThresholds } from './thresholds';

export const HEALTH_SNAPSHOT_QUEUE = 'health-snapshot';
/** Mondays at 02:00 India time. */
export const HEALTH_SNAPSHOT_CRON = '0 2 * * 1';
const BATCH = 500;

/** The Monday of the week `day` falls in. */
export const weekOf = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};

/**
 * One snapshot row per unit above booth level for this week (re-running the same week replaces
 * it): whether it was weak and which signals were. Booths are left out: 10^6 rows a week would
 * outgrow everything else, and a booth's trend is read from its own history.
 */
export const writeHealthSnapshots = async (db: Kysely<DB>, today = indiaToday()) => {
  const week = weekOf(today);
  const thresholds = await loadThresholds(db);
  let after = 0;
  let written = 0;
  for (;;) {
    const ids = (
      await db
        .selectFrom('unit')
        .select('id')
        .where('level', '<>', 'booth')
        .where('deleted_at', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute()
    ).map((u) => Number(u.id));
    if (ids.length === 0) break;
    const rows = (await loadFacts(db, ids, today)).map((f) => evaluate(f, { locale: 'en', today, thresholds }));
    await sql`
      insert into unit_health_snapshot (unit_id, week, is_weak, signals)
      select * from unnest(${rows.map((r) => r.unit.id)}::bigint[], ${rows.map(() => week)}::date[], ${rows.map((r) => r.isWeak)}::boolean[],
        ${rows.map((r) => JSON.stringify(r.signals.filter((s) => s.state === 'weak').map((s) => s.key)))}::jsonb[])
      on conflict (unit_id, week) do update set is_weak = excluded.is_weak, signals = excluded.signals`.execute(db);
    written += rows.length;
    after = ids.at(-1) as number;
  }
  return { week, written };
};
