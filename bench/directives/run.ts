/**
 * bench/directives — cascades and roll-ups at national size.
 *   npm run bench:directives -- --engine postgres|pglite [--booths 1050000] [--requests 300]
 * Builds the synthetic national tree, gives half of UP's booths a president, then over HTTP:
 * a cascade from national to every assembly unit (in the request), one from UP's state unit to
 * every booth (a background job, polled), assignment completions, and the roll-up p95 at the
 * state, district and assembly levels. Targets: see bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp, createUser, runCascadeJob, systemCtx } from '@samiti/server';
import { startJobs } from '../../server/src/jobs';
import { CASCADE_QUEUE } from '../../server/src/modules/directives/create';
import { sql } from 'kysely';
import { arg, buildNationalTree, measureGets, ms, openScratch, pct, saveResults, timed } from '../lib/national';

const engine = arg('engine', 'postgres') as 'pglite' | 'postgres';
const targetBooths = Number(arg('booths', '1050000'));
const requests = Number(arg('requests', '300'));
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const due = new Date(Date.now() + 330 * 60_000 + 15 * 86_400_000).toISOString().slice(0, 10);

const main = async () => {
  const { database, dir } = await openScratch(engine, 'samiti_bench_directives', pgUrl);
  const db = database.db;
  console.log(`engine ${engine}; building the national tree…`);
  const built = await buildNationalTree(database, targetBooths);
  console.log(`polling stations: ${built.booths}; scaffold in ${built.scaffoldSeconds.toFixed(1)} s`);
  const ctx = systemCtx(database, 'bench');
  const up = await db.selectFrom('unit').select(['id', 'path']).where('geo_code', '=', 'S24').where('wing', '=', 'main').executeTakeFirstOrThrow();
  const national = await db.selectFrom('unit').select(['id']).where('parent_id', 'is', null).where('wing', '=', 'main').executeTakeFirstOrThrow();
  // Half of UP's booths get a president, so the cascade addresses people and flags the rest vacant.
  const [, tPeople] = await timed(async () => {
    await sql`insert into person (name, phone, home_unit_id, consent_purpose, consent_date, consent_method)
      select 'Booth president ' || u.id, '+917' || lpad(u.id::text, 9, '0'), u.id, 'bench', '2026-01-01', 'written'
      from unit u where u.level = 'booth' and u.path > ${up.path} and u.path < ${`${up.path}~`} and u.id % 2 = 0`.execute(db);
    await sql`insert into tenure (unit_id, post_key, person_id, start_date)
      select p.home_unit_id, 'president', p.id, '2025-01-01' from person p where p.consent_purpose = 'bench'`.execute(db);
    await sql`insert into tenure (unit_id, post_key, person_id, start_date)
      select u.id, 'president', p.id, '2025-01-01' from unit u
      cross join lateral (select id from person where consent_purpose = 'bench' order by id limit 1) p
      where u.level = 'assembly' and u.id % 3 = 0`.execute(db);
  });
  await sql`vacuum analyze`.execute(db);

  await createUser(ctx, { username: 'bench', password: 'bench-password', role: 'national-admin' });
  const cascade = async (data: Record<string, unknown>) => {
    await runCascadeJob(db, Number(data.directiveId));
  };
  const jobs = await startJobs(database, { [CASCADE_QUEUE]: cascade }, (m, e) => console.error(m, e));
  const app = await buildApp({ db, dbKind: database.kind, jobs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const post = (url: string, body: object) => fetch(base + url, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  const [nat, tNational] = await timed(async () => {
    const r = await post('/api/v1/directives', { unitId: national.id, text: 'Every assembly unit: review weak booths', dueDate: due, target: { cascade: { level: 'assembly', post: 'president' } } });
    if (r.status !== 201) throw new Error(`national cascade: ${r.status} ${await r.text()}`);
    return (await r.json()) as { id: number; counts: { total: number; vacant: number } };
  });
  console.log(`national → ${nat.counts.total} assembly units in ${tNational.toFixed(0)} ms`);

  const polls: { at: number; created: number }[] = [];
  const [state, tState] = await timed(async () => {
    const r = await post('/api/v1/directives', { unitId: up.id, text: 'Every booth of UP: complete the booth committee', dueDate: due, target: { cascade: { level: 'booth', post: 'president' } } });
    // At a reduced --booths scale UP may have fewer booths than the in-request limit: then the
    // directive is built in the request (201) and its time is the request's.
    if (r.status === 201) return (await r.json()) as { id: number };
    if (r.status !== 202) throw new Error(`state cascade: ${r.status} ${await r.text()}`);
    const job = (await r.json()) as { id: number; total: number };
    const t0 = performance.now();
    for (;;) {
      await new Promise((res) => setTimeout(res, 250));
      const s = (await (await fetch(`${base}/api/v1/directives/${job.id}/job`, { headers: { cookie } })).json()) as { status: string; created: number };
      polls.push({ at: Math.round(performance.now() - t0), created: s.created });
      if (s.status === 'ready') return job;
      if (s.status === 'failed') throw new Error('cascade job failed');
    }
  });
  const upDirective = (await (await fetch(`${base}/api/v1/directives/${state.id}`, { headers: { cookie } })).json()) as { counts: { total: number; vacant: number } };
  console.log(`UP → ${upDirective.counts.total} booths (${polls.length ? 'job' : 'in the request'}) in ${(tState / 1000).toFixed(1)} s`);

  // Completions of vacant booths' assignments by the admin (the addressee for a vacant post).
  const vacant = (await sql<{ id: number }>`select id from assignment where directive_id = ${state.id} and is_vacant order by random() limit ${requests}`.execute(db)).rows.map((r) => r.id);
  const tDone: number[] = [];
  for (const id of vacant) {
    const t0 = performance.now();
    const r = await post(`/api/v1/assignments/${id}/complete`, { text: 'committee complete', numbers: { members: 10 } });
    if (r.status !== 200) throw new Error(`complete: ${r.status} ${await r.text()}`);
    tDone.push(performance.now() - t0);
  }

  const measure = (urls: string[]) => measureGets(base, cookie, urls);
  const districts = (await db.selectFrom('unit').select('id').where('parent_id', '=', up.id).execute()).map((u) => u.id);
  const acs = (await sql<{ id: number }>`select id from unit where level = 'assembly' and path > ${up.path} and path < ${`${up.path}~`}`.execute(db)).rows.map((r) => r.id);
  const pick = <T>(xs: T[], n: number) => Array.from({ length: n }, (_, i) => xs[(i * 7919) % xs.length] as T);
  const rollupState = await measure(pick([0], requests).map(() => `/api/v1/directives/${state.id}/rollup`));
  const rollupDistrict = await measure(pick(districts, requests).map((id) => `/api/v1/directives/${state.id}/rollup?unitId=${id}`));
  const rollupAssembly = await measure(pick(acs, requests).map((id) => `/api/v1/directives/${state.id}/rollup?unitId=${id}`));
  const rollupNational = await measure(pick([0], requests).map(() => `/api/v1/directives/${nat.id}/rollup`));
  const counters = await sql<{ n: number }>`select count(*)::int as n from rollup_count where subject = 'directive' and subject_id = ${state.id}`.execute(db);

  const out = {
    engine,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    booths: built.booths,
    peopleAndTenuresSeconds: ms(tPeople / 1000),
    nationalToAssembly: { units: nat.counts.total, vacant: nat.counts.vacant, ms: ms(tNational), target: '≤ 1000 ms' },
    upToBooths: {
      units: upDirective.counts.total,
      vacant: upDirective.counts.vacant,
      counterRows: counters.rows[0]?.n ?? 0,
      seconds: ms(tState / 1000),
      target: '≤ 20 s as a job',
      progress: polls.filter((_, i) => i % Math.max(1, Math.floor(polls.length / 10)) === 0),
    },
    completeAssignmentMs: { p50: ms(pct(tDone, 50)), p95: ms(pct(tDone, 95)), n: tDone.length },
    rollupMs: { target: 'p95 ≤ 50 ms', stateChildren: rollupState, districtChildren: rollupDistrict, assemblyChildren: rollupAssembly, nationalChildren: rollupNational },
  };
  console.log(JSON.stringify(out, null, 2));
  saveResults('directives', engine, out);
  await app.close();
  await jobs.stop();
  await database.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
