import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { appoint, endTenure } from '../posts/operations';
import { deleteUnit, restoreUnit, updateUnit } from '../units/operations';
import { onAssignmentChanged } from './aggregates';
import { dumpHealth, recomputeHealth } from './recompute';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
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
    const assemblies = [await h.unit({ parentId: district.id, level: 'assembly' }), await h.unit({ parentId: district.id, level: 'assembly' })];
    const booths: number[] = [];
    for (const a of assemblies) for (let i = 0; i < 3; i++) booths.push((await h.unit({ parentId: a.id, level: 'booth' })).id);
    const people = await Promise.all(Array.from({ length: 12 }, () => h.person({ homeUnitId: district.id })));
    const posts = ['president', 'secretary', 'member', 'booth-agent'];
    const deleted: number[] = [];
    let ops = 0;
    for (let step = 0; step < 70; step++) {
      const r = next();
      if (r < 0.35) {
        ops += Number(await tryIt(() => appoint(h.ctx, { unitId: pick(booths), post: pick(posts), personId: pick(people).id, startDate: '2025-02-01' })));
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
        if (entries.length) expect((await call('PUT', `/api/v1/meetings/${res.json().id}/attendance`, admin, { entries })).statusCode).toBe(200);
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
          await sql`update assignment set status = ${next() < 0.7 ? 'done' : 'declined'}, closed_at = ${closedAt} where id = ${a.id}`.execute(h.db);
          await onAssignmentChanged(h.db, a.id);
        }
        ops++;
      }
      if (step % 10 === 9) expect(await dumpHealth(h.db), `after step ${step}`).toEqual(await recomputed());
    }
    expect(ops).toBeGreaterThan(20);
    const dump = await dumpHealth(h.db);
    expect(dump.unit_health_meeting?.length).toBeGreaterThan(0);
    expect(dump.unit_health_due?.length).toBeGreaterThan(0);
    expect(dump.unit_health_booths?.length).toBeGreaterThan(0);
  });
});
