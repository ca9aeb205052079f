import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, dayOffset, groupByCounts, holderWithLogin } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const cascade = async (unitId: number, level = 'assembly', dueDate = dayOffset(10)) => {
  const r = await call('POST', '/api/v1/directives', admin, { unitId, text: 'Review every booth', dueDate, target: { cascade: { level, post: 'president' } } });
  if (r.statusCode !== 201) throw new Error(r.body);
  return r.json() as { id: number };
};

describe('acting on assignments', () => {
  it('401, 404 outside, 403 for someone else, 400 for a bad transition or report; the addressee acknowledges, progresses, completes', async () => {
    const { district, assembly } = await h.chain();
    const other = await h.unit({ parentId: district.id, level: 'assembly' });
    const me = await holderWithLogin(h, assembly.id);
    const them = await holderWithLogin(h, other.id);
    const d = await cascade(district.id);
    const mine = (await call('GET', '/api/v1/me/assignments', me.cookie)).json().items;
    expect(mine).toHaveLength(1);
    const id = mine[0].id as number;
    expect(mine[0]).toMatchObject({ directiveId: d.id, unit: { id: assembly.id }, status: 'new', isOverdue: false, actions: { canAct: true } });
    expect((await call('POST', `/api/v1/assignments/${id}/acknowledge`)).statusCode).toBe(401);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('POST', `/api/v1/assignments/${id}/acknowledge`, outsider)).statusCode).toBe(404);
    // Another assembly's president cannot even see it; the district's president sees it but it is not theirs.
    expect((await call('POST', `/api/v1/assignments/${id}/complete`, them.cookie, { text: 'done by me' })).statusCode).toBe(404);
    const districtPresident = await holderWithLogin(h, district.id);
    const stolen = await call('POST', `/api/v1/assignments/${id}/complete`, districtPresident.cookie, { text: 'done by me' });
    expect(stolen.statusCode).toBe(403);
    expect(stolen.json().message).toContain('addressed');
    const districtAdmin = (await h.login('admin', district.id)).cookie;
    expect((await call('POST', `/api/v1/assignments/${id}/complete`, districtAdmin, { text: 'not theirs' })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/assignments/${id}/complete`, me.cookie, {})).json()).toMatchObject({ error: 'VALIDATION', field: 'text' });
    expect((await call('POST', `/api/v1/assignments/${id}/decline`, me.cookie, { reason: '' })).json()).toMatchObject({ field: 'reason' });
    expect((await call('POST', `/api/v1/assignments/${id}/progress`, me.cookie, { numbers: { booths: 'many' } })).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/assignments/${id}/acknowledge`, me.cookie)).json()).toMatchObject({ status: 'acknowledged' });
    expect((await call('POST', `/api/v1/assignments/${id}/acknowledge`, me.cookie)).json()).toMatchObject({ error: 'VALIDATION', field: 'status' });
    expect((await call('POST', `/api/v1/assignments/${id}/progress`, me.cookie, { text: 'half', numbers: { booths: 12 } })).json()).toMatchObject({
      status: 'in-progress',
      report: { text: 'half', numbers: { booths: 12 } },
    });
    const done = await call('POST', `/api/v1/assignments/${id}/complete`, me.cookie, { text: '24 booth meetings held', numbers: { booths: 24, meetings: 24 } });
    expect(done.json()).toMatchObject({ status: 'done', report: { text: '24 booth meetings held', numbers: { booths: 24 } }, actions: { canAct: false } });
    expect((await call('POST', `/api/v1/assignments/${id}/decline`, me.cookie, { reason: 'changed my mind' })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/assignments/99999999/acknowledge', me.cookie)).statusCode).toBe(404);
    const rollup = (await call('GET', `/api/v1/directives/${d.id}/rollup`, admin)).json();
    expect(rollup.counts).toMatchObject({ total: 2, done: 1, new: 1 });
    expect(rollup.children.find((c: { unit: { id: number } }) => c.unit.id === assembly.id).counts).toMatchObject({ total: 1, done: 1 });
    const history = await h.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_type', '=', 'assignment').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(history.map((x) => x.action)).toEqual(['assignment.acknowledge', 'assignment.progress', 'assignment.complete']);
    expect(history[2]).toMatchObject({ before: { status: 'in-progress' }, after: { status: 'done' } });
  });

  it('an admin of the unit acts for a vacant post; a decline needs a reason; filters and drill-down by unit', async () => {
    const { district, assembly } = await h.chain();
    const other = await h.unit({ parentId: district.id, level: 'assembly' });
    await holderWithLogin(h, other.id);
    const d = await cascade(district.id);
    const list = (await call('GET', `/api/v1/directives/${d.id}/assignments?vacant=true`, admin)).json().items;
    expect(list).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: assembly.id }), isVacant: true, person: null })]);
    const acAdmin = (await h.login('admin', assembly.id)).cookie;
    const acViewer = (await h.login('viewer', assembly.id)).cookie;
    expect((await call('POST', `/api/v1/assignments/${list[0].id}/decline`, acViewer, { reason: 'no one' })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/assignments/${list[0].id}/decline`, acAdmin, { reason: 'The post is vacant; appointing first' })).json()).toMatchObject({ status: 'declined', declineReason: 'The post is vacant; appointing first' });
    expect((await call('GET', `/api/v1/directives/${d.id}/assignments?status=declined`, admin)).json().items).toHaveLength(1);
    expect((await call('GET', `/api/v1/directives/${d.id}/assignments?unitId=${other.id}`, admin)).json().items).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: other.id }) })]);
    const paged = (await call('GET', `/api/v1/directives/${d.id}/assignments?limit=1`, admin)).json();
    const next = (await call('GET', `/api/v1/directives/${d.id}/assignments?limit=1&cursor=${paged.nextCursor}`, admin)).json();
    expect(next.items[0].id).not.toBe(paged.items[0].id);
    expect(next.nextCursor).toBeNull();
    expect((await call('GET', `/api/v1/directives/${d.id}/assignments?overdue=true`, admin)).json().items).toHaveLength(0);
    expect((await call('GET', `/api/v1/directives/${d.id}/assignments?cursor=zzz`, admin)).statusCode).toBe(400);
  });

  it('overdue once the due date has passed; the inbox lists open first, then closed, with a cursor', async () => {
    const { district, assembly } = await h.chain();
    const me = await holderWithLogin(h, assembly.id);
    const a = await cascade(district.id, 'assembly', dayOffset(0));
    const b = await cascade(district.id, 'assembly', dayOffset(20));
    const c = await cascade(district.id, 'assembly', dayOffset(5));
    // Due dates cannot be set in the past through the API; age one directive as time would.
    await h.db.updateTable('directive').set({ due_date: dayOffset(-3) }).where('id', '=', a.id).execute();
    const inbox = (await call('GET', '/api/v1/me/assignments', me.cookie)).json().items;
    expect(inbox.map((x: { directiveId: number }) => x.directiveId)).toEqual([a.id, c.id, b.id]);
    expect(inbox[0]).toMatchObject({ isOverdue: true });
    await call('POST', `/api/v1/assignments/${inbox[0].id}/complete`, me.cookie, { text: 'late but done' });
    const p1 = (await call('GET', '/api/v1/me/assignments?limit=2', me.cookie)).json();
    expect(p1.items.map((x: { directiveId: number }) => x.directiveId)).toEqual([c.id, b.id]);
    const p2 = (await call('GET', `/api/v1/me/assignments?limit=2&cursor=${p1.nextCursor}`, me.cookie)).json();
    expect(p2).toMatchObject({ items: [expect.objectContaining({ directiveId: a.id, status: 'done', isOverdue: false })], nextCursor: null });
    expect((await call('GET', '/api/v1/me/assignments')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me/assignments?cursor=bad', me.cookie)).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/me/assignments', admin)).json().items).toEqual([]);
    const overdue = (await call('GET', `/api/v1/directives/${b.id}/rollup`, admin)).json();
    expect(overdue.counts.overdue).toBe(0);
    await h.db.updateTable('directive').set({ due_date: dayOffset(-1) }).where('id', '=', b.id).execute();
    const now = (await call('GET', `/api/v1/directives/${b.id}/rollup`, admin)).json();
    expect(now.counts).toMatchObject({ total: 1, overdue: 1, vacant: 0 });
  });
});

describe('roll-up counters', () => {
  it('match a plain GROUP BY after random operations on a tree with booths', async () => {
    const { state } = await h.chain();
    const booths: number[] = [];
    const cookies = new Map<number, string>();
    for (let i = 0; i < 2; i++) {
      const d = await h.unit({ parentId: state.id, level: 'district' });
      for (let j = 0; j < 2; j++) {
        const ac = await h.unit({ parentId: d.id, level: 'assembly' });
        for (let k = 0; k < 3; k++) {
          const b = await h.unit({ parentId: ac.id, level: 'booth' });
          booths.push(b.id);
          if ((i + j + k) % 3 !== 0) cookies.set(b.id, (await holderWithLogin(h, b.id)).cookie);
        }
      }
    }
    const dir = await cascade(state.id, 'booth');
    const items = (await call('GET', `/api/v1/directives/${dir.id}/assignments?limit=500`, admin)).json().items as { id: number; unit: { id: number } }[];
    expect(items.length).toBeGreaterThanOrEqual(12);
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const actions = ['acknowledge', 'progress', 'complete', 'decline'] as const;
    for (let n = 0; n < 40; n++) {
      const a = items[Math.floor(rand() * items.length)];
      const cookie = a ? cookies.get(a.unit.id) : undefined;
      if (!a || !cookie) continue;
      const act = actions[Math.floor(rand() * actions.length)] ?? 'acknowledge';
      const body = act === 'complete' ? { text: 'ok' } : act === 'decline' ? { reason: 'no' } : act === 'progress' ? { text: 'going' } : undefined;
      await call('POST', `/api/v1/assignments/${a.id}/${act}`, cookie, body);
    }
    const expected = await groupByCounts(h, dir.id);
    const counters = await h.db.selectFrom('rollup_count').selectAll().where('subject', '=', 'directive').where('subject_id', '=', dir.id).execute();
    expect(counters).toHaveLength(expected.size);
    for (const c of counters) {
      const e = expected.get(c.unit_id);
      expect({ unit: c.unit_id, total: c.total, vacant: c.vacant, new: c.s_new, ack: c.s_ack, progress: c.s_progress, done: c.s_done, declined: c.s_declined }).toEqual({
        unit: c.unit_id,
        total: e?.total ?? 0,
        vacant: e?.vacant ?? 0,
        new: e?.new ?? 0,
        ack: e?.acknowledged ?? 0,
        progress: e?.['in-progress'] ?? 0,
        done: e?.done ?? 0,
        declined: e?.declined ?? 0,
      });
    }
    const closed = counters.find((c) => c.unit_id === state.id);
    expect((closed?.s_done ?? 0) + (closed?.s_declined ?? 0)).toBeGreaterThan(0);
  });
});

describe('PUT /api/v1/users/:id/person', () => {
  it('links a login to a person: 401, 400, 404, 409 for a person already linked, 200', async () => {
    const { district } = await h.chain();
    const p = await h.person({ homeUnitId: district.id });
    const login = await h.login('office-bearer', district.id);
    const user = await h.db.selectFrom('app_user').select('id').where('username', '=', login.username).executeTakeFirstOrThrow();
    expect((await call('PUT', `/api/v1/users/${user.id}/person`, undefined, { personId: p.id })).statusCode).toBe(401);
    expect((await call('PUT', `/api/v1/users/${user.id}/person`, admin, { personId: 'x' })).statusCode).toBe(400);
    expect((await call('PUT', `/api/v1/users/${user.id}/person`, login.cookie, { personId: p.id })).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('PUT', `/api/v1/users/${user.id}/person`, outsider, { personId: p.id })).statusCode).toBe(404);
    expect((await call('PUT', '/api/v1/users/99999999/person', admin, { personId: p.id })).statusCode).toBe(404);
    expect((await call('PUT', `/api/v1/users/${user.id}/person`, admin, { personId: p.id })).json()).toMatchObject({ id: user.id, personId: p.id });
    const second = await h.login('viewer', district.id);
    const u2 = await h.db.selectFrom('app_user').select('id').where('username', '=', second.username).executeTakeFirstOrThrow();
    expect((await call('PUT', `/api/v1/users/${u2.id}/person`, admin, { personId: p.id })).statusCode).toBe(409);
    expect((await call('PUT', `/api/v1/users/${user.id}/person`, admin, { personId: null })).json()).toMatchObject({ personId: null });
  });
});
