import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { sha256Of } from '../files/operations';
import { JPEG, jpegOfSize, PNG, uniqueJpeg, WEBP } from '../files/test-images';
import { makeDrive } from '../membership/test-support';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});

const put = (id: number, cookie: string | undefined, body: Buffer | string, type = 'image/jpeg', query = '', lang?: string) =>
  h.app.inject({
    method: 'PUT',
    url: `/api/v1/people/${id}/photo${query}`,
    payload: body,
    headers: { 'content-type': type, ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) },
  });
const del = (id: number, cookie?: string) => h.app.inject({ method: 'DELETE', url: `/api/v1/people/${id}/photo`, headers: cookie ? { cookie } : {} });
const get = (url: string, cookie?: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...headers } });
const onDisk = (sha: string) => fs.existsSync(path.join(h.filesDir, sha.slice(0, 2), sha.slice(2, 4), sha));

describe('PUT /api/v1/people/:id/photo', () => {
  it('401, 400, 403, 404, 200 — the photo is stored, linked, audited and served', async () => {
    const { district, booth } = await h.chain();
    const p = await h.person({ homeUnitId: booth.id });
    expect(p.photoFileId).toBeNull();
    expect((await put(p.id, undefined, JPEG)).statusCode).toBe(401);
    expect((await put(0, admin, JPEG)).json()).toMatchObject({ error: 'VALIDATION', field: 'params.id' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await put(p.id, viewer, JPEG)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await put(p.id, outsider, JPEG)).statusCode).toBe(404);
    expect((await put(99_999_999, admin, JPEG)).statusCode).toBe(404);

    const entry = (await h.login('data-entry', district.id)).cookie;
    const ok = await put(p.id, entry, JPEG, 'image/jpeg', '?name=IMG_0042.JPG');
    expect(ok.statusCode).toBe(200);
    const fileId = ok.json().photoFileId as number;
    expect(fileId).toBeGreaterThan(0);
    expect((await get(`/api/v1/people/${p.id}`, viewer)).json().photoFileId).toBe(fileId);
    const row = await h.db.selectFrom('stored_file').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sha256: sha256Of(JPEG), mime: 'image/jpeg', bytes: JPEG.length, width: 8, height: 6, owner_type: 'person', owner_id: p.id });
    expect(onDisk(row.sha256)).toBe(true);
    const history = (await get(`/api/v1/people/${p.id}/history`, admin)).json();
    expect(history.items[0]).toMatchObject({ action: 'person.photo.update', before: { photoFileId: null }, after: { photoFileId: fileId } });
  });

  it('takes PNG and WebP, and a replaced photo leaves the store', async () => {
    const p = await h.person();
    const first = (await put(p.id, admin, PNG, 'image/png')).json().photoFileId as number;
    expect(onDisk(sha256Of(PNG))).toBe(true);
    const second = await put(p.id, admin, WEBP, 'image/webp; charset=binary');
    expect(second.statusCode).toBe(200);
    expect(second.json().photoFileId).not.toBe(first);
    expect(onDisk(sha256Of(PNG))).toBe(false);
    expect(onDisk(sha256Of(WEBP))).toBe(true);
    expect((await get(`/api/v1/files/${first}`, admin)).statusCode).toBe(404);
    const old = await h.db.selectFrom('stored_file').select('deleted_at').where('id', '=', first).executeTakeFirstOrThrow();
    expect(old.deleted_at).not.toBeNull();
  });

  it('refuses a non-image, a lying content type or file name, and a damaged image with 415 and a clear message', async () => {
    const p = await h.person();
    const text = await put(p.id, admin, 'hello, not a photo', 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(text.json().message).toMatch(/"text\/plain".*JPEG, PNG, WebP/);
    const pdf = await put(p.id, admin, Buffer.from('%PDF-1.7 fake'), 'image/jpeg');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().message).toMatch(/not a JPEG, PNG, WebP image/);
    const lying = await put(p.id, admin, PNG, 'image/jpeg');
    expect(lying.statusCode).toBe(415);
    expect(lying.json().message).toBe('The file was sent as JPEG but it is a PNG image. Send it with its real type.');
    const badName = await put(p.id, admin, PNG, 'image/png', '?name=photo.jpg');
    expect(badName.json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE', field: 'name' });
    expect((await put(p.id, admin, JPEG.subarray(0, 20), 'image/jpeg')).json().message).toMatch(/damaged or incomplete/);
    const hindi = await put(p.id, admin, Buffer.from('GIF89a'), 'image/gif', '', 'hi');
    expect(hindi.statusCode).toBe(415);
    expect(hindi.json().message).toMatch(/[\u0900-\u097f]/);
    const octet = await put(p.id, admin, JPEG, 'application/octet-stream');
    expect(octet.statusCode).toBe(415);
    expect((await put(p.id, admin, Buffer.alloc(0), 'image/jpeg')).statusCode).toBe(400);
    expect((await get(`/api/v1/people/${p.id}`, admin)).json().photoFileId).toBeNull();
    expect(await h.db.selectFrom('stored_file').select('id').where('owner_id', '=', p.id).execute()).toEqual([]);
  });

  it('refuses more than the limit with 413 naming it, and accepts exactly the limit', async () => {
    const p = await h.person();
    const max = 5 * 1024 * 1024;
    // Nobody logged in: refused before the body is read.
    expect((await put(p.id, undefined, jpegOfSize(max + 1))).statusCode).toBe(401);
    const big = await put(p.id, admin, jpegOfSize(max + 1));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
    expect(big.json().message).toMatch(/at most 5 MB/);
    expect((await put(p.id, admin, jpegOfSize(max))).statusCode).toBe(200);
  });

  it('a person deleted from the records cannot get a new photo', async () => {
    const p = await h.person();
    await h.app.inject({ method: 'DELETE', url: `/api/v1/people/${p.id}`, headers: { cookie: admin } });
    const unique = uniqueJpeg('deleted-person');
    expect((await put(p.id, admin, unique)).json()).toMatchObject({ error: 'VALIDATION' });
    expect(await h.db.selectFrom('stored_file').select('id').where('owner_id', '=', p.id).execute()).toEqual([]);
    expect(onDisk(sha256Of(unique))).toBe(false);
  });
});

