/**
 * bench/health — organisation health at national shape.
 *   npm run bench:health -- --engine postgres|pglite [--booths 100000] [--requests 200]
 * Builds the synthetic national tree, fills booth committees (0–10 members, skewed), one held
 * meeting per AC and per booth with invitees and attendance, and a cascade of assignments to every
 * booth; then measures: the full recompute against a plain GROUP BY over the same base rows, the
 * health and children/health p95 through HTTP at national, state (UP), district and AC, and the
 * latency one booth appointment's health hook adds (and that national reads see it at once).
 * The default is a reduced scale (see bench/README.md); --booths 1050000 is the full one.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildApp, createUser, recomputeHealth, systemCtx } from '@samiti/server';
import { sql } from 'kysely';
import { onPostsChanged } from '../../server/src/modules/org-health/aggregates';
import { arg, buildNationalTree, ms, openScratch, pct, timed } from '../lib/national';

const engine = arg('engine', 'postgres') as 'pglite' | 'postgres';
const targetBooths = Number(arg('booths', '100000'));
const requests = Number(arg('requests', '200'));
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const main = async () => {
  const { database, dir } = await openScratch(engine, 'samiti_bench_health', pgUrl);
  const db = database.db;
  console.log(`engine ${engine}; building the national tree…`);
  const built = await buildNationalTree(database, targetBooths);
  console.log(`booths ${built.booths}; scaffold ${built.scaffoldSeconds.toFixed(1)} s`);
  const posts = ['president', 'booth-agent', 'secretary', 'whatsapp-in-charge', 'member', 'member', 'member', 'member', 'member', 'member'];
  const [, tLoad] = await timed(async () => {
    // Committee size per booth from a hash of its id: many complete, a long tail of thin ones.
    await sql`insert into person (name, phone, home_unit_id, consent_purpose, consent_date, consent_method)
      select 'Member ' || u.id || '-' || k, '+916' || lpad((u.id * 10 + k)::text, 9, '0'), u.id, 'bench', '2026-01-01', 'written'
      from unit u cross join generate_series(1, 10) k
      where u.level = 'booth' and k <= (10 - ((u.id * 2654435761) % 11) * ((u.id * 2654435761) % 11) / 10)`.execute(db);
    await sql`insert into tenure (unit_id, post_key, person_id, start_date)
      select p.home_unit_id, (${posts}::text[])[row_number() over (partition by p.home_unit_id order by p.id)], p.id, '2025-01-01'
      from person p where p.consent_purpose = 'bench'`.execute(db);
    const admin = await createUser(systemCtx(database, 'bench'), { username: 'bench', password: 'bench-password', role: 'national-admin' });
    // One held meeting per AC (booth presidents invited) and per booth (its committee), with marks.
    await sql`insert into meeting (unit_id, wing, type, title, starts_at, status, organiser_user_id)
      select u.id, u.wing, 'review', 'Review', now() - ((u.id % 120) || ' days')::interval, 'held', ${admin.id}
      from unit u where u.level in ('assembly', 'booth')`.execute(db);
    await sql`insert into meeting_invitee (meeting_id, person_id, source, post_key, post_unit_id)
      select m.id, t.person_id, 'rule', t.post_key, t.unit_id
      from meeting m join unit u on u.id = m.unit_id and u.level = 'booth' join tenure t on t.unit_id = u.id`.execute(db);
    await sql`insert into meeting_invitee (meeting_id, person_id, source, post_key, post_unit_id)
      select m.id, t.person_id, 'rule', t.post_key, t.unit_id
      from meeting m join unit a on a.id = m.unit_id and a.level = 'assembly' join unit b on b.parent_id = a.id
      join tenure t on t.unit_id = b.id and t.post_key = 'president'
      on conflict do nothing`.execute(db);
    await sql`insert into meeting_attendance (meeting_id, invitee_id, status)
      select i.meeting_id, i.id, case when i.id % 3 = 0 then 'absent' else 'present' end from meeting_invitee i`.execute(db);
    const d = await sql<{ id: number }>`insert into directive (unit_id, text, due_date, target_kind, target_level, target_post, created_by)
      select id, 'Verify the booth list', current_date + 10, 'cascade', 'booth', 'president', ${admin.id} from unit where parent_id is null and wing = 'main' returning id`.execute(db);
    await sql`insert into assignment (directive_id, unit_id, post_key, person_id, status, closed_at)
      select ${d.rows[0]?.id}, u.id, 'president', t.person_id, case when u.id % 4 = 0 then 'done' else 'new' end, case when u.id % 4 = 0 then now() end
      from unit u left join tenure t on t.unit_id = u.id and t.post_key = 'president' where u.level = 'booth'`.execute(db);
  });
  const counts = await sql<{ t: number; m: number; a: number; s: number }>`select (select count(*)::int from tenure) t, (select count(*)::int from meeting) m,
    (select count(*)::int from meeting_attendance) a, (select count(*)::int from assignment) s`.execute(db);
  console.log(`loaded in ${(tLoad / 1000).toFixed(1)} s:`, counts.rows[0]);
  await sql`vacuum analyze`.execute(db);

  // The recompute against the plain GROUP BYs it is built from, over the same rows, twice each.
  const groupBy = async () => {
    await sql`select unit_id, count(*) from tenure where end_date is null group by unit_id`.execute(db);
    await sql`select a.id, count(*) from unit b cross join lateral unnest(string_to_array(trim(both '/' from b.path), '/')::bigint[]) as a (id)
      where b.level = 'booth' and b.deleted_at is null group by a.id`.execute(db);
    await sql`select m.id, count(*), count(*) filter (where x.status = 'present') from meeting m join meeting_invitee i on i.meeting_id = m.id
      join lateral (select status from meeting_attendance a where a.invitee_id = i.id order by a.id desc limit 1) x on true group by m.id`.execute(db);
    await sql`select a.unit_id, d.due_date, count(*) from assignment a join directive d on d.id = a.directive_id group by 1, 2`.execute(db);
    // The programme instances and election results the recompute also reads (none at this bench's data).
    await sql`select i.scope_unit_id, i.phase_id, count(*) from programme_instance i group by 1, 2`.execute(db);
    await sql`select s.geo_code, s.election_id, sum(r.votes) from seat s join result_row r on r.seat_id = s.id group by 1, 2`.execute(db);
  };
  const recompute: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < 2; i++) {
    plain.push((await timed(groupBy))[1]);
    recompute.push((await timed(() => recomputeHealth(db)))[1]);
  }
  console.log(`full recompute ${ms(Math.min(...recompute))} ms vs plain GROUP BY ${ms(Math.min(...plain))} ms`);

  const app = await buildApp({ db, dbKind: database.kind });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const get = async (url: string) => {
    const r = await fetch(base + url, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const unitAt = async (level: string) =>
    Number((await sql<{ id: number }>`select u.id from unit u join unit s on s.geo_code = 'S24' and u.path like s.path || '%' where u.level = ${level} order by u.child_count desc limit 1`.execute(db)).rows[0]?.id);
  const national = Number((await db.selectFrom('unit').select('id').where('parent_id', 'is', null).where('wing', '=', 'main').executeTakeFirstOrThrow()).id);
  const levels = { national, state: await unitAt('state'), district: await unitAt('district'), assembly: await unitAt('assembly') };
  const http: Record<string, { health: number; children: number; weak: number; childCount: number }> = {};
  for (const [name, id] of Object.entries(levels)) {
    const h: number[] = [];
    const c: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < requests; i++) {
      h.push((await timed(() => get(`/api/v1/units/${id}/health`)))[1]);
      c.push((await timed(() => get(`/api/v1/units/${id}/children/health?limit=25`)))[1]);
      // The weak booths of the subtree, judged on every signal: the first page.
      w.push((await timed(() => get(`/api/v1/units/${id}/weak?level=booth&limit=25`)))[1]);
    }
    const childCount = Number((await db.selectFrom('unit').select('child_count').where('id', '=', id).executeTakeFirstOrThrow()).child_count);
    http[name] = { health: ms(pct(h, 95)), children: ms(pct(c, 95)), weak: ms(pct(w, 95)), childCount };
    console.log(
      `${name} (${childCount} children): health p95 ${http[name]?.health} ms, children/health p95 ${http[name]?.children} ms, weak booths p95 ${http[name]?.weak} ms`,
    );
  }

  // One booth write (a ninth member becomes the tenth): the hook's own cost inside the transaction, and national right after.
  const booths = (await sql<{ id: number }>`select u.id from unit u left join unit_health h on h.unit_id = u.id where u.level = 'booth' and h.filled = 9 order by u.id limit ${requests}`.execute(db)).rows;
  const hook: number[] = [];
  const write: number[] = [];
  let visible = true;
  for (const [i, b] of booths.entries()) {
    const before = (await get(`/api/v1/units/${national}/health`)) as { signals: { key: string; detail: Record<string, number> }[] };
    const [, tw] = await timed(() =>
      db.transaction().execute(async (trx) => {
        const p = await sql<{ id: number }>`insert into person (name, phone, home_unit_id, consent_purpose, consent_date, consent_method)
          values ('New member', ${`+918${String(700000000 + i)}`}, ${b.id}, 'bench', '2026-01-01', 'written') returning id`.execute(trx);
        await sql`insert into tenure (unit_id, post_key, person_id, start_date) values (${b.id}, 'member', ${p.rows[0]?.id}, '2026-01-01')`.execute(trx);
        hook.push((await timed(() => onPostsChanged(trx, Number(b.id))))[1]);
      }),
    );
    write.push(tw);
    // A booth at 9 of 10 becomes complete: national's count of complete booths must be one more.
    const after = (await get(`/api/v1/units/${national}/health`)) as typeof before;
    const ok = (x: typeof before) => x.signals.find((s) => s.key === 'boothsCovered')?.detail.ok ?? 0;
    visible = visible && ok(after) === ok(before) + 1;
  }
  console.log(`booth write: hook p95 ${ms(pct(hook, 95))} ms of ${ms(pct(write, 95))} ms for the whole transaction; visible at national on the next read: ${visible}`);
  const result = {
    engine,
    at: new Date().toISOString().slice(0, 10),
    booths: built.booths,
    rows: counts.rows[0],
    recomputeMs: ms(Math.min(...recompute)),
    plainGroupByMs: ms(Math.min(...plain)),
    http,
    boothWrite: { hookP95Ms: ms(pct(hook, 95)), transactionP95Ms: ms(pct(write, 95)), visibleAtNationalOnNextRead: visible },
  };
  fs.writeFileSync(new URL(`../results/health-${engine}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  await app.close();
  await database.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
