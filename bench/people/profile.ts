/**
 * Where an import's time goes, on a database a bench/people run loaded (a trial one, say):
 *   npx tsx bench/people/profile.ts --db samiti_f_small [--rows 40000] [--members] [--cpu]
 * Runs the people/posts import of 4,000 fresh booth committees (or, with --members, the same rows as
 * a members import into a new drive) with every statement timed, and prints the statements'
 * total by kind against the wall-clock time (the rest is JavaScript and waiting).
 */
import { type DB, importMembers, importPeoplePosts, openDatabase, prepareDatabase, systemCtx } from '@samiti/server';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { arg } from '../lib/national';
import { committeeSheet } from './load';

const dbName = arg('db', 'samiti_f_small');
const rowsWanted = Number(arg('rows', '40000'));
const pgUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
pgUrl.pathname = `/${dbName}`;

const main = async () => {
  // Other modules' newer migrations first (their hooks in the import need their tables).
  const migrated = await openDatabase({ kind: 'postgres', url: pgUrl.toString() });
  await prepareDatabase(migrated);
  await migrated.close();
  const types = {
    getTypeParser: (oid: number, f?: 'text' | 'binary') =>
      oid === 20 || oid === 1700 ? Number : oid === 1082 ? (v: string) => v : pg.types.getTypeParser(oid, f),
  };
  const pool = new pg.Pool({ connectionString: pgUrl.toString(), max: 4, types });
  const stats = new Map<string, { n: number; ms: number }>();
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      const text = e.query.sql.replace(/\s+/g, ' ').trim();
      const key = text.slice(0, 70);
      const s = stats.get(key) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += e.queryDurationMillis;
      stats.set(key, s);
    },
  });
  const ctx = systemCtx({ db }, 'bench');
  const booths = (await sql<{ id: number }>`select id from unit where level = 'booth' order by id`.execute(db)).rows.map((r) => r.id);
  const { lines, seed } = await committeeSheet(db, booths, rowsWanted / 10);
  stats.clear();
  const t0 = performance.now();
  let report: unknown;
  if (process.argv.includes('--members')) {
    const root = (await sql<{ id: number }>`select root_unit_id as id from wing where key = 'main'`.execute(db)).rows[0]?.id;
    const { rows } = await sql<{ id: number }>`insert into membership_drive (unit_id, name, starts_on, ends_on)
      values (${root}, ${`Profile drive ${seed}`}, '2026-01-01', '2026-12-31') returning id`.execute(db);
    const driveId = rows[0]?.id as number;
    stats.clear();
    const t1 = performance.now();
    report = await importMembers(
      ctx,
      new TextEncoder().encode(lines.join('\n').replace(/,(president|booth-agent|secretary|whatsapp-in-charge|member),/g, ',')),
      {
        dryRun: false,
        driveId,
        consent: { purpose: 'membership', date: '2026-10-01', method: 'written' },
      },
    );
    console.log('members import ms', Math.round(performance.now() - t1));
  } else {
    report = await importPeoplePosts(ctx, new TextEncoder().encode(lines.join('\n')), {
      dryRun: false,
      consent: { purpose: 'booth committees', date: '2026-10-01', method: 'written' },
    });
  }
  const wall = performance.now() - t0;
  const r = report as { errors: unknown[] };
  if (r.errors.length) console.log('errors', JSON.stringify(r.errors.slice(0, 3)));
  const list = [...stats].sort((a, b) => b[1].ms - a[1].ms);
  const inSql = list.reduce((s, [, v]) => s + v.ms, 0);
  for (const [k, v] of list) console.log(`${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(4)}×  ${k}`);
  console.log(`wall ${wall.toFixed(0)} ms, in SQL ${inSql.toFixed(0)} ms, rows/s ${Math.round(rowsWanted / (wall / 1000))}`);
  await db.destroy();
};
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
