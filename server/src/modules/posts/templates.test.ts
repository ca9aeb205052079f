import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { createWing } from '../units/structure';
import { appoint, endTenure } from './operations';

let h: THarness;
let national: string;
beforeAll(async () => {
  h = await createHarness();
  national = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, cookie?: string, payload?: object, lang = 'en') =>
  h.app.inject({ method, url, payload, headers: { 'accept-language': lang, ...(cookie ? { cookie } : {}) } });

const post = (key: string, minSeats: number, maxSeats: number, name = key, nameHi = 'पद') => ({ key, name, nameHi, minSeats, maxSeats });
const auditOf = (entityId: string) =>
  h.db
    .selectFrom('audit_log')
    .select(['action', 'before', 'after'])
    .where('entity_type', '=', 'post_template')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();

describe('GET /api/v1/post-templates', () => {
  it('401, 400, 404, 200 — every level in order, the booth committee 10 seats, editable only by national admins', async () => {
    expect((await call('GET', '/api/v1/post-templates')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/post-templates?wing=No%20Such', national)).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'querystring.wing',
    });
    expect((await call('GET', '/api/v1/post-templates?wing=nosuch', national)).statusCode).toBe(404);
    const res = await call('GET', '/api/v1/post-templates', national);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { level: string; source: string; minTotal: number; canEdit: boolean; posts: { key: string }[] }[];
    expect(items.map((t) => t.level)).toEqual([
      'national',
      'state',
      'region',
      'division',
      'district',
      'assembly',
      'mandal',
      'shakti-kendra',
      'booth',
    ]);
    const booth = items.find((t) => t.level === 'booth');
    expect(booth).toMatchObject({ source: 'default', minTotal: 10, maxTotal: 10, canEdit: true, wing: 'main' });
    expect(booth?.posts.map((p) => p.key)).toEqual(['president', 'booth-agent', 'secretary', 'whatsapp-in-charge', 'member']);
    const { state } = await h.chain();
    const stateAdmin = (await h.login('admin', state.id)).cookie;
    expect((await call('GET', '/api/v1/post-templates/booth', stateAdmin)).json()).toMatchObject({ level: 'booth', canEdit: false });
    expect((await call('GET', '/api/v1/post-templates/nosuch', stateAdmin)).statusCode).toBe(404);
  });
});

describe('PUT /api/v1/post-templates/:level', () => {
  it('401, 400 for bad keys, labels and sizes, 403 below the national unit, 404 for an unknown level or wing', async () => {
    const body = { posts: [post('president', 1, 1, 'President', 'अध्यक्ष')] };
    expect((await call('PUT', '/api/v1/post-templates/mandal', undefined, body)).statusCode).toBe(401);
    const bad = async (posts: object[], field: RegExp) => {
      const res = await call('PUT', '/api/v1/post-templates/mandal', national, { posts });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toMatch(field);
    };
    await bad([post('General Secretary', 1, 1)], /posts\.0\.key/);
    await bad([post('general--secretary', 1, 1)], /posts\.0\.key/);
    await bad([post('president', 1, 1, 'President', 'President')], /posts\.0\.nameHi/);
    await bad([post('president', 1, 1, '', 'अध्यक्ष')], /posts\.0\.name/);
    await bad([post('president', 2, 1)], /posts\.0\.minSeats/);
    await bad([post('president', 1, 0)], /posts\.0\.maxSeats/);
    await bad([post('president', 1, 101)], /posts\.0\.maxSeats/);
    await bad([post('president', 1, 1), post('president', 1, 1)], /posts\.1\.key/);
    await bad([], /posts/);
    await bad([post('programme-in-charge', 1, 1)], /posts\.0\.key/);
    const hi = await call('PUT', '/api/v1/post-templates/mandal', national, { posts: [post('president', 3, 2)] }, 'hi');
    expect(hi.json().message).toMatch(/minSeats/);
    const { state } = await h.chain();
    expect((await call('PUT', '/api/v1/post-templates/mandal', (await h.login('admin', state.id)).cookie, body)).statusCode).toBe(403);
    expect((await call('PUT', '/api/v1/post-templates/mandal', (await h.login('data-entry')).cookie, body)).statusCode).toBe(403);
    expect((await call('PUT', '/api/v1/post-templates/nosuch', national, body)).statusCode).toBe(404);
    expect((await call('PUT', '/api/v1/post-templates/mandal?wing=nosuch', national, body)).statusCode).toBe(404);
    // Nothing of the refused requests was written.
    expect((await call('GET', '/api/v1/post-templates/mandal', national)).json().posts).toHaveLength(7);
    expect(await auditOf('main:mandal')).toEqual([]);
  });

  it('an admin of the national unit replaces a level template, audited; unit posts and appointments follow it', async () => {
    const rootAdmin = (await h.login('admin')).cookie;
    const before = (await call('GET', '/api/v1/post-templates/mandal', rootAdmin)).json();
    const posts = [
      post('president', 1, 1, 'Mandal president', 'मंडल अध्यक्ष'),
      post('general-secretary', 2, 5, 'General secretary', 'महामंत्री'),
      post('social-media', 0, 2, 'Social media', 'सोशल मीडिया'),
    ];
    const res = await call('PUT', '/api/v1/post-templates/mandal', rootAdmin, { posts });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ level: 'mandal', source: 'default', minTotal: 3, maxTotal: 8, posts });
    const audit = await auditOf('main:mandal');
    expect(audit).toEqual([{ action: 'post-template.set', before: { source: 'own', posts: before.posts }, after: { posts } }]);

    const { assembly } = await h.chain();
    const mandal = await h.unit({ parentId: assembly.id, level: 'mandal' });
    const view = (await call('GET', `/api/v1/units/${mandal.id}/posts`, national)).json();
    expect(view.slots.map((s: { post: string; seats: number; minSeats: number }) => [s.post, s.minSeats, s.seats])).toEqual([
      ['president', 1, 1],
      ['general-secretary', 2, 5],
      ['social-media', 0, 2],
    ]);
    expect(view).toMatchObject({ filled: 0, total: 3, isComplete: false, templateSource: 'default' });
    const treasurer = await call('POST', '/api/v1/tenures', national, {
      unitId: mandal.id,
      post: 'treasurer',
      personId: (await h.person()).id,
      startDate: '2026-01-01',
    });
    expect(treasurer.json()).toMatchObject({ error: 'VALIDATION', field: 'post' });
    for (const key of ['president', 'general-secretary', 'general-secretary']) {
      await appoint(h.ctx, { unitId: mandal.id, post: key, personId: (await h.person()).id, startDate: '2026-01-01' });
    }
    // Complete with every minimum filled, though general secretaries could be five and social media is empty.
    expect((await call('GET', `/api/v1/units/${mandal.id}/posts`, national)).json()).toMatchObject({
      filled: 3,
      total: 3,
      isComplete: true,
    });
    const t = await appoint(h.ctx, { unitId: mandal.id, post: 'social-media', personId: (await h.person()).id, startDate: '2026-01-01' });
    expect(t).toMatchObject({ postName: 'Social media', postNameHi: 'सोशल मीडिया' });
  });

  it('409 (and nothing changes) when a post in use would go or shrink below its current holders', async () => {
    const { district } = await h.chain();
    const a = await appoint(h.ctx, { unitId: district.id, post: 'treasurer', personId: (await h.person()).id, startDate: '2026-01-01' });
    for (let i = 0; i < 3; i++)
      await appoint(h.ctx, { unitId: district.id, post: 'secretary', personId: (await h.person()).id, startDate: '2026-01-01' });
    const current = (await call('GET', '/api/v1/post-templates/district', national)).json().posts as ReturnType<typeof post>[];
    const without = current.filter((p) => p.key !== 'treasurer');
    const gone = await call('PUT', '/api/v1/post-templates/district', national, { posts: without });
    expect(gone.statusCode).toBe(409);
    expect(gone.json()).toMatchObject({ error: 'CONFLICT', field: 'posts' });
    expect(gone.json().message).toBe(
      `The post "treasurer" cannot be removed from the district template: 1 current office bearer(s) hold it (e.g. in unit ${district.id}). End those tenures first.`,
    );
    const hi = await call('PUT', '/api/v1/post-templates/district', national, { posts: without }, 'hi');
    expect(hi.json().message).toContain('पहले वे कार्यकाल समाप्त करें');
    const shrunk = current.map((p) => (p.key === 'secretary' ? { ...p, minSeats: 1, maxSeats: 2 } : p));
    const small = await call('PUT', '/api/v1/post-templates/district', national, { posts: shrunk });
    expect(small.statusCode).toBe(409);
    expect(small.json().message).toContain(`unit ${district.id} has 3 current holders`);
    expect((await call('GET', '/api/v1/post-templates/district', national)).json().posts).toEqual(current);
    expect(await auditOf('main:district')).toEqual([]);
    // An ended tenure is history, not use: the post may go once nobody holds it now.
    await endTenure(h.ctx, a.id, { endDate: '2026-02-01', reason: 'resigned' });
    expect((await call('PUT', '/api/v1/post-templates/district', national, { posts: without })).statusCode).toBe(200);
    const history = (await call('GET', `/api/v1/units/${district.id}/tenures`, national)).json().items;
    expect(history.find((x: { id: number }) => x.id === a.id)).toMatchObject({ post: 'treasurer', endReason: 'resigned' });
  });
});

