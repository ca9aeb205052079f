import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { JPEG, PNG } from '../files/test-images';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness({ maxUploadBytes: 64 * 1024 });
  admin = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
const upload = (stopId: number, cookie: string | undefined, body: Buffer, type = 'image/jpeg', query = '') =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/tour-stops/${stopId}/photos${query}`,
    payload: body,
    headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
  });
const day = (offset: number) => new Date(Date.now() + 330 * 60_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('stop report photos', () => {
  it('401, 400, 403, 404, 413, 415 and 200: photos are stored with the stop and served to whoever sees it', async () => {
    const { state, district, assembly } = await h.chain();
    const leader = await h.person({ homeUnitId: state.id });
    const tour = (
      await call('POST', '/api/v1/tours', admin, {
        unitId: state.id,
        leaderPersonId: leader.id,
        title: 'Tour',
        startsOn: day(-2),
        endsOn: day(2),
      })
    ).json();
    const past = (
      await call('POST', `/api/v1/tours/${tour.id}/stops`, admin, {
        unitId: assembly.id,
        startsAt: `${day(-1)}T10:00:00+05:30`,
        endsAt: `${day(-1)}T11:00:00+05:30`,
        purpose: 'rally',
      })
    ).json();
    const future = (
      await call('POST', `/api/v1/tours/${tour.id}/stops`, admin, {
        unitId: assembly.id,
        startsAt: `${day(1)}T10:00:00+05:30`,
        endsAt: `${day(1)}T11:00:00+05:30`,
        purpose: 'rally',
      })
    ).json();
    expect((await upload(past.id, undefined, JPEG)).statusCode).toBe(401);
    expect((await upload(future.id, admin, JPEG)).json()).toMatchObject({ error: 'VALIDATION', field: 'body' });
    expect((await upload(past.id, admin, Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload(past.id, admin, Buffer.from('not an image at all'), 'image/png')).statusCode).toBe(415);
    expect((await upload(past.id, admin, PNG, 'image/jpeg')).statusCode).toBe(415);
    expect((await upload(past.id, admin, JPEG, 'image/jpeg', '?name=photo.png')).statusCode).toBe(415);
    expect((await upload(past.id, admin, Buffer.alloc(70 * 1024, 1))).statusCode).toBe(413);
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await upload(past.id, viewer, JPEG)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await upload(past.id, outsider, JPEG)).statusCode).toBe(404);
    const local = (await h.login('office-bearer', assembly.id)).cookie;
    const ok = await upload(past.id, local, JPEG, 'image/jpeg', '?name=rally.jpg');
    expect(ok.statusCode).toBe(200);
    const [fileId] = ok.json().photoFileIds;
    expect((await upload(past.id, admin, PNG, 'image/png')).json().photoFileIds).toHaveLength(2);
    expect((await call('GET', `/api/v1/files/${fileId}`, viewer)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/files/${fileId}`, outsider)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/tours/${tour.id}`, viewer)).json().stops[0].photoFileIds).toHaveLength(2);

    const del = `/api/v1/tour-stops/${past.id}/photos/${fileId}`;
    expect((await call('DELETE', del)).statusCode).toBe(401);
    expect((await call('DELETE', `/api/v1/tour-stops/${past.id}/photos/abc`, admin)).statusCode).toBe(400);
    expect((await call('DELETE', del, viewer)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/tour-stops/${past.id}/photos/99999999`, admin)).json()).toMatchObject({
      error: 'NOT_FOUND',
      field: 'fileId',
    });
    expect((await call('DELETE', del, admin)).json().photoFileIds).toHaveLength(1);
    expect((await call('GET', `/api/v1/files/${fileId}`, viewer)).statusCode).toBe(404);
    const hist = (await call('GET', `/api/v1/tour-stops/${past.id}/history`, viewer)).json();
    expect(hist.items.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      'tour.stop.photo.remove',
      'tour.stop.photo.add',
      'tour.stop.photo.add',
    ]);
  });
});
