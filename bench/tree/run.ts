/**
 * bench/tree — the unit tree at national size.
 *   npm run bench:tree -- --engine pglite|postgres [--booths 1050000] [--requests 400]
 * Loads the shipped geography, adds synthetic polling stations (150–450 per AC, skewed like real
 * ones), scaffolds every state, then measures over HTTP: children of assembly units and ancestors
 * of booths (p50/p95), and a district subtree count in SQL. Targets: see bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp, createUser, systemCtx } from '@samiti/server';
import { sql } from 'kysely';
import { arg, buildNationalTree, measureGets, ms, openScratch, pct, saveResults, timed } from '../lib/national';

const engine = arg('engine', 'pglite') as 'pglite' | 'postgres';
const targetBooths = Number(arg('booths', '1050000'));
const requests = Number(arg('requests', '400'));
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const main = async () => {
  const { database, dir } = await openScratch(engine, 'samiti_bench', pgUrl);
  const db = database.db;
  console.log(`engine ${engine}; building the national tree…`);
  const built = await buildNationalTree(database, targetBooths);
  const { booths, scaffold: result } = built;
  const tStations = built.stationSeconds * 1000;
  const tScaffold = built.scaffoldSeconds * 1000;
  console.log(`polling stations: ${booths}; scaffold ${JSON.stringify(result)} in ${built.scaffoldSeconds.toFixed(1)} s`);
  const ctx = systemCtx(database, 'bench');
  const [, tAnalyze] = await timed(() => sql`vacuum analyze`.execute(db));

  await createUser(ctx, { username: 'bench', password: 'bench-password', role: 'national-admin' });
  const app = await buildApp({ db, dbKind: database.kind });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const acUnits = (await db.selectFrom('unit').select('id').where('level', '=', 'assembly').execute()).map((u) => u.id);
  const sample = (await sql<{ id: number }>`select id from unit where level = 'booth' order by random() limit ${requests}`.execute(db)).rows.map((r) => r.id);
  const measure = (urls: string[]) => measureGets(base, cookie, urls);
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
  saveResults('tree', engine, out);
  await app.close();
  await database.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
