/**
 * bench/tree — the unit tree at national size.
 *   npm run bench:tree -- --engine pglite|postgres [--booths 1050000] [--requests 400]
 * Loads the shipped geography, adds synthetic polling stations (150–450 per AC, skewed like real
 * ones), scaffolds every state, then measures over HTTP: children of assembly units and ancestors
 * of booths (p50/p95), and a district subtree count in SQL. Targets: see bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp, createUser, openDatabase, prepareDatabase, scaffoldUnits, systemCtx } from '@samiti/server';
import { sql } from 'kysely';
import pg from 'pg';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const engine = arg('engine', 'pglite') as 'pglite' | 'postgres';
const targetBooths = Number(arg('booths', '1050000'));
const requests = Number(arg('requests', '400'));
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (n: number) => Math.round(n * 100) / 100;
const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};

const open = async () => {
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query('drop database if exists samiti_bench');
    await admin.query('create database samiti_bench');
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = '/samiti_bench';
    return { database: await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 8 }), dir: null };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-bench-'));
  return { database: await openDatabase({ kind: 'pglite', dataDir: dir }), dir };
};

const main = async () => {
  const { database, dir } = await open();
  const db = database.db;
  console.log(`engine ${engine}; preparing schema and geography…`);
  await prepareDatabase(database);
  const ctx = systemCtx(database, 'bench');

  // Synthetic booths: 150 + 300·r^1.7 per AC (r uniform from a hash of the AC code), scaled to the target.
  const acs = await db.selectFrom('geo_area').select('code').where('kind', '=', 'ac').orderBy('code').execute();
  const raw = acs.map((a, i) => {
    let x = 2166136261;
    for (const ch of a.code) x = Math.imul(x ^ ch.charCodeAt(0), 16777619) >>> 0;
    const r = (((x ^ i) >>> 0) % 10000) / 10000;
    return 150 + 300 * r ** 1.7;
  });
  const scale = targetBooths / raw.reduce((s, n) => s + n, 0);
  const counts = raw.map((n) => Math.max(1, Math.round(n * scale)));
  const [, tStations] = await timed(async () => {
    for (let i = 0; i < acs.length; i += 200) {
      const codes = acs.slice(i, i + 200).map((a) => a.code);
      const ns = counts.slice(i, i + 200);
      await sql`insert into polling_station (ac_code, part_number, name, search_key)
        select c.code, g, 'Polling station ' || g, 'poling station ' || g
        from unnest(${codes}::text[], ${ns}::int[]) as c(code, n) cross join lateral generate_series(1, c.n) g`.execute(db);
    }
  });
  const booths = counts.reduce((s, n) => s + n, 0);
  console.log(`polling stations: ${booths} in ${(tStations / 1000).toFixed(1)} s`);

  const [result, tScaffold] = await timed(() => scaffoldUnits(ctx, { state: 'ALL' }));
  console.log(`scaffold: ${JSON.stringify(result)} in ${(tScaffold / 1000).toFixed(1)} s`);
  const [, tAnalyze] = await timed(() => sql`vacuum analyze`.execute(db));

  await createUser(ctx, { username: 'bench', password: 'bench-password', role: 'national-admin' });
  const app = await buildApp({ db, dbKind: database.kind });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const acUnits = (await db.selectFrom('unit').select('id').where('level', '=', 'assembly').execute()).map((u) => u.id);
  const sample = (await sql<{ id: number }>`select id from unit where level = 'booth' order by random() limit ${requests}`.execute(db)).rows.map((r) => r.id);
  const measure = async (urls: string[]) => {
    for (const u of urls.slice(0, 20)) await fetch(base + u, { headers: { cookie } }); // warm-up
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
  const pick = <T>(xs: T[], n: number) => Array.from({ length: n }, (_, i) => xs[(i * 7919) % xs.length] as T);
  const children = await measure(pick(acUnits, requests).map((id) => `/api/v1/units/${id}/children?limit=50`));
  const ancestors = await measure(sample.map((id) => `/api/v1/units/${id}/ancestors`));

  const districts = (await db.selectFrom('unit').select(['id', 'path']).where('level', '=', 'district').execute()).slice(0, 50);
  const counts2: number[] = [];
  for (const d of districts) {
    const [, t] = await timed(() => sql`select count(*) from unit where path >= ${d.path} and path < ${`${d.path}~`} and deleted_at is null`.execute(db));
    counts2.push(t);
  }
  const out = {
    engine,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    booths,
    units: result.states + result.districts + result.assemblies + result.booths + 1,
    pollingStationLoadSeconds: ms(tStations / 1000),
    scaffoldSeconds: ms(tScaffold / 1000),
    vacuumAnalyzeSeconds: ms(tAnalyze / 1000),
    childrenOfAssemblyMs: children,
    ancestorsOfBoothMs: ancestors,
    districtSubtreeCountMs: { p50: ms(pct(counts2, 50)), p95: ms(pct(counts2, 95)), n: counts2.length },
  };
  console.log(JSON.stringify(out, null, 2));
  fs.writeFileSync(path.join(import.meta.dirname, '..', 'results', `tree-${engine}.json`), `${JSON.stringify(out, null, 2)}\n`);
  await app.close();
  await database.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
