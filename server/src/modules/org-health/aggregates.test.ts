import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { appoint, endTenure } from '../posts/operations';
import { deleteUnit, restoreUnit, updateUnit } from '../units/operations';
import { onAssignmentChanged } from './aggregates';
import { refreshElectionHealth } from './election-facts';
import { dumpHealth, recomputeHealth } from './recompute';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

/** A small deterministic generator, so a failing sequence can be replayed from its seed. */
const rng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

/** What a full recompute gives, read inside a transaction that is then rolled back. */
const recomputed = async () => {
  let out: Awaited<ReturnType<typeof dumpHealth>> = {};
  await h.db
    .transaction()
    .execute(async (trx) => {
      await recomputeHealth(trx);
      out = await dumpHealth(trx);
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  return out;
};

const tryIt = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
    return true;
  } catch {
    return false;
  }
};

describe('incremental health aggregates', () => {
  it('equal a full recompute after random posts, unit, meeting and assignment writes', async () => {
    const next = rng(20_261_201);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T;
    const { district } = await h.chain();
    const assemblies = [
      await h.unit({ parentId: district.id, level: 'assembly' }),
      await h.unit({ parentId: district.id, level: 'assembly' }),
    ];
    const booths: number[] = [];
    for (const a of assemblies) for (let i = 0; i < 3; i++) booths.push((await h.unit({ parentId: a.id, level: 'booth' })).id);
    const people = await Promise.all(Array.from({ length: 12 }, () => h.person({ homeUnitId: district.id })));
    const posts = ['president', 'secretary', 'member', 'booth-agent'];
    const deleted: number[] = [];
    let ops = 0;
    // A programme of the district with a dated phase, rolled out to booths as the run goes.
    const prog = await call('POST', '/api/v1/programmes', admin, {
      unitId: district.id,
      name: 'Booth chaupal',
      nameHi: 'बूथ चौपाल',
      segments: ['general'],
      phases: [{ name: 'Booths', nameHi: 'बूथ', dueDate: '2026-01-31' }],
    });
    expect(prog.statusCode, prog.body).toBe(201);
    let programmeOps = 0;
    for (let step = 0; step < 70; step++) {
      const q = next();
      if (q < 0.15) {
        const res = await call('POST', `/api/v1/programmes/${prog.json().id}/rollout`, admin, {
          target: { unitIds: [pick(booths), pick(booths)] },
          underUnitId: district.id,
          phase: 1,
        });
        programmeOps += Number(res.statusCode === 200);
      } else if (q < 0.3) {
        const open = await h.db
          .selectFrom('programme_instance')
          .select(['id', 'status'])
          .where('status', 'in', ['not-planned', 'planned'])
          .execute();
        if (open.length) {
          const i = pick(open);
          const res =
            next() < 0.6
              ? await call('POST', `/api/v1/programme-instances/${i.id}/report`, admin, {
                  heldOn: '2025-11-20',
                  attendance: { general: 30 },
                })
              : await call('PATCH', `/api/v1/programme-instances/${i.id}`, admin, { status: 'cancelled', cancelReason: 'Rain' });
          programmeOps += Number(res.statusCode === 200);
        }
      }
      const r = next();
      if (r < 0.35) {
        ops += Number(
          await tryIt(() =>
            appoint(h.ctx, { unitId: pick(booths), post: pick(posts), personId: pick(people).id, startDate: '2025-02-01' }),
          ),
        );
      } else if (r < 0.5) {
        const open = await h.db.selectFrom('tenure').select('id').where('end_date', 'is', null).execute();
        if (open.length) ops += Number(await tryIt(() => endTenure(h.ctx, pick(open).id, { endDate: '2025-06-01', reason: 'inactive' })));
      } else if (r < 0.57) {
        booths.push((await h.unit({ parentId: pick(assemblies).id, level: 'booth' })).id);
        ops++;
      } else if (r < 0.63) {
        const b = pick(booths);
        if (await tryIt(() => deleteUnit(h.ctx, b))) deleted.push(b);
      } else if (r < 0.67 && deleted.length) {
        ops += Number(await tryIt(() => restoreUnit(h.ctx, deleted.pop() as number)));
      } else if (r < 0.72) {
        ops += Number(await tryIt(() => updateUnit(h.ctx, pick(booths), { parentId: pick(assemblies).id })));
      } else if (r < 0.8) {
        // A held meeting of an assembly inviting its booth presidents, then some marks.
        const res = await call('POST', '/api/v1/meetings', admin, {
          unitId: pick(assemblies).id,
          type: 'review',
          title: 'Booth review',
          startsAt: '2025-03-15T11:00:00+05:30',
          status: 'held',
          invitees: { includeSelf: false, rules: [{ levels: ['booth'], posts: ['president', 'member'] }] },
        });
        expect(res.statusCode, res.body).toBe(201);
        const att = (await call('GET', `/api/v1/meetings/${res.json().id}/attendance`, admin)).json() as { items: { personId: number }[] };
        const entries = att.items.map((i) => ({ personId: i.personId, status: next() < 0.6 ? 'present' : 'absent' }));
        if (entries.length)
          expect((await call('PUT', `/api/v1/meetings/${res.json().id}/attendance`, admin, { entries })).statusCode).toBe(200);
        ops++;
      } else {
        const res = await call('POST', '/api/v1/directives', admin, {
          unitId: district.id,
          text: 'Verify the voter list',
          dueDate: '2999-01-10',
          target: { cascade: { level: 'booth', post: 'president' } },
        });
        expect(res.statusCode, res.body).toBe(201);
        // Close some as their addressee would (the status change path is what the hook sees).
        const open = await h.db.selectFrom('assignment').select('id').where('status', '=', 'new').execute();
        for (const a of open.slice(0, 2)) {
          const closedAt = next() < 0.5 ? '2026-01-01T10:00:00Z' : '3000-01-01T10:00:00Z';
          await sql`update assignment set status = ${next() < 0.7 ? 'done' : 'declined'}, closed_at = ${closedAt} where id = ${a.id}`.execute(
            h.db,
          );
          await onAssignmentChanged(h.db, a.id);
        }
        ops++;
      }
      if (step % 10 === 9) expect(await dumpHealth(h.db), `after step ${step}`).toEqual(await recomputed());
    }
    expect(ops).toBeGreaterThan(20);
    expect(programmeOps).toBeGreaterThan(5);
    const dump = await dumpHealth(h.db);
    expect(dump.unit_health_meeting?.length).toBeGreaterThan(0);
    expect(dump.unit_health_due?.length).toBeGreaterThan(0);
    expect(dump.unit_health_booths?.length).toBeGreaterThan(0);
    expect(dump.unit_health_programme?.length).toBeGreaterThan(0);
  });

  it('election areas refreshed per written seat or polling station equal a refresh of everything', async () => {
    const next = rng(77);
    await sql`insert into party (key, short_name, name, name_hi) values ('p9a', 'PA', 'Party PA', 'दल पीए'), ('p9b', 'PB', 'Party PB', 'दल पीबी') on conflict do nothing`.execute(
      h.db,
    );
    await sql`update election_setting set our_party_key = 'p9a'`.execute(h.db);
    await refreshElectionHealth(h.db, 'all');
    const acs = (
      await sql<{ code: string }>`select code from geo_area where kind = 'ac' and state_code = 'S24' order by code limit 6`.execute(h.db)
    ).rows.map((r) => r.code);
    const { district } = await h.chain();
    for (const [i, year] of [2012, 2017, 2022].entries()) {
      const e = await sql<{
        id: number;
      }>`insert into election (type, state_code, year, name) values ('vidhan-sabha', 'S24', ${year}, ${`UP ${year} p`}) returning id`.execute(
        h.db,
      );
      const local = await sql<{
        id: number;
      }>`insert into election (type, state_code, unit_id, year, name) values ('zila-panchayat', 'S24', ${district.id}, ${year}, ${`ZP ${year}`}) returning id`.execute(
        h.db,
      );
      const seatIds: number[] = [];
      for (const code of acs.slice(0, 3 + i)) {
        const s = await sql<{
          id: number;
        }>`insert into seat (election_id, code, number, name, geo_code) values (${e.rows[0]?.id}, ${code}, ${seatIds.length + 1}, ${code}, ${code}) returning id`.execute(
          h.db,
        );
        seatIds.push(Number(s.rows[0]?.id));
      }
      const w = await sql<{
        id: number;
      }>`insert into seat (election_id, code, number, name, unit_id) values (${local.rows[0]?.id}, 'W-1', 1, 'Ward 1', ${district.id}) returning id`.execute(
        h.db,
      );
      seatIds.push(Number(w.rows[0]?.id));
      for (const id of seatIds) {
        await sql`insert into result_row (seat_id, candidate, party_key, votes) values
          (${id}, 'A', 'p9a', ${Math.round(next() * 1000)}), (${id}, 'B', 'p9b', ${1 + Math.round(next() * 1000)})`.execute(h.db);
      }
      // What an import of these seats does.
      await refreshElectionHealth(h.db, { seatIds });
      const incremental = (await dumpHealth(h.db)).health_election_area;
      expect(incremental, `after ${year}`).toEqual((await recomputed()).health_election_area);
    }
    const areas = (await dumpHealth(h.db)).health_election_area as { area: string; swing: number | null }[];
    expect(areas.some((a) => a.area === `unit:${district.id}` && a.swing !== null)).toBe(true);
    await sql`update election_setting set our_party_key = null`.execute(h.db);
    await refreshElectionHealth(h.db, 'all');
  });
});
