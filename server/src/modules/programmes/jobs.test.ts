import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import type { TSmsProvider } from '../notify/sms';
import { PROGRAMME_SMS_QUEUE, runOverdueNotices, sendProgrammeSms } from './notices';
import { createProgramme } from './operations';
import { rollOut, runRolloutJob } from './rollout';
import { updateInstance } from './instances';
import { caller, day, haryana, programmeBody } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const fakeJobs = () => {
  const sent: { queue: string; data: object }[] = [];
  return {
    sent,
    jobs: {
      send: async (queue: string, data: object) => {
        sent.push({ queue, data });
        return 'job-1';
      },
      stop: async () => undefined,
    },
  };
};

const fakeSms = () => {
  const texts: { to: string; body: string }[] = [];
  const sms: TSmsProvider = {
    name: 'test',
    send: async (to, body) => {
      texts.push({ to, body });
      return { id: `m${texts.length}`, status: 'sent' } as never;
    },
  };
  return { sms, texts };
};

/** A person with a login of their own (so in-app notices reach them). */
const personWithLogin = async (unitId: number) => {
  const person = await h.person({ homeUnitId: unitId });
  const login = await h.login('viewer', unitId);
  const user = await h.db.selectFrom('app_user').select('id').where('username', '=', login.username).executeTakeFirstOrThrow();
  await h.db.updateTable('app_user').set({ person_id: person.id }).where('id', '=', user.id).execute();
  return { person, userId: user.id, cookie: login.cookie };
};

/** A district with `n` booths under it and a programme of the district. */
const booths = async (n: number) => {
  const { state, district, assembly } = await haryana(h);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await h.unit({ parentId: assembly.id, level: 'booth' })).id);
  const p = await createProgramme(h.ctx, programmeBody(district.id) as never);
  return { state, district, assembly, ids, p };
};

