import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { sha256Of } from './operations';
import { PNG, uniqueJpeg } from './test-images';

let h: THarness;
let admin: string;
beforeAll(async () => {
  // A small limit, to see that the one given to buildApp is the one applied.
  h = await createHarness({ maxUploadBytes: 300 * 1024 });
  admin = (await h.login('national-admin')).cookie;
});

const get = (url: string, cookie?: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...headers } });
const withPhoto = async (image: Buffer, type = 'image/jpeg') => {
  const { district, booth } = await h.chain();
  const person = await h.person({ homeUnitId: booth.id });
  const res = await h.app.inject({ method: 'PUT', url: `/api/v1/people/${person.id}/photo`, payload: image, headers: { cookie: admin, 'content-type': type } });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { district, booth, person, fileId: res.json().photoFileId as number };
};

describe('GET /api/v1/files/:id', () => {
  it('401, 400, 404, 200 — the bytes with their type and cache headers, to whoever may see the person', async () => {
    const image = uniqueJpeg('served');
    const { district, fileId } = await withPhoto(image);
    const url = `/api/v1/files/${fileId}`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get('/api/v1/files/abc', admin)).json()).toMatchObject({ error: 'VALIDATION', field: 'params.id' });
    expect((await get('/api/v1/files/99999999', admin)).json()).toMatchObject({ error: 'NOT_FOUND', message: 'File 99999999 was not found.' });
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await get(url, outsider)).statusCode).toBe(404);

    const viewer = (await h.login('viewer', district.id)).cookie;
    const ok = await get(url, viewer);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/jpeg');
    expect(ok.rawPayload.equals(image)).toBe(true);
    expect(ok.headers.etag).toBe(`"${sha256Of(image)}"`);
    expect(ok.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    const again = await get(url, viewer, { 'if-none-match': `"${sha256Of(image)}"` });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('answers 404 (and logs) when the bytes are missing from the store, without cache headers', async () => {
    const image = uniqueJpeg('lost');
    const { fileId } = await withPhoto(image);
    await h.fileStore.delete(sha256Of(image));
    const res = await get(`/api/v1/files/${fileId}`, admin);
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).toBeUndefined();
  });

  it('serves PNG as PNG, and applies the upload limit the app was built with', async () => {
    const { fileId, person } = await withPhoto(PNG, 'image/png');
    expect((await get(`/api/v1/files/${fileId}`, admin)).headers['content-type']).toBe('image/png');
    const big = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${person.id}/photo`,
      payload: Buffer.concat([PNG, Buffer.alloc(300 * 1024)]),
      headers: { cookie: admin, 'content-type': 'image/png' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/at most 300 KB/);
  });
});