describe('DELETE /api/v1/people/:id/photo', () => {
  it('401, 403, 404, 200 — the link goes, the bytes go, the audit keeps the file id', async () => {
    const { district, booth } = await h.chain();
    const p = await h.person({ homeUnitId: booth.id });
    expect((await del(p.id, admin)).json()).toMatchObject({ error: 'NOT_FOUND', message: 'This person has no photo to remove.' });
    const image = uniqueJpeg('to-remove');
    const fileId = (await put(p.id, admin, image)).json().photoFileId as number;
    expect((await del(p.id)).statusCode).toBe(401);
    expect((await del(p.id, (await h.login('office-bearer', district.id)).cookie)).statusCode).toBe(403);
    expect((await del(p.id, (await h.login('admin', (await h.chain()).district.id)).cookie)).statusCode).toBe(404);
    const ok = await del(p.id, (await h.login('data-entry', booth.id)).cookie);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().photoFileId).toBeNull();
    expect(onDisk(sha256Of(image))).toBe(false);
    expect((await get(`/api/v1/files/${fileId}`, admin)).statusCode).toBe(404);
    const history = (await get(`/api/v1/people/${p.id}/history`, admin)).json();
    expect(history.items[0]).toMatchObject({ action: 'person.photo.update', before: { photoFileId: fileId }, after: { photoFileId: null } });
  });

  it('keeps bytes another person\'s photo still uses', async () => {
    const a = await h.person();
    const b = await h.person();
    await put(a.id, admin, JPEG);
    const bFile = (await put(b.id, admin, JPEG)).json().photoFileId as number;
    await del(a.id, admin);
    expect(onDisk(sha256Of(JPEG))).toBe(true);
    expect((await get(`/api/v1/files/${bFile}`, admin)).statusCode).toBe(200);
  });
});

describe('verification by photo', () => {
  it('needs the member\'s photo on file; with one, the membership is verified by photo', async () => {
    const { state, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const p = await h.person({ homeUnitId: booth.id });
    const enrolled = await h.app.inject({ method: 'POST', url: `/api/v1/drives/${drive.id}/enrol`, payload: { personId: p.id, unitId: booth.id }, headers: { cookie: admin } });
    const verify = (lang = 'en') =>
      h.app.inject({ method: 'POST', url: `/api/v1/memberships/${enrolled.json().id}/verify`, payload: { method: 'photo' }, headers: { cookie: admin, 'accept-language': lang } });
    const refused = await verify('hi');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'VALIDATION', field: 'method' });
    expect(refused.json().message).toMatch(/फ़ोटो/);
    expect((await verify()).json().message).toMatch(/needs the member's photo on file/);
    await put(p.id, admin, uniqueJpeg('member'));
    const ok = await verify();
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'verified', method: 'photo' });
  });
});