describe('wing templates', () => {
  it("a wing's own template replaces the default for its units; its admin edits it, not the default; reset goes back", async () => {
    const wing = await createWing(h.ctx, { key: 'yuva', name: 'Youth wing', nameHi: 'युवा मोर्चा' });
    const wState = await h.unit({ parentId: wing.rootUnitId, level: 'state' });
    const wBooth = await h.unit({ parentId: wState.id, level: 'booth' });
    const mainBooth = (await h.chain()).booth;
    const wingAdmin = (await h.login('admin', wing.rootUnitId)).cookie;
    const posts = [
      post('president', 1, 1, 'Youth booth president', 'युवा बूथ अध्यक्ष'),
      post('social-media', 1, 1, 'Social media', 'सोशल मीडिया'),
      post('member', 3, 8, 'Member', 'सदस्य'),
    ];
    expect((await call('GET', '/api/v1/post-templates/booth?wing=yuva', wingAdmin)).json()).toMatchObject({
      source: 'default',
      canEdit: true,
      minTotal: 10,
    });
    expect((await call('PUT', '/api/v1/post-templates/booth', wingAdmin, { posts })).statusCode).toBe(403);
    const res = await call('PUT', '/api/v1/post-templates/booth?wing=yuva', wingAdmin, { posts });
    expect(res.json()).toMatchObject({ wing: 'yuva', source: 'wing', minTotal: 5, maxTotal: 10 });
    expect((await auditOf('yuva:booth'))[0]).toMatchObject({ action: 'post-template.set', before: { source: 'default' } });
    // The main wing's booths keep the default.
    expect((await call('GET', `/api/v1/units/${mainBooth.id}/posts`, national)).json()).toMatchObject({
      total: 10,
      templateSource: 'default',
    });
    expect((await call('GET', `/api/v1/units/${wBooth.id}/posts`, national)).json()).toMatchObject({ total: 5, templateSource: 'wing' });
    const p = await h.person({ homeUnitId: wBooth.id });
    const sm = await call('POST', '/api/v1/tenures', national, {
      unitId: wBooth.id,
      post: 'social-media',
      personId: p.id,
      startDate: '2026-01-01',
    });
    expect(sm.json()).toMatchObject({ postName: 'Social media' });
    const onMain = await call('POST', '/api/v1/tenures', national, {
      unitId: mainBooth.id,
      post: 'social-media',
      personId: (await h.person()).id,
      startDate: '2026-01-01',
    });
    expect(onMain.json()).toMatchObject({ error: 'VALIDATION', field: 'post' });
    expect((await call('GET', `/api/v1/people/${p.id}/tenures`, national)).json().items[0]).toMatchObject({ postNameHi: 'सोशल मीडिया' });

    expect((await call('DELETE', '/api/v1/post-templates/booth?wing=yuva')).statusCode).toBe(401);
    expect((await call('DELETE', '/api/v1/post-templates/booth', national)).statusCode).toBe(400);
    expect((await call('DELETE', '/api/v1/post-templates/booth?wing=main', national)).statusCode).toBe(400);
    expect((await call('DELETE', '/api/v1/post-templates/booth?wing=yuva', (await h.login('admin', wState.id)).cookie)).statusCode).toBe(
      403,
    );
    expect((await call('DELETE', '/api/v1/post-templates/state?wing=yuva', wingAdmin)).statusCode).toBe(404);
    const held = await call('DELETE', '/api/v1/post-templates/booth?wing=yuva', wingAdmin);
    expect(held.statusCode).toBe(409);
    expect(held.json().message).toContain('"social-media"');
    await endTenure(h.ctx, sm.json().id, { endDate: '2026-01-02', reason: 'resigned' });
    const reset = await call('DELETE', '/api/v1/post-templates/booth?wing=yuva', wingAdmin);
    expect(reset.json()).toMatchObject({ source: 'default', minTotal: 10 });
    expect((await call('GET', `/api/v1/units/${wBooth.id}/posts`, national)).json()).toMatchObject({
      total: 10,
      templateSource: 'default',
    });
    expect((await auditOf('yuva:booth')).map((a) => a.action)).toEqual(['post-template.set', 'post-template.reset']);
  });
});
