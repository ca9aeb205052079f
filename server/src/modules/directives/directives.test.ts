import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { createDirective } from './create';
import { runCascadeJob } from './jobs';
import { caller, dayOffset, holderWithLogin } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

/** A district with three assembly units, two of them with a president. */
const district = async () => {
  const { state, district: d, assembly } = await h.chain();
  const acs = [assembly];
  for (let i = 0; i < 2; i++) acs.push(await h.unit({ parentId: d.id, level: 'assembly' }));
  const [a0, a1] = acs;
  if (!a0 || !a1) throw new Error('no assembly units');
  const p0 = await holderWithLogin(h, a0.id);
  const p1 = await holderWithLogin(h, a1.id);
  return { state, district: d, acs, p0, p1 };
};

describe('POST /api/v1/directives', () => {
  it('401, 400s (no due date, past due date, level above, unknown post, empty cascade), 403, 404, then 201 with a vacant flagged', async () => {
    const { district: d, acs, state } = await district();
    const body = { unitId: d.id, text: 'Strengthen weak booths', dueDate: dayOffset(15), target: { cascade: { level: 'assembly', post: 'president' } } };
    expect((await call('POST', '/api/v1/directives', undefined, body)).statusCode).toBe(401);
    const { dueDate: _omit, ...noDue } = body;
    expect((await call('POST', '/api/v1/directives', admin, noDue)).json()).toMatchObject({ error: 'VALIDATION', field: 'dueDate' });
    const past = await call('POST', '/api/v1/directives', admin, { ...body, dueDate: dayOffset(-2) });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ field: 'dueDate' });
    expect(past.json().message).toContain('past');
    const above = await call('POST', '/api/v1/directives', admin, { ...body, target: { cascade: { level: 'state', post: 'president' } } });
    expect(above.json()).toMatchObject({ error: 'VALIDATION', field: 'target.cascade.level' });
    const same = await call('POST', '/api/v1/directives', admin, { ...body, target: { cascade: { level: 'district', post: 'president' } } });
    expect(same.statusCode).toBe(400);
    expect((await call('POST', '/api/v1/directives', admin, { ...body, target: { cascade: { level: 'assembly', post: 'king' } } })).json()).toMatchObject({ field: 'target' });
    expect((await call('POST', '/api/v1/directives', admin, { ...body, target: { cascade: { level: 'mandal', post: 'president' } } })).json()).toMatchObject({ field: 'target.cascade.level' });
    expect((await call('POST', '/api/v1/directives', admin, { ...body, target: {} })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/directives', admin, { ...body, text: '' })).json()).toMatchObject({ field: 'text' });
    const viewer = (await h.login('viewer', d.id)).cookie;
    expect((await call('POST', '/api/v1/directives', viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('POST', '/api/v1/directives', outsider, body)).statusCode).toBe(404);
    const before = await h.db.selectFrom('directive').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(before.n)).toBe(0);

    const hindi = await h.app.inject({ method: 'POST', url: '/api/v1/directives', payload: { ...body, dueDate: '2001-01-01' }, headers: { cookie: admin, 'accept-language': 'hi' } });
    expect(hindi.json().message).toMatch(/2001-01-01.*बीत चुकी/);
    const res = await call('POST', '/api/v1/directives', admin, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'ready', target: { kind: 'cascade', level: 'assembly', post: 'president' }, counts: { total: 3, vacant: 1, new: 3, done: 0, overdue: 0 } });
    const rollup = (await call('GET', `/api/v1/directives/${res.json().id}/rollup`, admin)).json();
    expect(rollup.children).toHaveLength(3);
    expect(rollup.children.map((c: { unit: { id: number } }) => c.unit.id).sort()).toEqual(acs.map((a) => a.id).sort());
    expect(rollup.children.filter((c: { counts: { vacant: number } }) => c.counts.vacant === 1)).toHaveLength(1);
    // A state cascade to the same assembly units counts them under the district.
    const fromState = (await call('POST', '/api/v1/directives', admin, { ...body, unitId: state.id })).json();
    const stateRollup = (await call('GET', `/api/v1/directives/${fromState.id}/rollup`, admin)).json();
    expect(stateRollup.children).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: d.id }), counts: expect.objectContaining({ total: 3 }), hasChildren: true })]);
    const audit = await h.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'directive').where('entity_id', '=', String(res.json().id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['directive.create']);
  });

  it('targets one unit, the holder of a post, and one person; refuses units outside the issuer', async () => {
    const { district: d, acs, p0 } = await district();
    const [a0, , a2] = acs;
    if (!a0 || !a2) throw new Error('no units');
    const base = { unitId: d.id, text: 'Hold a booth meeting', dueDate: dayOffset(3) };
    const unit = (await call('POST', '/api/v1/directives', admin, { ...base, target: { unitId: a2.id } })).json();
    expect(unit).toMatchObject({ target: { kind: 'unit', unitId: a2.id }, counts: { total: 1, vacant: 0 } });
    const post = (await call('POST', '/api/v1/directives', admin, { ...base, target: { postOf: { unitId: a0.id, post: 'president' } } })).json();
    expect(post.counts).toMatchObject({ total: 1, vacant: 0 });
    const items = (await call('GET', `/api/v1/directives/${post.id}/assignments`, admin)).json().items;
    expect(items).toEqual([expect.objectContaining({ person: expect.objectContaining({ id: p0.person.id }), post: 'president', isVacant: false })]);
    const vacantPost = (await call('POST', '/api/v1/directives', admin, { ...base, target: { postOf: { unitId: a2.id, post: 'treasurer' } } })).json();
    expect(vacantPost.counts).toMatchObject({ total: 1, vacant: 1 });
    const person = (await call('POST', '/api/v1/directives', admin, { ...base, target: { personId: p0.person.id } })).json();
    expect(person.target).toMatchObject({ kind: 'person', personId: p0.person.id });
    const other = await h.chain();
    const outside = await call('POST', '/api/v1/directives', admin, { ...base, target: { unitId: other.booth.id } });
    expect(outside.json()).toMatchObject({ error: 'VALIDATION', field: 'target.unitId' });
    expect((await call('POST', '/api/v1/directives', admin, { ...base, target: { unitId: 99999999 } })).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/directives', admin, { ...base, fromMeetingId: 99999999, target: { unitId: a2.id } })).json()).toMatchObject({ error: 'NOT_FOUND', field: 'fromMeetingId' });
  });

  it('lists issued and received directives with filters and a cursor; GET one is 401/404 outside/200', async () => {
    const { district: d, acs, state } = await district();
    const [a0] = acs;
    if (!a0) throw new Error('no unit');
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await call('POST', '/api/v1/directives', admin, { unitId: d.id, text: `D${i}`, dueDate: dayOffset(5), target: { cascade: { level: 'assembly', post: 'president' } } })).json().id);
    }
    const p1 = (await call('GET', `/api/v1/units/${d.id}/directives?limit=2`, admin)).json();
    expect(p1.items.map((x: { id: number }) => x.id)).toEqual([ids[2], ids[1]]);
    const p2 = (await call('GET', `/api/v1/units/${d.id}/directives?limit=2&cursor=${p1.nextCursor}`, admin)).json();
    expect(p2).toMatchObject({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    const received = (await call('GET', `/api/v1/units/${a0.id}/directives?scope=received`, admin)).json();
    expect(received.items).toHaveLength(3);
    expect(received.items[0].counts.total).toBe(1);
    expect((await call('GET', `/api/v1/units/${d.id}/directives?overdue=true`, admin)).json().items).toHaveLength(0);
    expect((await call('GET', `/api/v1/units/${d.id}/directives?cursor=abc`, admin)).statusCode).toBe(400);
    expect((await call('GET', `/api/v1/units/${state.id}/directives?scope=received`, admin)).json().items).toHaveLength(0);
    expect((await call('GET', `/api/v1/directives/${ids[0]}`)).statusCode).toBe(401);
    const outsider = (await h.login('viewer', (await h.chain()).state.id)).cookie;
    expect((await call('GET', `/api/v1/directives/${ids[0]}`, outsider)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/directives/${ids[0]}/rollup`, outsider)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/directives/${ids[0]}/assignments`, outsider)).statusCode).toBe(404);
    const acViewer = (await h.login('viewer', a0.id)).cookie;
    expect((await call('GET', `/api/v1/directives/${ids[0]}`, acViewer)).statusCode).toBe(200);
    const acRollup = await call('GET', `/api/v1/directives/${ids[0]}/rollup?unitId=${a0.id}`, acViewer);
    expect(acRollup.json()).toMatchObject({ unit: { id: a0.id }, counts: { total: 1 }, children: [] });
    expect((await call('GET', `/api/v1/directives/${ids[0]}/rollup`, acViewer)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/directives/${ids[0]}/assignments`, acViewer)).json().items).toHaveLength(1);
    expect((await call('GET', `/api/v1/directives/${ids[0]}`, admin)).json()).toMatchObject({ id: ids[0], text: 'D0', unit: { id: d.id } });
  });

  it('builds a large cascade as a job with progress, visible only when complete', async () => {
    const { district: d, acs } = await district();
    const sent: object[] = [];
    const jobs = {
      send: async (_q: string, data: object) => {
        sent.push(data);
        return 'job-1';
      },
      stop: async () => undefined,
    };
    const r = await createDirective(h.ctx, { unitId: d.id, text: 'Big one', dueDate: dayOffset(9), target: { cascade: { level: 'assembly', post: 'president' } } }, { jobs, inlineLimit: 2 });
    expect(r).toMatchObject({ kind: 'job', job: { status: 'creating', created: 0, total: 3 } });
    if (r.kind !== 'job') throw new Error('expected a job');
    expect(sent).toEqual([{ directiveId: r.job.id }]);
    expect((await call('GET', `/api/v1/directives/${r.job.id}`, admin)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/directives/${r.job.id}/job`, admin)).json()).toMatchObject({ status: 'creating', total: 3 });
    expect((await call('GET', `/api/v1/units/${d.id}/directives`, admin)).json().items).toHaveLength(0);
    await runCascadeJob(h.db, r.job.id);
    expect((await call('GET', `/api/v1/directives/${r.job.id}/job`, admin)).json()).toMatchObject({ status: 'ready', created: 3, total: 3 });
    expect((await call('GET', `/api/v1/directives/${r.job.id}`, admin)).json().counts).toMatchObject({ total: 3, vacant: 1 });
    expect(acs).toHaveLength(3);
    await expect(createDirective(h.ctx, { unitId: d.id, text: 'No queue', dueDate: dayOffset(9), target: { cascade: { level: 'assembly', post: 'president' } } }, { jobs: null, inlineLimit: 2 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('PATCH corrects the text and due date with history: 401, 400 (past, empty), 403, 404, 200', async () => {
    const { district: d, acs, p0 } = await district();
    const [a0] = acs;
    if (!a0) throw new Error('no unit');
    const dir = (await call('POST', '/api/v1/directives', admin, { unitId: d.id, text: 'Old text', dueDate: dayOffset(5), target: { cascade: { level: 'assembly', post: 'president' } } })).json();
    const url = `/api/v1/directives/${dir.id}`;
    expect((await call('PATCH', url, undefined, { text: 'x' })).statusCode).toBe(401);
    expect((await call('PATCH', url, admin, {})).statusCode).toBe(400);
    expect((await call('PATCH', url, admin, { dueDate: dayOffset(-1) })).json()).toMatchObject({ field: 'dueDate' });
    expect((await call('PATCH', url, p0.cookie, { text: 'mine now' })).statusCode).toBe(404);
    const viewer = (await h.login('viewer', d.id)).cookie;
    expect((await call('PATCH', url, viewer, { text: 'x' })).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('PATCH', url, outsider, { text: 'x' })).statusCode).toBe(404);
    const ok = await call('PATCH', url, admin, { text: 'New text', dueDate: dayOffset(9) });
    expect(ok.json()).toMatchObject({ text: 'New text', dueDate: dayOffset(9), counts: { total: 3 } });
    const history = (await call('GET', `${url}/history`, admin)).json().items;
    expect(history.map((x: { action: string }) => x.action)).toEqual(['directive.update', 'directive.create']);
    expect(history[0]).toMatchObject({ before: { text: 'Old text' }, after: { text: 'New text' } });
    const mine = (await call('GET', '/api/v1/me/assignments', p0.cookie)).json().items[0];
    expect(mine).toMatchObject({ directiveText: 'New text', unit: { id: a0.id } });
    await call('POST', `/api/v1/assignments/${mine.id}/acknowledge`, p0.cookie);
    expect((await call('GET', `/api/v1/assignments/${mine.id}/history`, p0.cookie)).json().items).toEqual([expect.objectContaining({ action: 'assignment.acknowledge' })]);
    expect((await call('GET', `/api/v1/assignments/${mine.id}/history`, outsider)).statusCode).toBe(404);
  });
});
