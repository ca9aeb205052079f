import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, prepareDatabase, scaffoldUnits, systemCtx } from '@samiti/server';
import { sql } from 'kysely';
import pg from 'pg';

/** A `--name value` argument of the bench command, or the fallback. */
export const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

/** GETs each URL in turn (after a warm-up of the first 20) and gives p50/p95 in ms; any non-200 stops the bench. */
export const measureGets = async (base: string, cookie: string, urls: string[]) => {
  for (const u of urls.slice(0, 20)) await (await fetch(base + u, { headers: { cookie } })).arrayBuffer();
  const times: number[] = [];
  for (const u of urls) {
    const t0 = performance.now();
    const res = await fetch(base + u, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${u}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  return { p50: ms(pct(times, 50)), p95: ms(pct(times, 95)), n: times.length };
};

/** Writes a bench's results to `bench/results/<name>-<engine>.json`. */
export const saveResults = (name: string, engine: string, out: unknown) =>
  fs.writeFileSync(path.join(import.meta.dirname, '..', 'results', `${name}-${engine}.json`), `${JSON.stringify(out, null, 2)}\n`);

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
export const ms = (n: number) => Math.round(n * 100) / 100;
export const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};

/** A fresh scratch database: PostgreSQL `name` (dropped first) or PGlite in a temporary directory. */
export const openScratch = async (engine: 'pglite' | 'postgres', name: string, pgUrl: string) => {
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    return { database: await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 16 }), dir: null, url: u.toString() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  return { database: await openDatabase({ kind: 'pglite', dataDir: dir }), dir, url: null };
};

/**
 * The national tree: the shipped geography, `booths` synthetic polling stations (150–450 per AC,
 * skewed to the low end like real ACs), and every state scaffolded.
 */
export const buildNationalTree = async (database: Awaited<ReturnType<typeof openDatabase>>, booths: number) => {
  await prepareDatabase(database);
  const db = database.db;
  const acs = await db.selectFrom('geo_area').select('code').where('kind', '=', 'ac').orderBy('code').execute();
  const raw = acs.map((a, i) => {
    let x = 2166136261;
    for (const ch of a.code) x = Math.imul(x ^ ch.charCodeAt(0), 16777619) >>> 0;
    const r = (((x ^ i) >>> 0) % 10000) / 10000;
    return 150 + 300 * r ** 1.7;
  });
  const scale = booths / raw.reduce((s, n) => s + n, 0);
  const counts = raw.map((n) => Math.max(1, Math.round(n * scale)));
  const [, tStations] = await timed(async () => {
    for (let i = 0; i < acs.length; i += 200) {
      await sql`insert into polling_station (ac_code, part_number, name, search_key)
        select c.code, g, 'Polling station ' || g, 'poling station ' || g
        from unnest(${acs.slice(i, i + 200).map((a) => a.code)}::text[], ${counts.slice(i, i + 200)}::int[]) as c(code, n)
        cross join lateral generate_series(1, c.n) g`.execute(db);
    }
  });
  const [scaffold, tScaffold] = await timed(() => scaffoldUnits(systemCtx(database, 'bench'), { state: 'ALL' }));
  return { booths: counts.reduce((s, n) => s + n, 0), stationSeconds: tStations / 1000, scaffoldSeconds: tScaffold / 1000, scaffold };
};
