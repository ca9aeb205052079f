import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { appoint } from '../posts/operations';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});
const call = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
  h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

/** A chain with a booth president to replace and a successor living in the booth. */
const setup = async () => {
  const c = await h.chain();
  const holder = await h.person({ homeUnitId: c.booth.id, name: 'Ramesh Inactive' });
  const successor = await h.person({ homeUnitId: c.booth.id, name: 'Sita Active' });
  const tenure = await appoint(h.ctx, { unitId: c.booth.id, post: 'president', personId: holder.id, startDate: '2024-01-01' });
  const proposer = await h.login('admin', c.district.id);
  return { ...c, holder, successor, tenure, proposer: proposer.cookie };
};

describe('POST /api/v1/replacements', () => {
  it('401, 400, 403, 404 outside jurisdiction, 400 outside the unit or a successor holding a post, 409 when pending, 201', async () => {
    const s = await setup();
    const body = { unitId: s.assembly.id, items: [{ tenureId: s.tenure.id, successorPersonId: s.successor.id }] };
    expect((await call('POST', '/api/v1/replacements', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/replacements', s.proposer, { ...body, items: [] })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/replacements', (await h.login('viewer', s.district.id)).cookie, body)).statusCode).toBe(403);
    const other = await setup();
    const outside = await call('POST', '/api/v1/replacements', s.proposer, {
      unitId: s.assembly.id,
      items: [{ tenureId: other.tenure.id, successorPersonId: null }],
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ field: 'items.0.tenureId' });
    expect((await call('POST', '/api/v1/replacements', s.proposer, { ...body, unitId: other.assembly.id })).statusCode).toBe(404);
    const dPres = await h.person({ homeUnitId: s.district.id });
    const dTenure = await appoint(h.ctx, { unitId: s.district.id, post: 'president', personId: dPres.id, startDate: '2024-01-01' });
    expect(
      (
        await call('POST', '/api/v1/replacements', s.proposer, {
          unitId: s.assembly.id,
          items: [{ tenureId: dTenure.id, successorPersonId: null }],
        })
      ).json(),
    ).toMatchObject({
      error: 'VALIDATION',
      field: 'items.0.tenureId',
    });
    const busy = await h.person({ homeUnitId: s.booth.id, name: 'Already Secretary' });
    await appoint(h.ctx, { unitId: s.booth.id, post: 'secretary', personId: busy.id, startDate: '2024-01-01' });
    const conflict = await call('POST', '/api/v1/replacements', s.proposer, {
      ...body,
      items: [{ tenureId: s.tenure.id, successorPersonId: busy.id }],
    });
    expect(conflict.json()).toMatchObject({ error: 'VALIDATION', field: 'items.0.successorPersonId' });
    expect(conflict.json().message).toContain('Already Secretary already holds a post');
    const ok = await call('POST', '/api/v1/replacements', s.proposer, body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      status: 'proposed',
      canReview: false,
      items: [{ tenureId: s.tenure.id, successor: { id: s.successor.id } }],
    });
    expect((await call('POST', '/api/v1/replacements', s.proposer, body)).statusCode).toBe(409);
    expect(await h.db.selectFrom('replacement').select('id').where('unit_id', '=', s.assembly.id).execute()).toHaveLength(1);
  });
});

