import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { JPEG, jpegOfSize } from '../files/test-images';
import { caller, districtElection, wardsCsv } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness({ maxUploadBytes: 64 * 1024 });
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

const setup = async (year: number) => {
  const { district, election } = await districtElection(h, admin, year);
  await call('POST', `/api/v1/elections/${election.id}/seats/import?dryRun=false`, admin, wardsCsv(1));
  const [seat] = (await call('GET', `/api/v1/elections/${election.id}/seats`, admin)).json().items as { id: number }[];
  const person = await h.person({ homeUnitId: district.id });
  const a = (await call('POST', `/api/v1/seats/${(seat as { id: number }).id}/aspirants`, admin, { personId: person.id })).json();
  return { district, aspirantId: a.id as number };
};

const upload = (id: number, cookie: string | undefined, body: Buffer, type: string, name = 'affidavit.pdf', label?: string) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/aspirants/${id}/documents?name=${encodeURIComponent(name)}${label ? `&label=${encodeURIComponent(label)}` : ''}`,
    payload: body,
    headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
  });

describe('aspirant documents', () => {
  it('upload: 401, 404 outside or from below, 403 for a viewer, 415 wrong type or name, 413 too large, 201 for data entry', async () => {
    const { district, aspirantId } = await setup(2041);
    expect((await upload(aspirantId, undefined, PDF, 'application/pdf')).statusCode).toBe(401);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await upload(aspirantId, outsider, PDF, 'application/pdf')).statusCode).toBe(404);
    expect((await upload(99_999_999, admin, PDF, 'application/pdf')).statusCode).toBe(404);
    // A booth worker below the district sees the election, not its aspirants' papers.
    const below = await h.unit({ parentId: district.id, level: 'assembly' });
    const belowCookie = (await h.login('admin', below.id)).cookie;
    expect((await upload(aspirantId, belowCookie, PDF, 'application/pdf')).statusCode).toBe(404);
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await upload(aspirantId, viewer, PDF, 'application/pdf')).statusCode).toBe(403);
    expect((await upload(aspirantId, admin, Buffer.from('MZ\x90\x00 program'), 'application/x-msdownload', 'a.exe')).statusCode).toBe(415);
    expect((await upload(aspirantId, admin, Buffer.from('not a pdf at all'), 'application/pdf')).json()).toMatchObject({
      error: 'UNSUPPORTED_MEDIA_TYPE',
    });
    expect((await upload(aspirantId, admin, JPEG, 'application/pdf')).statusCode).toBe(415);
    expect((await upload(aspirantId, admin, PDF, 'application/pdf', 'affidavit.exe')).statusCode).toBe(415);
    const big = await upload(aspirantId, admin, jpegOfSize(80 * 1024), 'image/jpeg', 'scan.jpg');
    expect(big.statusCode).toBe(413);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: `/api/v1/aspirants/${aspirantId}/documents`,
          payload: PDF,
          headers: { 'content-type': 'application/pdf', cookie: admin },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      await h.db.selectFrom('stored_file').select('id').where('owner_type', '=', 'aspirant').where('owner_id', '=', aspirantId).execute(),
    ).toEqual([]);

    const entry = (await h.login('data-entry', district.id)).cookie;
    const ok = await upload(aspirantId, entry, PDF, 'application/pdf', 'affidavit.pdf', 'Form 26 affidavit');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: 'affidavit.pdf', label: 'Form 26 affidavit', mime: 'application/pdf', bytes: PDF.length });
    const photo = await upload(aspirantId, entry, JPEG, 'image/jpeg', 'photo.jpg');
    expect(photo.statusCode).toBe(201);
    const history = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'aspirant')
      .where('entity_id', '=', String(aspirantId))
      .execute();
    expect(history.filter((r) => r.action === 'aspirant.document.add')).toHaveLength(2);
  });

  it('list (paged), download with the access check, soft removal (audited, no longer served)', async () => {
    const { district, aspirantId } = await setup(2042);
    const first = (await upload(aspirantId, admin, PDF, 'application/pdf', 'affidavit.pdf')).json();
    const second = (await upload(aspirantId, admin, JPEG, 'image/jpeg', 'photo.jpg')).json();
    const url = `/api/v1/aspirants/${aspirantId}/documents`;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', `${url}?limit=0`, admin)).statusCode).toBe(400);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    const viewer = (await h.login('viewer', district.id)).cookie;
    const page1 = (await call('GET', `${url}?limit=1`, viewer)).json();
    expect(page1).toMatchObject({ items: [{ id: first.id, name: 'affidavit.pdf' }], canUpload: false });
    const page2 = (await call('GET', `${url}?limit=1&cursor=${page1.nextCursor}`, viewer)).json();
    expect(page2).toMatchObject({ items: [{ id: second.id }], nextCursor: null });
    const file = await call('GET', `/api/v1/files/${first.fileId}`, viewer);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await call('GET', `/api/v1/files/${first.fileId}`, outsider)).statusCode).toBe(404);
    const aspirants = (
      await call(
        'GET',
        `/api/v1/seats/${(await h.db.selectFrom('aspirant').select('seat_id').where('id', '=', aspirantId).executeTakeFirstOrThrow()).seat_id}/aspirants`,
        admin,
      )
    ).json();
    expect(aspirants.items[0].documentCount).toBe(2);

    const del = (docId: number, cookie?: string) =>
      h.app.inject({ method: 'DELETE', url: `${url}/${docId}`, headers: cookie ? { cookie } : {} });
    expect((await del(first.id)).statusCode).toBe(401);
    expect((await del(first.id, outsider)).statusCode).toBe(404);
    expect((await del(first.id, viewer)).statusCode).toBe(403);
    expect((await del(99_999_999, admin)).statusCode).toBe(404);
    expect((await del(first.id, admin)).statusCode).toBe(204);
    expect((await del(first.id, admin)).statusCode).toBe(404);
    expect((await call('GET', url, viewer)).json().items.map((d: { id: number }) => d.id)).toEqual([second.id]);
    expect((await call('GET', `/api/v1/files/${first.fileId}`, admin)).statusCode).toBe(404);
    const row = await h.db.selectFrom('stored_file').select('deleted_at').where('id', '=', first.fileId).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    const removed = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'aspirant.document.remove')
      .where('entity_id', '=', String(aspirantId))
      .execute();
    expect(removed).toHaveLength(1);
  });
});
