import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { JPEG, PNG } from '../files/test-images';
import { caller, dayOffset, holderWithLogin } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness({ maxUploadBytes: 64 * 1024 });
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});
const upload = (id: number, cookie: string | undefined, body: Buffer, type = 'image/jpeg') =>
  h.app.inject({ method: 'POST', url: `/api/v1/assignments/${id}/photos`, payload: body, headers: { 'content-type': type, ...(cookie ? { cookie } : {}) } });

describe('assignment report photos', () => {
  it('401, 403 for someone else, 404 outside, 415 not an image, 200 by the addressee; served to who sees it; refused once closed', async () => {
    const { district, assembly } = await h.chain();
    const me = await holderWithLogin(h, assembly.id);
    await call('POST', '/api/v1/directives', admin, { unitId: district.id, text: 'Photos of the meeting', dueDate: dayOffset(4), target: { cascade: { level: 'assembly', post: 'president' } } });
    const a = (await call('GET', '/api/v1/me/assignments', me.cookie)).json().items[0];
    expect((await upload(a.id, undefined, JPEG)).statusCode).toBe(401);
    const districtAdmin = (await h.login('admin', district.id)).cookie;
    expect((await upload(a.id, districtAdmin, JPEG)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await upload(a.id, outsider, JPEG)).statusCode).toBe(404);
    expect((await upload(a.id, me.cookie, Buffer.from('not an image'), 'image/jpeg')).statusCode).toBe(415);
    expect((await upload(a.id, me.cookie, PNG, 'image/jpeg')).statusCode).toBe(415);
    const ok = await upload(a.id, me.cookie, JPEG);
    expect(ok.statusCode).toBe(200);
    const [fileId] = ok.json().report.photoFileIds;
    expect(fileId).toBeGreaterThan(0);
    expect((await call('GET', `/api/v1/files/${fileId}`, districtAdmin)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/files/${fileId}`, outsider)).statusCode).toBe(404);
    const listed = (await call('GET', `/api/v1/directives/${a.directiveId}/assignments`, admin)).json().items[0];
    expect(listed.report.photoFileIds).toEqual([fileId]);
    await call('POST', `/api/v1/assignments/${a.id}/complete`, me.cookie, { text: 'done, photos attached' });
    expect((await upload(a.id, me.cookie, JPEG)).statusCode).toBe(400);
    const history = (await call('GET', `/api/v1/assignments/${a.id}/history`, me.cookie)).json().items.map((x: { action: string }) => x.action);
    expect(history).toEqual(['assignment.complete', 'assignment.photo.add']);
  });
});
