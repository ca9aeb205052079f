/**
 * bench/people — people, posts and members at national size.
 *   npm run bench:people -- --engine postgres|pglite [--members 10000000] [--booths 1050000]
 *                           [--db samiti_bench_people] [--reuse] [--only search,import,enrol] [--rounds 2]
 * Builds the national tree (as bench/tree), loads `members` synthetic people with realistic names
 * in both scripts into booths, then measures (`--only` picks some):
 *  - search: name search p95 (either script, spelling variants) and phone lookup p95 over HTTP;
 *  - import: a 40,000-row people+posts sheet through the product's import (rows/s) vs `\copy` of the
 *    same person rows into the person table itself (rolled back; same indexes, same size, same
 *    foreign key) and into an empty copy of it (PostgreSQL only), alternately `rounds` times;
 *  - enrolment: POST /drives/:id/enrol with wrk, 16 connections on 2 threads, vs pgbench single-row
 *    INSERTs with 16 clients on 2 threads on the same server (PostgreSQL only), alternately `rounds` times.
 * Targets (bench/README.md): import ≥ 50 % of COPY; enrolment ≥ 50 % of pgbench; search p95 ≤ 50 ms; phone p95 ≤ 5 ms.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp, createUser, importPeoplePosts, openDatabase, prepareDatabase, systemCtx } from '@samiti/server';
import { sql } from 'kysely';
import { arg, buildNationalTree, ms, openScratch, pct, saveResults, timed } from '../lib/national';
import { cpuDuring } from './cpu';
import { committeeSheet, loadMembers } from './load';
import { personName } from './names';
import { hasWrk, wrkEnrol, wrkGets } from './wrk';

const engine = arg('engine', 'postgres') as 'pglite' | 'postgres';
const members = Number(arg('members', '10000000'));
const targetBooths = Number(arg('booths', '1050000'));
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// --reuse: measure again on the database a previous run loaded (PostgreSQL), after migrating it.
const reuse = process.argv.includes('--reuse');
// --db: the scratch database's name (a smaller one for trying changes keeps the 10 M one intact).
const dbName = arg('db', 'samiti_bench_people');
const only = new Set(arg('only', 'search,import,enrol').split(','));
const rounds = Number(arg('rounds', '2'));
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const ms3 = (n: number) => Math.round(n * 1000) / 1000;
const loadAverage = () => os.loadavg().map((l) => ms(l));

const openExisting = async () => {
  const u = new URL(pgUrl);
  u.pathname = `/${dbName}`;
  return { database: await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 16 }), dir: null, url: u.toString() };
};

/** Runs a command without blocking this process (the server under test lives here). */
const run = (cmd: string, args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(cmd, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

/** Milliseconds psql's `\timing` gives the one `\copy` of the script (connection start-up not counted). */
const copyMs = async (url: string, script: string) => {
  const file = path.join(os.tmpdir(), `samiti-bench-copy-${process.pid}.sql`);
  fs.writeFileSync(file, script);
  const r = await run('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file]);
  if (r.status !== 0) throw new Error(r.stderr);
  const m = /Time: ([\d.]+) ms/.exec(r.stdout);
  if (!m) throw new Error(`no timing in psql output: ${r.stdout}`);
  return Number(m[1]);
};

const main = async () => {
  const reused = reuse && engine === 'postgres' ? await openExisting() : null;
  const { database, dir, url } = reused ?? (await openScratch(engine, dbName, pgUrl));
  const db = database.db;
  let tree = { booths: 0, scaffoldSeconds: 0 };
  let tLoad = 0;
  let tIndex = 0;
  const boothIds = async () =>
    (await db.selectFrom('unit').select('id').where('level', '=', 'booth').orderBy('id').execute()).map((b) => b.id);
  if (reused) {
    await prepareDatabase(database);
    await sql`vacuum analyze person`.execute(db);
    await sql`analyze tenure`.execute(db);
    await sql`analyze membership`.execute(db);
    log('reusing the loaded database');
  } else {
    log(`engine ${engine}: building the national tree…`);
    tree = await buildNationalTree(database, targetBooths);
    log(`tree: ${tree.booths} booths, scaffold ${tree.scaffoldSeconds.toFixed(1)} s`);
    ({ tLoad, tIndex } = await loadMembers(database, await boothIds(), members, log));
    log(
      `members: ${members} in ${(tLoad / 1000).toFixed(1)} s (${Math.round(members / (tLoad / 1000))} rows/s); search indexes ${(tIndex / 1000).toFixed(1)} s`,
    );
  }
  const booths = await boothIds();

  const ctx = systemCtx(database, 'bench');
  if (!(await db.selectFrom('app_user').select('id').where('username', '=', 'bench').executeTakeFirst()))
    await createUser(ctx, { username: 'bench', password: 'bench-password', role: 'national-admin' });
  const app = await buildApp({ db, dbKind: database.kind });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const out: Record<string, unknown> = {
    engine,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    booths: tree.booths || booths.length,
    members,
    memberLoadRowsPerSecond: tLoad ? Math.round(members / (tLoad / 1000)) : null,
    trigramIndexSeconds: tIndex ? ms(tIndex / 1000) : null,
    loadAverageAtStart: loadAverage(),
  };

  if (only.has('search')) {
    const timeGets = async (urls: string[]) => {
      for (const u of urls.slice(0, 10)) await fetch(base + u, { headers: { cookie } });
      const times: number[] = [];
      for (const u of urls) {
        const t0 = performance.now();
        const res = await fetch(base + u, { headers: { cookie } });
        const body = (await res.json()) as { items?: unknown[] };
        if (res.status !== 200 || !body.items?.length) throw new Error(`${u}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        times.push(performance.now() - t0);
      }
      return { p50: ms(pct(times, 50)), p95: ms(pct(times, 95)), n: times.length };
    };
    // Search: names as typed, in either script or another spelling of the same name.
    const variants = (i: number) => {
      const [en, h] = personName(i);
      return [en, h, en.toLowerCase().replace('mehtab', 'mahtab').replace('chauhan', 'chouhan').replace('ajay', 'ajai')][i % 3] as string;
    };
    out.nameSearchMs = await timeGets(
      Array.from({ length: 300 }, (_, i) => `/api/v1/people?limit=20&q=${encodeURIComponent(variants(i * 37))}`),
    );
    const phoneFormats = (n: number) => [`+91 ${String(n).slice(0, 5)} ${String(n).slice(5)}`, `0${n}`, String(n)];
    const phonePath = (i: number) => {
      const n = 6_000_000_000 + ((i * 104729) % members);
      return `/api/v1/people?q=${encodeURIComponent(phoneFormats(n)[i % 3] as string)}`;
    };
    out.phoneLookupMs = await timeGets(Array.from({ length: 300 }, (_, i) => phonePath(i)));
    log('search', out.nameSearchMs, 'phone', out.phoneLookupMs);
    // The same phone lookups from wrk (one connection, so latency is not queueing; then 16 for throughput).
    const phonePaths = Array.from({ length: 2000 }, (_, i) => phonePath(i));
    out.wrkPhoneLookup = hasWrk()
      ? { c1: await wrkGets(base, cookie, phonePaths, 1, 10), c16: await wrkGets(base, cookie, phonePaths, 16, 10) }
      : null;
    log('wrk phone lookup', out.wrkPhoneLookup ?? 'wrk not installed');
  }

  if (only.has('import')) {
    // Import: 4,000 booth committees (40,000 rows) through the product, and the same person rows by
    // \copy into the person table (rolled back, so the table stays as it was) and into an empty copy
    // of it; alternately, so both see the same load. Fresh booths and numbers on every round.
    const result: {
      importRowsPerSecond: number;
      copyRowsPerSecond: number | null;
      copyEmptyRowsPerSecond: number | null;
      loadAverage: number[];
    }[] = [];
    for (let round = 0; round < rounds; round++) {
      const { lines, copyLines } = await committeeSheet(db, booths);
      const [report, tImport] = await timed(() =>
        importPeoplePosts(ctx, new TextEncoder().encode(lines.join('\n')), {
          dryRun: false,
          consent: { purpose: 'booth committees', date: '2026-10-01', method: 'written' },
        }),
      );
      if (report.errors.length) throw new Error(`import errors: ${JSON.stringify(report.errors.slice(0, 3))}`);
      const importRate = Math.round(40_000 / (tImport / 1000));
      let copyRate: number | null = null;
      let copyEmptyRate: number | null = null;
      if (url) {
        const file = path.join(os.tmpdir(), 'samiti-bench-copy.csv');
        fs.writeFileSync(file, `${copyLines.join('\n')}\n`);
        const columns = 'name, name_hi, phone, home_unit_id, consent_purpose, consent_date, consent_method, search_key';
        const intoPerson = await copyMs(
          url,
          `begin;\n\\timing on\n\\copy person (${columns}) from '${file}' csv\n\\timing off\nrollback;\n`,
        );
        copyRate = Math.round(40_000 / (intoPerson / 1000));
        await sql`drop table if exists bench_copy`.execute(db);
        await sql`create table bench_copy (like person including all)`.execute(db);
        const intoEmpty = await copyMs(url, `\\timing on\n\\copy bench_copy (${columns}) from '${file}' csv\n\\timing off\n`);
        copyEmptyRate = Math.round(40_000 / (intoEmpty / 1000));
        await sql`drop table bench_copy`.execute(db);
      }
      result.push({
        importRowsPerSecond: importRate,
        copyRowsPerSecond: copyRate,
        copyEmptyRowsPerSecond: copyEmptyRate,
        loadAverage: loadAverage(),
      });
      log(`import ${importRate} rows/s vs copy into person ${copyRate} rows/s, into an empty copy ${copyEmptyRate} rows/s`);
    }
    const best = result.reduce((a, b) => (b.importRowsPerSecond > a.importRowsPerSecond ? b : a));
    out.import = result;
    out.importRowsPerSecond = best.importRowsPerSecond;
    out.importVsCopy = result.map((r) => (r.copyRowsPerSecond ? ms(r.importRowsPerSecond / r.copyRowsPerSecond) : null));
    out.importVsCopyIntoEmptyTable = result.map((r) =>
      r.copyEmptyRowsPerSecond ? ms(r.importRowsPerSecond / r.copyEmptyRowsPerSecond) : null,
    );
  }

  if (only.has('enrol')) {
    // Enrolment over HTTP (wrk: 16 connections, 2 threads) vs pgbench single-row INSERT (16 clients,
    // 2 threads), alternately, 15 s each, a new person per request.
    const drive = await fetch(`${base}/api/v1/drives`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Bench drive',
        unitId: (await db.selectFrom('wing').select('root_unit_id').where('key', '=', 'main').executeTakeFirstOrThrow()).root_unit_id,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      }),
    });
    if (drive.status !== 201) throw new Error(`drive: ${drive.status} ${await drive.text()}`);
    const { id } = (await drive.json()) as { id: number };
    if (url) {
      await sql`drop table if exists bench_pgbench`.execute(db);
      await sql`create table bench_pgbench (id bigint generated always as identity primary key, phone text, name text, at timestamptz default now())`.execute(
        db,
      );
    }
    const script = path.join(os.tmpdir(), 'samiti-pgbench.sql');
    fs.writeFileSync(script, "insert into bench_pgbench (phone, name) values ('+91' || (random() * 1e9)::bigint, 'Bench Person');\n");
    type TRound = {
      wrk: Awaited<ReturnType<typeof wrkEnrol>>;
      pgbenchTps: number | null;
      /** CPU ms per request: the server's Node process and its PostgreSQL backends, and pgbench's backends per INSERT. */
      cpuMsPerEnrolment: { node: number; pg: number } | null;
      cpuMsPerPgbenchInsert: number | null;
      loadAverage: number[];
    };
    const result: TRound[] = [];
    const units = booths.filter((_, k) => k % 5 === 0).slice(0, 5000);
    const onLinux = fs.existsSync('/proc/self/stat');
    for (let round = 0; round < rounds; round++) {
      // New phones on every round and run (a --reuse run must enrol new people, not match earlier ones).
      const seen = Number((await sql<{ n: number }>`select count(*)::int as n from membership`.execute(db)).rows[0]?.n ?? 0);
      const w = await cpuDuring(dbName, () => wrkEnrol(base, cookie, id, units, 7_000_000_000 + seen * 3, 16, 15));
      let tps: number | null = null;
      let pgbenchCpu: number | null = null;
      if (url) {
        const r = await cpuDuring(dbName, () => run('pgbench', ['-n', '-c', '16', '-j', '2', '-T', '15', '-f', script, url]));
        const m = /tps = ([\d.]+)/.exec(r.result.stdout);
        const n = /number of transactions actually processed: (\d+)/.exec(r.result.stdout);
        tps = m ? Math.round(Number(m[1])) : null;
        pgbenchCpu = n && onLinux ? ms3(r.pgMs / Number(n[1])) : null;
      }
      const requests = w.result?.requests ?? 0;
      result.push({
        wrk: w.result,
        pgbenchTps: tps,
        cpuMsPerEnrolment: requests && onLinux ? { node: ms3(w.nodeMs / requests), pg: ms3(w.pgMs / requests) } : null,
        cpuMsPerPgbenchInsert: pgbenchCpu,
        loadAverage: loadAverage(),
      });
      const last = result.at(-1) as TRound;
      log(
        `enrol (wrk) ${w.result?.requestsPerSecond} req/s, p95 ${w.result?.p95} ms, errors ${w.result?.errors} vs pgbench ${tps} tps;`,
        `CPU ms per enrolment ${JSON.stringify(last.cpuMsPerEnrolment)} vs per pgbench insert ${last.cpuMsPerPgbenchInsert}`,
      );
    }
    if (url) await sql`drop table bench_pgbench`.execute(db);
    out.enrol = result;
    out.enrolVsPgbench = result.map((r) => (r.wrk && r.pgbenchTps ? ms(r.wrk.requestsPerSecond / r.pgbenchTps) : null));
    // What the ratio would be on a machine both have to themselves: pgbench's CPU per INSERT over ours per enrolment.
    out.enrolVsPgbenchByCpu = result.map((r) =>
      r.cpuMsPerEnrolment && r.cpuMsPerPgbenchInsert
        ? ms(r.cpuMsPerPgbenchInsert / (r.cpuMsPerEnrolment.node + r.cpuMsPerEnrolment.pg))
        : null,
    );
  }

  out.loadAverageAtEnd = loadAverage();
  console.log(JSON.stringify(out, null, 2));
  // Only the full-size database's run is the bench's result; a trial database's run is printed above.
  if (dbName === 'samiti_bench_people' && only.size === 3) saveResults('people', engine, out);
  await app.close();
  await database.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
