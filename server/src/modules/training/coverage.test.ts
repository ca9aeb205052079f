import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { AppError } from '../../errors';
import { mergePerson, unmergePerson } from '../people/merge';
import { appoint, endTenure } from '../posts/operations';
import { deleteUnit, restoreUnit, updateUnit } from '../units/operations';
import { invite, recordAttendance } from './attendance';
import { readTrainingCoverage, recomputeTrainingCoverage } from './coverage';
import { createCourse, createSession, updateCourse, updateSession } from './operations';
import { caller, hoursFromNow } from './test-support';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});

/** Both tables as sorted plain rows; counters at zero are the same as no row. */
const snapshot = async () => {
  const bearers = await h.db.selectFrom('training_bearer').select(['person_id', 'unit_ids', 'is_trained']).orderBy('person_id').execute();
  const units = await h.db
    .selectFrom('training_coverage')
    .select(['unit_id', 'office_bearers', 'trained'])
    .where((eb) => eb.or([eb('office_bearers', '<>', 0), eb('trained', '<>', 0)]))
    .orderBy('unit_id')
    .execute();
  return { bearers: bearers.map((b) => ({ ...b, unit_ids: b.unit_ids.map(Number) })), units };
};

/** A small deterministic PRNG, so a failure replays the same operations. */
const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

