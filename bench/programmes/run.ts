/**
 * bench/programmes — roll-outs and progress at national size.
 *   npm run bench:programmes -- --engine postgres|pglite [--booths 1050000] [--requests 300]
 * Builds the synthetic national tree, then over HTTP as a national admin: a programme with two
 * phases rolled out from national HQ to all 543 PCs (phase 1) and to every AC (phase 2), the same
 * roll-out again (idempotent: nothing created), a few hundred plans, in-charges and reports, then
 * the progress p95 by state, by cluster and down the unit tree (national, a state), and the map.
 * Targets: see bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp, createUser, runRolloutJob, systemCtx } from '@samiti/server';
import { sql } from 'kysely';
import { arg, buildNationalTree, measureGets, ms, openScratch, pct, saveResults, timed } from '../lib/national';

const engine = arg('engine', 'postgres') as 'pglite' | 'postgres';
const targetBooths = Number(arg('booths', '1050000'));
const requests = Number(arg('requests', '300'));
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const day = (offset: number) => new Date(Date.now() + 330 * 60_000 + offset * 86_400_000).toISOString().slice(0, 10);

const main = async () => {
  const { database, dir } = await openScratch(engine, 'samiti_bench_programmes', pgUrl);
  const db = database.db;
  console.log(`engine ${engine}; building the national tree…`);
  const built = await buildNationalTree(database, targetBooths);
  console.log(`polling stations: ${built.booths}; scaffold in ${built.scaffoldSeconds.toFixed(1)} s`);
  const ctx = systemCtx(database, 'bench');
  const national = await db
    .selectFrom('unit')
    .select(['id'])
    .where('parent_id', 'is', null)
    .where('wing', '=', 'main')
    .executeTakeFirstOrThrow();
  const up = await db.selectFrom('unit').select(['id']).where('geo_code', '=', 'S24').where('wing', '=', 'main').executeTakeFirstOrThrow();
  await sql`insert into person (name, phone, home_unit_id, consent_purpose, consent_date, consent_method)
    select 'In-charge ' || g, '+917' || lpad(g::text, 9, '0'), ${up.id}, 'bench', '2026-01-01', 'written' from generate_series(1, 50) g`.execute(
    db,
  );
  const people = (await db.selectFrom('person').select('id').where('consent_purpose', '=', 'bench').execute()).map((p) => p.id);
  await sql`vacuum analyze`.execute(db);

  await createUser(ctx, { username: 'bench', password: 'bench-password', role: 'national-admin' });
  // The roll-out job's queue: the bench runs the job itself, timed, where the server's worker would.
  const queued: { rolloutId?: number }[] = [];
  const jobs = {
    send: async (_q: string, data: object) => {
      queued.push(data);
      return 'bench';
    },
    stop: async () => undefined,
  };
  const app = await buildApp({ db, dbKind: database.kind, jobs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const send = async (method: string, url: string, body: object | undefined) => {
    const r = await fetch(
      base + url,
      body === undefined
        ? { method, headers: { cookie } }
        : { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Record<string, unknown>>;
  };

  const programme = (await send('POST', '/api/v1/programmes', {
    unitId: national.id,
    name: 'Dialogue with professionals',
    nameHi: 'प्रबुद्ध वर्ग संवाद',
    segments: ['doctors', 'lawyers', 'teachers', 'intellectuals'],
    phases: [
      { name: 'Every Lok Sabha', nameHi: 'हर लोकसभा' },
      { name: 'Every assembly segment', nameHi: 'हर विधानसभा', dueDate: day(60) },
      { name: 'Every booth', nameHi: 'हर बूथ', dueDate: day(90) },
    ],
  })) as { id: number };
  const rollout = (target: unknown, phase: number) =>
    send('POST', `/api/v1/programmes/${programme.id}/rollout`, { target, underUnitId: national.id, phase });
  const [pcs, tPc] = await timed(() => rollout('pc', 1));
  console.log(`543 PCs: ${JSON.stringify(pcs)} in ${tPc.toFixed(0)} ms`);
  const [acs, tAc] = await timed(() => rollout('ac', 2));
  console.log(`ACs: ${JSON.stringify(acs)} in ${tAc.toFixed(0)} ms`);
  const [again, tAgain] = await timed(() => rollout('ac', 2));
  console.log(`ACs again: ${JSON.stringify(again)} in ${tAgain.toFixed(0)} ms`);

  // Clusters of states (phase 1 PCs of five states each) and some activity on the instances.
  const states = (await db.selectFrom('geo_area').select('code').where('kind', '=', 'state').orderBy('code').execute()).map((s) => s.code);
  for (let i = 0; i < states.length; i += 5) {
    const group = states.slice(i, i + 5);
    const targets = (
      await db.selectFrom('geo_area').select('code').where('kind', '=', 'pc').where('state_code', 'in', group).execute()
    ).map((p) => `pc:${p.code}`);
    if (targets.length > 0)
      await send('POST', `/api/v1/programmes/${programme.id}/clusters`, {
        name: `Cluster ${group.join(', ')}`,
        targets,
        inChargePersonId: people[i % people.length],
      });
  }
  const instances = (
    await sql<{
      id: number;
    }>`select id from programme_instance where programme_id = ${programme.id} order by random() limit ${requests}`.execute(db)
  ).rows.map((r) => r.id);
  const tWrite: number[] = [];
  for (const [k, id] of instances.entries()) {
    const t0 = performance.now();
    if (k % 3 === 0)
      await send('PATCH', `/api/v1/programme-instances/${id}`, {
        inChargePersonId: people[k % people.length],
        plannedDate: day(k % 2 === 0 ? -2 : 7),
        venue: 'Town hall',
      });
    else if (k % 3 === 1)
      await send('POST', `/api/v1/programme-instances/${id}/report`, { heldOn: day(-1), attendance: { doctors: k % 40, lawyers: k % 13 } });
    else await send('PATCH', `/api/v1/programme-instances/${id}`, { plannedDate: day(3) });
    tWrite.push(performance.now() - t0);
  }

  const measure = (urls: string[]) => measureGets(base, cookie, urls);
  const times = (u: string) => Array.from({ length: requests }, () => u);
  const p = `/api/v1/programmes/${programme.id}`;
  const out = {
    engine,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    booths: built.booths,
    rolloutToPcs: { ...pcs, ms: ms(tPc), target: '—' },
    rolloutToAcs: { ...acs, ms: ms(tAc), target: '≤ 1000 ms' },
    rolloutRepeat: { ...again, ms: ms(tAgain) },
    instanceWriteMs: { p50: ms(pct(tWrite, 50)), p95: ms(pct(tWrite, 95)), n: tWrite.length },
    progressMs: {
      target: 'p95 ≤ 50 ms',
      byStatePcs: await measure(times(`${p}/progress?by=state&phase=1`)),
      byStateAcs: await measure(times(`${p}/progress?by=state&phase=2`)),
      byCluster: await measure(times(`${p}/progress?by=cluster&phase=1`)),
      nationalTreeAcs: await measure(times(`${p}/progress?by=unit&phase=2`)),
      upTreeAcs: await measure(times(`${p}/progress?by=unit&phase=2&unitId=${up.id}`)),
    },
    mapMs: {
      pcsNational: await measure(times(`${p}/map?kind=pc&phase=1`).slice(0, 100)),
      acsOfUp: await measure(times(`${p}/map?kind=ac&phase=2&state=S24`).slice(0, 100)),
    },
  };
  // Phase 3 to every booth of the country (~10^6 units): above 5,000, so the request queues the
  // all-or-nothing job and answers 202; the job builds every event and its counters in one transaction.
  const [queuedRollout, tQueue] = await timed(() => rollout({ level: 'booth' }, 3));
  const jobId = (queuedRollout.job as { id: number } | null)?.id ?? queued.at(-1)?.rolloutId;
  if (!jobId) throw new Error(`expected a roll-out job: ${JSON.stringify(queuedRollout)}`);
  const [, tJob] = await timed(() => runRolloutJob(db, jobId));
  // On PGlite the job held the only connection for minutes: kept-alive sockets may have been closed
  // meanwhile, so drop them with a throwaway request before measuring again.
  for (let i = 0; i < 3; i++) await fetch(`${base}/api/health`).catch(() => undefined);
  const jobRow = await send('GET', `/api/v1/programme-rollouts/${jobId}`, undefined);
  console.log(`booths by the job: ${JSON.stringify(jobRow)} in ${tJob.toFixed(0)} ms (request ${tQueue.toFixed(0)} ms)`);
  const after = {
    rolloutToBoothsJob: { ...jobRow, requestMs: ms(tQueue), jobMs: ms(tJob), target: '— (all or nothing, in the background)' },
    progressAfterBoothsMs: {
      byStateBooths: await measure(times(`${p}/progress?by=state&phase=3`).slice(0, 100)),
      upTreeBoothsByReported: await measure(times(`${p}/progress?by=unit&phase=3&unitId=${up.id}&sort=reported&limit=100`).slice(0, 100)),
      byStatePcs: await measure(times(`${p}/progress?by=state&phase=1`).slice(0, 100)),
    },
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(1))),
  };
  Object.assign(out, after);
  console.log(JSON.stringify(out, null, 2));
  saveResults('programmes', engine, out);
  await app.close();
  await database.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