describe('roll-out as a job', () => {
  it('above the limit: queued, invisible until the job commits, progress polled, a second one refused while it runs', async () => {
    const { district, p } = await booths(5);
    const { jobs, sent } = fakeJobs();
    const input = { target: { level: 'booth' }, underUnitId: district.id, phase: 1 };
    const r = await rollOut(h.ctx, p.id, input, { jobs, inlineLimit: 2 });
    expect(r).toMatchObject({ created: 0, existing: 0, job: { status: 'creating', created: 0, total: 5, phase: 1 } });
    if (!r.job) throw new Error('expected a job');
    expect(sent).toEqual([{ queue: 'programme-rollout', data: { rolloutId: r.job.id } }]);
    const url = `/api/v1/programme-rollouts/${r.job.id}`;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/programme-rollouts/abc', admin)).statusCode).toBe(400);
    expect((await call('GET', url, (await h.login('admin', (await h.chain()).state.id)).cookie)).statusCode).toBe(404);
    expect((await call('GET', url, admin)).json()).toMatchObject({ status: 'creating', total: 5 });
    expect((await call('GET', `/api/v1/programmes/${p.id}`, admin)).json()).toMatchObject({
      counts: { total: 0 },
      rolloutJobs: [{ id: r.job.id, status: 'creating' }],
    });
    expect(await h.db.selectFrom('programme_instance').select('id').where('programme_id', '=', p.id).execute()).toHaveLength(0);
    await expect(rollOut(h.ctx, p.id, input, { jobs, inlineLimit: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Two units per batch: three inserts, all in one transaction.
    expect(await runRolloutJob(h.db, r.job.id, { batch: 2 })).toBe(true);
    expect(await runRolloutJob(h.db, r.job.id)).toBe(false);
    expect((await call('GET', url, admin)).json()).toMatchObject({ status: 'ready', created: 5, total: 5, error: null });
    const prog = (await call('GET', `/api/v1/programmes/${p.id}/progress?by=state`, admin)).json();
    expect(prog.total).toMatchObject({ total: 5, notPlanned: 5, vacant: 5 });
    expect((await call('GET', `/api/v1/programmes/${p.id}`, admin)).json().rolloutJobs).toEqual([]);
    const tree = (await call('GET', `/api/v1/programmes/${p.id}/progress?by=unit`, admin)).json();
    expect(tree.rows.map((x: { counts: { total: number } }) => x.counts.total)).toEqual([5]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'programme')
      .where('entity_id', '=', String(p.id))
      .where('action', 'like', 'programme.rollout%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['programme.rollout', 'programme.rollout.ready']);
    // A repeat of the same phase, now inline and idempotent.
    expect(await rollOut(h.ctx, p.id, input, { jobs, inlineLimit: 10 })).toMatchObject({ created: 0, existing: 5, job: null });
    await expect(rollOut(h.ctx, p.id, input, { jobs: null, inlineLimit: 2 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('a job that cannot finish keeps nothing and says failed', async () => {
    const { district, assembly, p } = await booths(3);
    const { jobs } = fakeJobs();
    const r = await rollOut(h.ctx, p.id, { target: { level: 'booth' }, underUnitId: assembly.id, phase: 1 }, { jobs, inlineLimit: 1 });
    if (!r.job) throw new Error('expected a job');
    // The unit it was rolled out under is deleted before the job runs.
    await h.db.updateTable('unit').set({ deleted_at: new Date() }).where('id', '=', assembly.id).execute();
    await expect(runRolloutJob(h.db, r.job.id, { batch: 1 })).rejects.toBeTruthy();
    expect((await call('GET', `/api/v1/programme-rollouts/${r.job.id}`, admin)).json()).toMatchObject({
      status: 'failed',
      error: expect.any(String),
    });
    expect((await call('GET', `/api/v1/programmes/${p.id}`, admin)).json().rolloutJobs).toEqual([
      expect.objectContaining({ id: r.job.id, status: 'failed' }),
    ]);
    expect(await h.db.selectFrom('programme_instance').select('id').where('programme_id', '=', p.id).execute()).toHaveLength(0);
    expect(
      await h.db
        .selectFrom('programme_tally')
        .select('bucket')
        .innerJoin('programme_phase as ph', 'ph.id', 'programme_tally.phase_id')
        .where('ph.programme_id', '=', p.id)
        .execute(),
    ).toHaveLength(0);
    // A failed one does not block the next attempt.
    await h.db.updateTable('unit').set({ deleted_at: null }).where('id', '=', assembly.id).execute();
    expect(
      await rollOut(h.ctx, p.id, { target: { level: 'booth' }, underUnitId: district.id, phase: 1 }, { jobs, inlineLimit: 10 }),
    ).toMatchObject({ created: 3 });
    // The failed one is no longer shown once the phase was rolled out since.
    expect((await call('GET', `/api/v1/programmes/${p.id}`, admin)).json().rolloutJobs).toEqual([]);
  });
});

describe('notices to in-charges and teams', () => {
  it('appointing an in-charge and adding team members notifies those with a login; the in-charge gets a text after the commit', async () => {
    const { state } = await haryana(h);
    const p = (await call('POST', '/api/v1/programmes', admin, programmeBody(state.id))).json();
    await call('POST', `/api/v1/programmes/${p.id}/rollout`, admin, { target: 'pc', underUnitId: state.id, phase: 1 });
    const inst = await h.db
      .selectFrom('programme_instance')
      .select('id')
      .where('programme_id', '=', p.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const lead = await personWithLogin(state.id);
    const mate = await personWithLogin(state.id);
    const noLogin = await h.person({ homeUnitId: state.id });
    const { jobs, sent } = fakeJobs();
    await updateInstance(h.ctx, inst.id, { inChargePersonId: lead.person.id, team: [mate.person.id, noLogin.id] }, { jobs });
    expect(sent).toEqual([{ queue: PROGRAMME_SMS_QUEUE, data: { kind: 'appointed', instanceId: inst.id, personIds: [lead.person.id] } }]);
    const mine = (await call('GET', '/api/v1/me/notifications', lead.cookie)).json();
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'programme-in-charge', link: `/programme-instances/${inst.id}` })]);
    expect(mine.items[0].text).toContain(p.name);
    const theirs = (await call('GET', '/api/v1/me/notifications', mate.cookie)).json();
    expect(theirs.items).toEqual([expect.objectContaining({ kind: 'programme-in-charge' })]);
    // The same team again notifies nobody; nothing is queued without a new in-charge.
    await updateInstance(h.ctx, inst.id, { team: [mate.person.id, noLogin.id], venue: 'Town hall' }, { jobs });
    expect(sent).toHaveLength(1);
    expect((await call('GET', '/api/v1/me/notifications', mate.cookie)).json().items).toHaveLength(1);
    const { sms, texts } = fakeSms();
    expect(await sendProgrammeSms(h.db, sms, { kind: 'appointed', instanceId: inst.id, personIds: [lead.person.id] })).toEqual({ sent: 1 });
    // The login says English (the default); without one it would be Hindi.
    expect(texts[0]?.body).toContain(p.name);
  });

  it('an overdue event notifies its in-charge and team once per planned date', async () => {
    const { state } = await haryana(h);
    const p = (await call('POST', '/api/v1/programmes', admin, programmeBody(state.id))).json();
    await call('POST', `/api/v1/programmes/${p.id}/rollout`, admin, { target: 'pc', underUnitId: state.id, phase: 1 });
    const [a, b] = await h.db
      .selectFrom('programme_instance')
      .select('id')
      .where('programme_id', '=', p.id)
      .orderBy('id')
      .limit(2)
      .execute();
    if (!a || !b) throw new Error('no instances');
    const lead = await personWithLogin(state.id);
    const mate = await personWithLogin(state.id);
    await call('PATCH', `/api/v1/programme-instances/${a.id}`, admin, {
      inChargePersonId: lead.person.id,
      team: [mate.person.id],
      plannedDate: day(-2),
    });
    // b is held and reported: never overdue.
    await call('PATCH', `/api/v1/programme-instances/${b.id}`, admin, { inChargePersonId: lead.person.id, plannedDate: day(-3) });
    await call('POST', `/api/v1/programme-instances/${b.id}/report`, admin, { heldOn: day(-3), attendance: { doctors: 4 } });
    const before = (await call('GET', '/api/v1/me/notifications', lead.cookie)).json().items.length;
    const { sms, texts } = fakeSms();
    const first = await runOverdueNotices(h.db, sms, day(0));
    expect(first.noticed).toBeGreaterThanOrEqual(1);
    const overdue = (cookie: string) =>
      call('GET', '/api/v1/me/notifications', cookie).then((r) =>
        r.json().items.filter((n: { kind: string }) => n.kind === 'programme-overdue'),
      );
    expect(await overdue(lead.cookie)).toEqual([expect.objectContaining({ link: `/programme-instances/${a.id}` })]);
    expect(await overdue(mate.cookie)).toHaveLength(1);
    expect(texts.filter((t) => t.body.includes(day(-2)))).toHaveLength(1);
    expect((await call('GET', '/api/v1/me/notifications', lead.cookie)).json().items.length).toBe(before + 1);
    // The same day again: nothing new.
    expect((await runOverdueNotices(h.db, sms, day(0))).noticed).toBe(0);
    expect(await overdue(lead.cookie)).toHaveLength(1);
    // Re-planned to a later date that also passes: a new notice.
    await call('PATCH', `/api/v1/programme-instances/${a.id}`, admin, { plannedDate: day(-1) });
    expect((await runOverdueNotices(h.db, null, day(0))).noticed).toBe(1);
    expect(await overdue(lead.cookie)).toHaveLength(2);
  });
});

describe('progress by unit, paged and sorted', () => {
  it('pages through child units by name or by a count, with a bad cursor refused', async () => {
    const { state, district } = await haryana(h);
    for (let i = 0; i < 4; i++) await h.unit({ parentId: state.id, level: 'district', name: `District ${String.fromCharCode(65 + i)}` });
    const p = (await call('POST', '/api/v1/programmes', admin, programmeBody(state.id))).json();
    await call('POST', `/api/v1/programmes/${p.id}/rollout`, admin, { target: { level: 'district' }, underUnitId: state.id, phase: 1 });
    const url = `/api/v1/programmes/${p.id}/progress?by=unit`;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { rows: { key: string }[]; nextCursor: string | null } = (
        await call('GET', `${url}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, admin)
      ).json();
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    // Report the instance of one district: sorted by reported it comes first.
    const inst = await h.db
      .selectFrom('programme_instance')
      .select('id')
      .where('programme_id', '=', p.id)
      .where('unit_id', '=', district.id)
      .executeTakeFirstOrThrow();
    await call('POST', `/api/v1/programme-instances/${inst.id}/report`, admin, { heldOn: day(0), attendance: { doctors: 10 } });
    const byReported = (await call('GET', `${url}&sort=reported&limit=2`, admin)).json();
    expect(byReported.rows[0]).toMatchObject({ key: String(district.id), counts: expect.objectContaining({ reported: 1 }) });
    const rest = (await call('GET', `${url}&sort=reported&limit=10&cursor=${byReported.nextCursor}`, admin)).json();
    expect(rest.rows).toHaveLength(3);
    expect(rest.nextCursor).toBeNull();
    expect([...byReported.rows, ...rest.rows].map((r: { key: string }) => r.key).sort()).toEqual([...seen].sort());
    expect((await call('GET', `${url}&cursor=nonsense`, admin)).statusCode).toBe(400);
    expect((await call('GET', `${url}&sort=colour`, admin)).statusCode).toBe(400);
    expect((await call('GET', `${url}&limit=0`, admin)).statusCode).toBe(400);
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', url, (await h.login('admin', (await h.chain()).state.id)).cookie)).statusCode).toBe(404);
  });
});