describe('stored training coverage', () => {
  it('counts distinct office bearers per subtree and the trained among them, moved by tenures, attendance, cancellations and requirements', async () => {
    const { state, district, assembly, booth } = await h.chain();
    const ctx = h.ctx;
    const asha = await h.person({ homeUnitId: booth.id });
    const bala = await h.person({ homeUnitId: booth.id });
    // Asha holds two posts in the district: she is one office bearer of it, not two.
    const t1 = await appoint(ctx, { unitId: booth.id, post: 'president', personId: asha.id, startDate: '2026-01-01' });
    await appoint(ctx, { unitId: assembly.id, post: 'secretary', personId: asha.id, startDate: '2026-01-01' });
    await appoint(ctx, { unitId: district.id, post: 'treasurer', personId: bala.id, startDate: '2026-01-01' });
    const counts = async () =>
      Object.fromEntries([...(await readTrainingCoverage(h.db, [state.id, district.id, assembly.id, booth.id]))].map(([id, c]) => [id, c]));
    expect(await counts()).toEqual({
      [state.id]: { officeBearers: 2, trained: 0 },
      [district.id]: { officeBearers: 2, trained: 0 },
      [assembly.id]: { officeBearers: 1, trained: 0 },
      [booth.id]: { officeBearers: 1, trained: 0 },
    });
    const course = await createCourse(ctx, { unitId: district.id, name: 'Booth management', requiredSessions: 1 });
    const s = await createSession(ctx, course.id, {
      mode: 'offline',
      venue: 'Office',
      startsAt: hoursFromNow(-3),
      durationMinutes: 60,
      capacity: 10,
    });
    await invite(ctx, s.id, { kind: 'people', personIds: [asha.id, bala.id] });
    await recordAttendance(ctx, s.id, { marks: [{ personId: asha.id, status: 'present' }] });
    expect((await counts())[assembly.id]).toEqual({ officeBearers: 1, trained: 1 });
    expect((await counts())[district.id]).toEqual({ officeBearers: 2, trained: 1 });
    // A correction un-trains her; cancelling the session with her present again does the same.
    await recordAttendance(ctx, s.id, { marks: [{ personId: asha.id, status: 'absent' }] });
    expect((await counts())[district.id]).toEqual({ officeBearers: 2, trained: 0 });
    await recordAttendance(ctx, s.id, { marks: [{ personId: asha.id, status: 'present' }] });
    await updateSession(ctx, s.id, { isCancelled: true });
    expect((await counts())[district.id]).toEqual({ officeBearers: 2, trained: 0 });
    await updateSession(ctx, s.id, { isCancelled: false });
    expect((await counts())[district.id]).toEqual({ officeBearers: 2, trained: 1 });
    await updateCourse(ctx, course.id, { requiredSessions: 2 });
    expect((await counts())[district.id]).toEqual({ officeBearers: 2, trained: 0 });
    await updateCourse(ctx, course.id, { requiredSessions: 1 });
    // Ending one of her two posts keeps her in the district, out of the booth.
    await endTenure(ctx, t1.id, { endDate: '2026-02-01', reason: 'resigned' });
    expect(await counts()).toEqual({
      [state.id]: { officeBearers: 2, trained: 1 },
      [district.id]: { officeBearers: 2, trained: 1 },
      [assembly.id]: { officeBearers: 1, trained: 1 },
      [booth.id]: { officeBearers: 0, trained: 0 },
    });
    // The API reads the same counters; per course it counts that course's completers.
    const res = await caller(h)('GET', `/api/v1/units/${district.id}/training-coverage?course=${course.id}`, admin);
    expect(res.json()).toEqual({ unitId: district.id, courseId: course.id, officeBearers: 2, completed: 1, share: 0.5 });
    const before = await snapshot();
    await recomputeTrainingCoverage(h.db);
    expect(await snapshot()).toEqual(before);
  });

  it('after random tenure, attendance, session, course and merge operations the counters equal a full recompute', async () => {
    const ctx = h.ctx;
    const rand = prng(20_261_201);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
    const state = await h.unit({ level: 'state' });
    const units: { id: number; level: string }[] = [state];
    for (let d = 0; d < 2; d++) {
      const district = await h.unit({ parentId: state.id, level: 'district' });
      units.push(district);
      for (let a = 0; a < 2; a++) {
        const assembly = await h.unit({ parentId: district.id, level: 'assembly' });
        units.push(assembly);
        for (let b = 0; b < 2; b++) units.push(await h.unit({ parentId: assembly.id, level: 'booth' }));
      }
    }
    const booths = units.filter((u) => u.level === 'booth');
    const people: number[] = [];
    for (let i = 0; i < 12; i++) people.push((await h.person({ homeUnitId: pick(booths).id })).id);
    const courseA = await createCourse(ctx, { unitId: state.id, name: 'A', requiredSessions: 2 });
    const courseB = await createCourse(ctx, { unitId: state.id, name: 'B', requiredSessions: 1 });
    const sessions: number[] = [];
    for (const [course, n] of [
      [courseA, 3],
      [courseB, 1],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const s = await createSession(ctx, course.id, {
          mode: 'offline',
          venue: 'Hall',
          startsAt: hoursFromNow(-5 - i),
          durationMinutes: 60,
          capacity: 100,
        });
        await invite(ctx, s.id, { kind: 'people', personIds: people });
        sessions.push(s.id);
      }
    }
    const posts: Record<string, string[]> = {
      booth: ['president', 'secretary', 'member'],
      default: ['president', 'secretary', 'treasurer'],
    };
    const open: { id: number }[] = [];
    const merged: number[] = [];
    const done: Record<string, number> = {};
    const refusedOrThrow = (err: unknown) => {
      if (!(err instanceof AppError)) throw err;
    };
    for (let step = 0; step < 90; step++) {
      const r = rand();
      let kind: string;
      try {
        if (r < 0.35) {
          kind = 'appoint';
          const u = pick(units);
          const t = await appoint(ctx, {
            unitId: u.id,
            post: pick(posts[u.level] ?? posts.default ?? []),
            personId: pick(people),
            startDate: '2026-01-01',
          });
          open.push(t);
        } else if (r < 0.5 && open.length > 0) {
          kind = 'end';
          const [t] = open.splice(Math.floor(rand() * open.length), 1);
          if (t) await endTenure(ctx, t.id, { endDate: '2026-03-01', reason: 'term-ended' });
        } else if (r < 0.8) {
          kind = 'attendance';
          const marks = [...new Set([pick(people), pick(people), pick(people)])].map((personId) => ({
            personId,
            status: rand() < 0.7 ? ('present' as const) : ('absent' as const),
          }));
          await recordAttendance(ctx, pick(sessions), { marks });
        } else if (r < 0.87) {
          kind = 'cancel';
          await updateSession(ctx, pick(sessions), { isCancelled: rand() < 0.5 });
        } else if (r < 0.93) {
          kind = 'require';
          await updateCourse(ctx, courseA.id, { requiredSessions: 1 + Math.floor(rand() * 3) });
        } else if (r < 0.97 || merged.length === 0) {
          kind = 'merge';
          const source = pick(people);
          const target = pick(people);
          await mergePerson(ctx, source, target);
          merged.push(source);
          people.splice(people.indexOf(source), 1);
        } else {
          kind = 'unmerge';
          const source = merged.pop() as number;
          await unmergePerson(ctx, source);
          people.push(source);
        }
        done[kind] = (done[kind] ?? 0) + 1;
      } catch (err) {
        refusedOrThrow(err);
      }
    }
    // Every kind of operation happened, so the comparison below covers them all.
    expect(Object.keys(done).sort()).toEqual(['appoint', 'attendance', 'cancel', 'end', 'merge', 'require', 'unmerge']);
    expect(done.appoint).toBeGreaterThan(10);
    expect(done.attendance).toBeGreaterThan(10);
    const incremental = await snapshot();
    expect(incremental.units.length).toBeGreaterThan(0);
    expect(incremental.bearers.some((b) => b.is_trained)).toBe(true);
    await recomputeTrainingCoverage(h.db);
    expect(incremental).toEqual(await snapshot());
    // The recompute agrees with counting from the base tables directly, for every unit of the tree.
    const { rows } = await sql<{ unit_id: number; bearers: number }>`
      select u.id as unit_id, (select count(distinct t.person_id)::int from tenure t join unit x on x.id = t.unit_id join person p on p.id = t.person_id
        where t.end_date is null and p.merged_into is null and x.path >= u.path and x.path < u.path || '~') as bearers
      from unit u, unit top where top.id = ${state.id} and u.path >= top.path and u.path < top.path || '~'`.execute(h.db);
    const stored = await readTrainingCoverage(
      h.db,
      rows.map((r) => r.unit_id),
    );
    for (const r of rows) expect([r.unit_id, stored.get(r.unit_id)?.officeBearers]).toEqual([r.unit_id, r.bearers]);
  });

  it('follows a subtree that moves to another district, is deleted and restored', async () => {
    const ctx = h.ctx;
    const { state, district, assembly, booth } = await h.chain();
    const other = await h.unit({ parentId: state.id, level: 'district' });
    const p = await h.person({ homeUnitId: booth.id });
    await appoint(ctx, { unitId: booth.id, post: 'president', personId: p.id, startDate: '2026-01-01' });
    const course = await createCourse(ctx, { unitId: state.id, name: 'C', requiredSessions: 1 });
    const s = await createSession(ctx, course.id, {
      mode: 'offline',
      venue: 'Hall',
      startsAt: hoursFromNow(-2),
      durationMinutes: 60,
      capacity: 5,
    });
    await invite(ctx, s.id, { kind: 'people', personIds: [p.id] });
    await recordAttendance(ctx, s.id, { marks: [{ personId: p.id, status: 'present' }] });
    const of = async (id: number) => (await readTrainingCoverage(h.db, [id])).get(id);
    expect(await of(district.id)).toEqual({ officeBearers: 1, trained: 1 });
    await updateUnit(ctx, assembly.id, { parentId: other.id });
    expect(await of(district.id)).toEqual({ officeBearers: 0, trained: 0 });
    expect(await of(other.id)).toEqual({ officeBearers: 1, trained: 1 });
    expect(await of(state.id)).toEqual({ officeBearers: 1, trained: 1 });
    await deleteUnit(ctx, assembly.id);
    expect(await of(other.id)).toEqual({ officeBearers: 0, trained: 0 });
    expect(await of(state.id)).toEqual({ officeBearers: 0, trained: 0 });
    await restoreUnit(ctx, assembly.id);
    expect(await of(other.id)).toEqual({ officeBearers: 1, trained: 1 });
    const before = await snapshot();
    await recomputeTrainingCoverage(h.db);
    expect(await snapshot()).toEqual(before);
  });
});
