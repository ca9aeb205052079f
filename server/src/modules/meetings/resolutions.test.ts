import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, district, heldMeeting, makeMeeting } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

describe('resolutions', () => {
  it('401, 400, 403, 404, then numbers them per meeting from 1', async () => {
    const s = await district(h);
    const planned = await makeMeeting(h, admin, s.district.id);
    const early = await call('POST', `/api/v1/meetings/${planned.id}/resolutions`, admin, { text: 'x' });
    expect(early.json()).toMatchObject({ error: 'VALIDATION' });
    expect(early.json().message).toMatch(/held/);
    const m = await heldMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}/resolutions`;
    expect((await call('POST', url, undefined, { text: 'x' })).statusCode).toBe(401);
    expect((await call('POST', url, admin, { text: '' })).json().field).toBe('text');
    expect((await call('POST', url, admin, { text: 'x'.repeat(5001) })).json().field).toBe('text');
    const viewer = (await h.login('viewer', s.district.id)).cookie;
    expect((await call('POST', url, viewer, { text: 'x' })).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', url, outsider, { text: 'x' })).statusCode).toBe(404);
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    const one = await call('POST', url, admin, { text: 'हर बूथ पर 15 दिन में बूथ समिति पूरी की जाए।' });
    expect(one.statusCode).toBe(201);
    expect(one.json()).toMatchObject({ number: 1, status: 'active', actions: { canEdit: true } });
    const two = (await call('POST', url, admin, { text: 'Membership drive review every week.' })).json();
    expect(two.number).toBe(2);
    const other = await heldMeeting(h, admin, s.district.id);
    expect((await call('POST', `/api/v1/meetings/${other.id}/resolutions`, admin, { text: 'x' })).json().number).toBe(1);
    const list = (await call('GET', url, viewer)).json();
    expect(list).toMatchObject({ canAdd: false, items: [{ number: 1, actions: { canEdit: false } }, { number: 2 }] });
  });

  it('edits and withdraws with the audit trail; numbers are never reused; approval locks them', async () => {
    const s = await district(h);
    const m = await heldMeeting(h, admin, s.district.id);
    const url = `/api/v1/meetings/${m.id}/resolutions`;
    const r1 = (await call('POST', url, admin, { text: 'First draft' })).json();
    const viewer = (await h.login('viewer', s.district.id)).cookie;
    expect((await call('PATCH', `${url}/${r1.id}`, viewer, { text: 'x' })).statusCode).toBe(403);
    expect((await call('PATCH', `${url}/${r1.id}`, undefined, { text: 'x' })).statusCode).toBe(401);
    expect((await call('PATCH', `${url}/99999999`, admin, { text: 'x' })).statusCode).toBe(404);
    expect((await call('PATCH', `${url}/${r1.id}`, admin, { text: '' })).statusCode).toBe(400);
    const edited = await call('PATCH', `${url}/${r1.id}`, admin, { text: 'Final wording' });
    expect(edited.json()).toMatchObject({ number: 1, text: 'Final wording' });
    expect((await call('POST', `${url}/${r1.id}/withdraw`, admin, {})).json().field).toBe('reason');
    const withdrawn = await call('POST', `${url}/${r1.id}/withdraw`, admin, { reason: 'Merged into another' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Merged into another', actions: { canEdit: false } });
    expect((await call('PATCH', `${url}/${r1.id}`, admin, { text: 'again' })).json().message).toMatch(/withdrawn/);
    expect((await call('POST', url, admin, { text: 'Second' })).json().number).toBe(2);
    const history = (await call('GET', `/api/v1/meetings/${m.id}/history`, admin)).json().items;
    expect(history.map((e: { action: string }) => e.action).slice(0, 3)).toEqual(['meeting.resolution.add', 'meeting.resolution.withdraw', 'meeting.resolution.edit']);
    expect(history[2]).toMatchObject({ before: { text: 'First draft' }, after: { text: 'Final wording' } });
    await call('PUT', `/api/v1/meetings/${m.id}/minutes`, admin, { text: 'Minutes', lang: 'en' });
    await call('POST', `/api/v1/meetings/${m.id}/status`, admin, { status: 'minutes-approved' });
    expect((await call('POST', url, admin, { text: 'Late' })).json().message).toMatch(/approved/);
    const r2 = (await call('GET', url, admin)).json().items[1];
    expect((await call('PATCH', `${url}/${r2.id}`, admin, { text: 'Late' })).statusCode).toBe(400);
    expect((await call('GET', url, admin)).json().canAdd).toBe(false);
  });
});