describe('POST /api/v1/replacements/:id/approve and /reject', () => {
  it('the proposer cannot approve (403), nor an admin of the same unit (403); an admin above approves once (409 after)', async () => {
    const s = await setup();
    const created = (
      await call('POST', '/api/v1/replacements', s.proposer, {
        unitId: s.assembly.id,
        items: [{ tenureId: s.tenure.id, successorPersonId: s.successor.id }],
      })
    ).json();
    const url = `/api/v1/replacements/${created.id}/approve`;
    expect((await call('POST', url)).statusCode).toBe(401);
    expect((await call('POST', url, (await h.login('admin', (await h.chain()).state.id)).cookie)).statusCode).toBe(404);
    const own = await call('POST', url, s.proposer);
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toContain('higher unit');
    expect((await call('POST', url, (await h.login('admin', s.assembly.id)).cookie)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/replacements/99999999/approve', s.proposer)).statusCode).toBe(404);
    const stateAdmin = (await h.login('admin', s.state.id)).cookie;
    expect((await call('GET', `/api/v1/replacements/${created.id}`, stateAdmin)).json().canReview).toBe(true);
    const ok = await call('POST', url, stateAdmin);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', reviewedBy: { id: expect.any(Number) } });
    const tenures = (await call('GET', `/api/v1/units/${s.booth.id}/tenures`, stateAdmin)).json().items as {
      personId: number;
      endReason: string | null;
      isCurrent: boolean;
    }[];
    expect(tenures.find((x) => x.personId === s.holder.id)).toMatchObject({ endReason: 'inactive', isCurrent: false });
    expect(tenures.find((x) => x.personId === s.successor.id)).toMatchObject({ isCurrent: true });
    expect((await call('POST', url, stateAdmin)).statusCode).toBe(409);
    const sms = await sql<{ to_phone: string }>`select to_phone from sms_outbox where purpose = 'replacement'`.execute(h.db);
    expect(sms.rows.map((m) => m.to_phone).sort()).toEqual([s.holder.phone, s.successor.phone].sort());
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'replacement')
      .where('entity_id', '=', String(created.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['replacement.propose', 'replacement.approve']);
  });

  it('notifies in-app: admins above on a proposal; proposer, reviewer, the replaced holder and the successor on approval', async () => {
    const s = await setup();
    const stateAdmin = await h.login('admin', s.state.id);
    const sameUnit = await h.login('admin', s.assembly.id);
    const holderLogin = await h.login('viewer', s.booth.id);
    const successorLogin = await h.login('viewer', s.booth.id);
    await sql`update app_user set person_id = ${s.holder.id} where username = ${holderLogin.username}`.execute(h.db);
    await sql`update app_user set person_id = ${s.successor.id} where username = ${successorLogin.username}`.execute(h.db);
    const notices = async (username: string) =>
      (
        await sql<{ kind: string; title_en: string; title_hi: string; link: string }>`
        select n.kind, n.title_en, n.title_hi, n.link from notification n join app_user a on a.id = n.user_id where a.username = ${username} order by n.id`.execute(
          h.db,
        )
      ).rows;
    const created = (
      await call('POST', '/api/v1/replacements', s.proposer, {
        unitId: s.assembly.id,
        items: [{ tenureId: s.tenure.id, successorPersonId: s.successor.id }],
      })
    ).json();
    expect(await notices(stateAdmin.username)).toEqual([
      {
        kind: 'replacement-proposed',
        title_en: expect.stringContaining(`proposal ${created.id}`),
        title_hi: expect.stringContaining('समीक्षा'),
        link: `/units/${s.assembly.id}?tab=health`,
      },
    ]);
    // An admin of the proposal's own unit is not above it: not a reviewer, not told.
    expect(await notices(sameUnit.username)).toEqual([]);
    expect(await notices(holderLogin.username)).toEqual([]);
    const ok = await call('POST', `/api/v1/replacements/${created.id}/approve`, stateAdmin.cookie);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await notices(stateAdmin.username)).map((n) => n.kind)).toEqual(['replacement-proposed', 'replacement-approved']);
    const proposer = await sql<{
      username: string;
    }>`select a.username from replacement r join app_user a on a.id = r.proposed_by where r.id = ${created.id}`.execute(h.db);
    expect(await notices(proposer.rows[0]?.username ?? '')).toEqual([
      expect.objectContaining({ kind: 'replacement-approved', title_en: `Replacement proposal ${created.id} was approved.` }),
    ]);
    expect(await notices(holderLogin.username)).toEqual([
      expect.objectContaining({
        kind: 'replacement-approved',
        title_en: expect.stringContaining('has ended'),
        link: `/units/${s.booth.id}?tab=health`,
      }),
    ]);
    const appointed = await notices(successorLogin.username);
    expect(appointed).toEqual([
      expect.objectContaining({ kind: 'replacement-approved', title_en: expect.stringContaining('You are appointed') }),
    ]);
    expect(appointed[0]?.title_hi).toContain('नियुक्त');
    // The successor reads it in their inbox.
    const inbox = (await call('GET', '/api/v1/me/notifications', successorLogin.cookie)).json();
    expect(
      inbox.items.some(
        (n: { kind: string; link: string | null }) => n.kind === 'replacement-approved' && n.link === `/units/${s.booth.id}?tab=health`,
      ),
    ).toBe(true);
  });

  it('nothing is half-written when a successor took a conflicting post after the proposal', async () => {
    const s = await setup();
    const created = (
      await call('POST', '/api/v1/replacements', s.proposer, {
        unitId: s.assembly.id,
        items: [{ tenureId: s.tenure.id, successorPersonId: s.successor.id }],
      })
    ).json();
    await appoint(h.ctx, { unitId: s.booth.id, post: 'member', personId: s.successor.id, startDate: '2025-01-01' });
    const res = await call('POST', `/api/v1/replacements/${created.id}/approve`, (await h.login('admin', s.state.id)).cookie);
    expect(res.statusCode).toBe(400);
    const t = await h.db.selectFrom('tenure').select(['end_date']).where('id', '=', s.tenure.id).executeTakeFirstOrThrow();
    expect(t.end_date).toBeNull();
    expect((await h.db.selectFrom('replacement').select('status').where('id', '=', created.id).executeTakeFirstOrThrow()).status).toBe(
      'proposed',
    );
  });

  it('a rejection needs a reason and keeps the proposal; the tenure stays current', async () => {
    const s = await setup();
    const created = (
      await call('POST', '/api/v1/replacements', s.proposer, {
        unitId: s.assembly.id,
        items: [{ tenureId: s.tenure.id, successorPersonId: null }],
      })
    ).json();
    const stateAdmin = (await h.login('admin', s.state.id)).cookie;
    const url = `/api/v1/replacements/${created.id}/reject`;
    expect((await call('POST', url, undefined, { reason: 'x' })).statusCode).toBe(401);
    expect((await call('POST', url, stateAdmin, {})).statusCode).toBe(400);
    expect((await call('POST', url, s.proposer, { reason: 'mine' })).statusCode).toBe(403);
    const ok = await call('POST', url, stateAdmin, { reason: 'He attended the last two meetings' });
    expect(ok.json()).toMatchObject({ status: 'rejected', rejectReason: 'He attended the last two meetings' });
    expect((await call('POST', url, stateAdmin, { reason: 'again' })).statusCode).toBe(409);
    expect(
      (await h.db.selectFrom('tenure').select('end_date').where('id', '=', s.tenure.id).executeTakeFirstOrThrow()).end_date,
    ).toBeNull();
    const told = await sql<{
      kind: string;
    }>`select n.kind from notification n join replacement r on r.proposed_by = n.user_id where r.id = ${created.id}`.execute(h.db);
    expect(told.rows.map((n) => n.kind)).toEqual(['replacement-rejected']);
    const list = (await call('GET', `/api/v1/replacements?underUnitId=${s.district.id}&status=rejected`, stateAdmin)).json();
    expect(list.items.map((r: { id: number }) => r.id)).toContain(created.id);
  });
});
