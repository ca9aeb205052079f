/**
 * bench/people — people, posts and members at national size.
 *   npm run bench:people -- --engine postgres|pglite [--members 10000000] [--booths 1050000]
 * Builds the national tree (as bench/tree), loads `members` synthetic people with realistic names
 * in both scripts into booths, then measures:
 *  - import: a 40,000-row people+posts sheet through the product's import (rows/s) vs `\copy` of
 *    the same rows into a copy of the person table with the same indexes (PostgreSQL only);
 *  - enrolment: POST /drives/:id/enrol, 16 concurrent clients on loopback, vs pgbench single-row
 *    INSERT TPS with 16 clients on the same server (PostgreSQL only);
 *  - name search p95 (either script, spelling variants) and phone lookup p95 over HTTP.
 * Targets (bench/README.md): import ≥ 50 % of COPY; enrolment ≥ 50 % of pgbench; search p95 ≤ 50 ms; phone p95 ≤ 5 ms.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { searchKey } from '@samiti/common';
import { buildApp, createUser, importPeoplePosts, openDatabase, prepareDatabase, systemCtx } from '@samiti/server';
import { sql } from 'kysely';
import { arg, buildNationalTree, ms, openScratch, pct, saveResults, timed } from '../lib/national';
import { personName } from './names';
import { hasWrk, wrkEnrol, wrkGets } from './wrk';

const engine = arg('engine', 'postgres') as 'pglite' | 'postgres';
const members = Number(arg('members', '10000000'));
const targetBooths = Number(arg('booths', '1050000'));
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// --reuse: measure again on the database a previous run loaded (PostgreSQL), after migrating it.
const reuse = process.argv.includes('--reuse');
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);

const openExisting = async () => {
  const u = new URL(pgUrl);
  u.pathname = '/samiti_bench_people';
  return { database: await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 16 }), dir: null, url: u.toString() };
};

const main = async () => {
  const reused = reuse && engine === 'postgres' ? await openExisting() : null;
  const { database, dir, url } = reused ?? (await openScratch(engine, 'samiti_bench_people', pgUrl));
  const db = database.db;
  let tree = { booths: 0, scaffoldSeconds: 0 };
  let tLoad = 0;
  let tIndex = 0;
  const boothIds = async () => (await db.selectFrom('unit').select('id').where('level', '=', 'booth').orderBy('id').execute()).map((b) => b.id);
  if (reused) {
    await prepareDatabase(database);
    await sql`vacuum analyze person`.execute(db);
    log('reusing the loaded database');
  } else {
    log(`engine ${engine}: building the national tree…`);
    tree = await buildNationalTree(database, targetBooths);
    log(`tree: ${tree.booths} booths, scaffold ${tree.scaffoldSeconds.toFixed(1)} s`);
    const booths = await boothIds();

    // Bulk load without the trigram index, then build it (as an office would after a first migration).
    await sql`drop index person_search_idx`.execute(db);
    await sql`drop index person_search_prefix_idx`.execute(db);
    const BATCH = 20_000;
    [, tLoad] = await timed(async () => {
      for (let start = 0; start < members; start += BATCH) {
        const n = Math.min(BATCH, members - start);
        const names: string[] = [];
        const hi: string[] = [];
        const phones: string[] = [];
        const homes: number[] = [];
        const keys: string[] = [];
        for (let k = 0; k < n; k++) {
          const i = start + k;
          const [en, h] = personName(i);
          names.push(en);
          hi.push(h);
          phones.push(`+91${6_000_000_000 + i}`);
          homes.push(booths[(i * 7919) % booths.length] as number);
          keys.push(searchKey(en, h));
        }
        await sql`insert into person (name, name_hi, phone, home_unit_id, consent_purpose, consent_date, consent_method, search_key)
        select n, h, p, u, 'membership', '2026-01-01'::date, 'online', k
        from unnest(${names}::text[], ${hi}::text[], ${phones}::text[], ${homes}::bigint[], ${keys}::text[]) as x(n, h, p, u, k)`.execute(
          db,
        );
        if ((start / BATCH) % 50 === 0) log(`  loaded ${start + n}`);
      }
    });
    [, tIndex] = await timed(async () => {
      await sql`create index person_search_idx on person using gist (search_key gist_trgm_ops)`.execute(db);
      await sql`create index person_search_prefix_idx on person (search_key text_pattern_ops) where deleted_at is null`.execute(db);
    });
    await sql`vacuum analyze person`.execute(db);
    log(
      `members: ${members} in ${(tLoad / 1000).toFixed(1)} s (${Math.round(members / (tLoad / 1000))} rows/s); search indexes ${(tIndex / 1000).toFixed(1)} s`,
    );
  }
  const booths = await boothIds();

  const ctx = systemCtx(database, 'bench');
  if (!reused) await createUser(ctx, { username: 'bench', password: 'bench-password', role: 'national-admin' });
  const app = await buildApp({ db, dbKind: database.kind });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
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
  const nameSearch = await timeGets(
    Array.from({ length: 300 }, (_, i) => `/api/v1/people?limit=20&q=${encodeURIComponent(variants(i * 37))}`),
  );
  const phoneFormats = (n: number) => [`+91 ${String(n).slice(0, 5)} ${String(n).slice(5)}`, `0${n}`, String(n)];
  const phoneLookup = await timeGets(
    Array.from({ length: 300 }, (_, i) => {
      const n = 6_000_000_000 + ((i * 104729) % members);
      return `/api/v1/people?q=${encodeURIComponent(phoneFormats(n)[i % 3] as string)}`;
    }),
  );
  log('search', nameSearch, 'phone', phoneLookup);
  // The same phone lookups from wrk (one connection, so latency is not queueing; then 16 for throughput).
  const phonePaths = Array.from({ length: 2000 }, (_, i) => {
    const n = 6_000_000_000 + ((i * 104729) % members);
    return `/api/v1/people?q=${encodeURIComponent(phoneFormats(n)[i % 3] as string)}`;
  });
  const wrkPhone = hasWrk() ? { c1: await wrkGets(base, cookie, phonePaths, 1, 10), c16: await wrkGets(base, cookie, phonePaths, 16, 10) } : null;
  log('wrk phone lookup', wrkPhone ?? 'wrk not installed');

  // Import: 4,000 booth committees (40,000 rows) through the product, and the same rows by \copy.
  // Fresh booths and numbers on every run, so a --reuse run imports new rows rather than matching old ones.
  const runSeed = Number(await db.selectFrom('tenure').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => r.n));
  const firstBooth = Math.floor(runSeed / 10) % Math.max(1, booths.length - 4000);
  const committeeBooths = booths.slice(firstBooth, firstBooth + 4000);
  const POSTS = ['president', 'booth-agent', 'secretary', 'whatsapp-in-charge', 'member', 'member', 'member', 'member', 'member', 'member'];
  const lines = ['unit id,post,name,hindi name,mobile'];
  const copyLines: string[] = [];
  let p = 0;
  for (const b of committeeBooths) {
    for (const post of POSTS) {
      const [en, h] = personName(++p);
      const phone = 8_000_000_000 + runSeed * 2 + p;
      lines.push(`${b},${post},${en},${h},${phone}`);
      copyLines.push([en, h, `+91${phone + 40_000}`, b, 'membership', '2026-01-01', 'online', searchKey(en, h)].join(','));
    }
  }
  const [report, tImport] = await timed(() =>
    importPeoplePosts(ctx, new TextEncoder().encode(lines.join('\n')), {
      dryRun: false,
      consent: { purpose: 'booth committees', date: '2026-10-01', method: 'written' },
    }),
  );
  if (report.errors.length) throw new Error(`import errors: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const importRate = Math.round(40_000 / (tImport / 1000));
  let copyRate: number | null = null;
  if (url) {
    await sql`drop table if exists bench_copy`.execute(db);
    await sql`create table bench_copy (like person including all)`.execute(db);
    const file = path.join(os.tmpdir(), 'samiti-bench-copy.csv');
    fs.writeFileSync(file, `${copyLines.join('\n')}\n`);
    const t0 = performance.now();
    const r = spawnSync(
      'psql',
      [
        url,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy bench_copy (name, name_hi, phone, home_unit_id, consent_purpose, consent_date, consent_method, search_key) from '${file}' csv`,
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    copyRate = Math.round(40_000 / ((performance.now() - t0) / 1000));
  }
  log(`import ${importRate} rows/s vs copy ${copyRate} rows/s`);

  // Enrolment over HTTP vs pgbench single-row INSERT, both with 16 clients.
  let enrolRate: number | null = null;
  let wrkEnrolment: Awaited<ReturnType<typeof wrkEnrol>> = null;
  let pgbenchTps: number | null = null;
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
  if (drive.status === 201) {
    const { id } = (await drive.json()) as { id: number };
    // New phones on every run (a --reuse run must enrol new people, not match earlier runs' ones).
    const seen = Number((await sql<{ n: number }>`select count(*)::int as n from membership`.execute(db)).rows[0]?.n ?? 0);
    let next = 0;
    let done = 0;
    const until = performance.now() + 20_000;
    const worker = async () => {
      while (performance.now() < until) {
        const i = next++;
        const [en, h] = personName(i);
        const res = await fetch(`${base}/api/v1/drives/${id}/enrol`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({
            unitId: booths[(i * 31) % booths.length],
            person: {
              name: en,
              nameHi: h,
              phone: String(7_000_000_000 + seen + i),
              consent: { purpose: 'membership', date: '2026-10-01', method: 'online' },
            },
          }),
        });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`enrol ${res.status}`);
        done++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 16 }, worker));
    enrolRate = Math.round(done / ((performance.now() - t0) / 1000));
    log(`enrol (in-process client) ${enrolRate} req/s`);
    const after = Number((await sql<{ n: number }>`select count(*)::int as n from membership`.execute(db)).rows[0]?.n ?? 0);
    wrkEnrolment = await wrkEnrol(base, cookie, id, booths.slice(0, 5000).filter((_, k) => k % 5 === 0), 7_500_000_000 + after, 16, 20);
    log('wrk enrol', wrkEnrolment ?? 'wrk not installed');
  } else log(`drives API not available (${drive.status}); enrolment not measured`);
  if (url) {
    await sql`drop table if exists bench_pgbench`.execute(db);
    await sql`create table bench_pgbench (id bigint generated always as identity primary key, phone text, name text, at timestamptz default now())`.execute(
      db,
    );
    const script = path.join(os.tmpdir(), 'samiti-pgbench.sql');
    fs.writeFileSync(script, "insert into bench_pgbench (phone, name) values ('+91' || (random() * 1e9)::bigint, 'Bench Person');\n");
    const r = spawnSync('pgbench', ['-n', '-c', '16', '-j', '2', '-T', '20', '-f', script, url], { encoding: 'utf8' });
    const m = /tps = ([\d.]+)/.exec(r.stdout);
    pgbenchTps = m ? Math.round(Number(m[1])) : null;
  }
  log(`enrol ${enrolRate} req/s (wrk ${wrkEnrolment?.requestsPerSecond}) vs pgbench ${pgbenchTps} tps`);

  const out = {
    engine,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    booths: tree.booths,
    members,
    memberLoadRowsPerSecond: Math.round(members / (tLoad / 1000)),
    trigramIndexSeconds: ms(tIndex / 1000),
    importRowsPerSecond: importRate,
    copyRowsPerSecond: copyRate,
    importVsCopy: copyRate ? ms(importRate / copyRate) : null,
    enrolRequestsPerSecond: enrolRate,
    pgbenchInsertTps: pgbenchTps,
    enrolVsPgbench: enrolRate && pgbenchTps ? ms(enrolRate / pgbenchTps) : null,
    wrkEnrol: wrkEnrolment,
    wrkEnrolVsPgbench: wrkEnrolment && pgbenchTps ? ms(wrkEnrolment.requestsPerSecond / pgbenchTps) : null,
    nameSearchMs: nameSearch,
    phoneLookupMs: phoneLookup,
    wrkPhoneLookup: wrkPhone,
  };
  console.log(JSON.stringify(out, null, 2));
  saveResults('people', engine, out);
  await app.close();
  await database.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
