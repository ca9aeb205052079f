import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { JPEG } from '../files/test-images';
import { caller } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

describe('circulars', () => {
  it('401/400/403/404 on create; sent to one level of the subtree; received on first open, acknowledged once; roll-up', async () => {
    const { state, district, assembly, booth } = await h.chain();
    const district2 = await h.unit({ parentId: state.id, level: 'district' });
    const body = { unitId: state.id, title: 'Roadmap 2027', body: 'Every district:\n1. meet monthly', level: 'district' };
    expect((await call('POST', '/api/v1/circulars', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/circulars', admin, { ...body, title: '' })).json()).toMatchObject({ field: 'title' });
    expect((await call('POST', '/api/v1/circulars', admin, { ...body, level: 'national' })).json()).toMatchObject({ error: 'VALIDATION', field: 'level' });
    expect((await call('POST', '/api/v1/circulars', admin, { ...body, level: 'mandal' })).json()).toMatchObject({ error: 'VALIDATION', field: 'level' });
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', '/api/v1/circulars', viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', '/api/v1/circulars', outsider, body)).statusCode).toBe(404);
    const bearer = await h.login('office-bearer', district.id);
    const res = await call('POST', '/api/v1/circulars', admin, body);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ title: 'Roadmap 2027', level: 'district', counts: { total: 2, new: 2 } });
    expect((await call('GET', `/api/v1/circulars/${c.id}`, outsider)).statusCode).toBe(404);

    // The district's office bearer opens it: received for that district only.
    const notes = (await call('GET', '/api/v1/me/notifications', bearer.cookie)).json();
    expect(notes).toMatchObject({ unread: 1, items: [expect.objectContaining({ kind: 'circular', circularId: c.id, text: 'Roadmap 2027' })] });
    const opened = (await call('GET', `/api/v1/circulars/${c.id}`, bearer.cookie)).json();
    expect(opened.myReceipts).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: district.id }), status: 'received' })]);
    expect(opened.counts).toMatchObject({ total: 2, new: 1, acknowledged: 1, done: 0 });
    // A state admin reading it does not mark the districts received.
    const stateAdmin = (await h.login('admin', state.id)).cookie;
    expect((await call('GET', `/api/v1/circulars/${c.id}`, stateAdmin)).json().counts).toMatchObject({ new: 1 });
    expect((await call('POST', `/api/v1/circulars/${c.id}/acknowledge`, stateAdmin, { unitId: district.id })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/circulars/${c.id}/acknowledge`, bearer.cookie, { unitId: district2.id })).statusCode).toBe(404);
    const ack = await call('POST', `/api/v1/circulars/${c.id}/acknowledge`, bearer.cookie, { unitId: district.id });
    expect(ack.json()).toMatchObject({ counts: { done: 1, acknowledged: 0, new: 1 }, myReceipts: [expect.objectContaining({ status: 'acknowledged' })] });
    expect((await call('POST', `/api/v1/circulars/${c.id}/acknowledge`, bearer.cookie, { unitId: district.id })).statusCode).toBe(400);
    const rollup = (await call('GET', `/api/v1/circulars/${c.id}/rollup`, admin)).json();
    expect(rollup.children.map((x: { unit: { id: number }; counts: { done: number } }) => [x.unit.id, x.counts.done]).sort()).toEqual(
      [
        [district.id, 1],
        [district2.id, 0],
      ].sort(),
    );
    expect((await call('GET', `/api/v1/circulars/${c.id}/receipts?status=new`, admin)).json().items).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: district2.id }) })]);
    expect((await call('GET', `/api/v1/units/${district.id}/circulars?scope=received`, bearer.cookie)).json().items).toEqual([expect.objectContaining({ id: c.id, counts: expect.objectContaining({ total: 1, done: 1 }) })]);
    expect((await call('GET', `/api/v1/units/${state.id}/circulars?scope=sent`, admin)).json().items).toHaveLength(1);

    // The whole subtree: every unit below the sender gets a receipt.
    const all = (await call('POST', '/api/v1/circulars', admin, { unitId: district.id, title: 'To all', body: 'Read this' })).json();
    expect(all.counts.total).toBe(2);
    const deep = (await call('GET', `/api/v1/circulars/${all.id}/rollup?unitId=${assembly.id}`, admin)).json();
    expect(deep.children).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: booth.id }), hasChildren: false })]);
    const audit = await h.db.selectFrom('audit_log').select('action').where('entity_type', 'in', ['circular', 'circular_receipt']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['circular.acknowledged', 'circular.create', 'circular.create', 'circular.received']);
  });

  it('attachments: 401, 404 outside, 403 for a receiving unit, 415 not an image, 200 by the sender; served to receivers', async () => {
    const { state, district } = await h.chain();
    const bearer = await h.login('office-bearer', district.id);
    const c = (await call('POST', '/api/v1/circulars', admin, { unitId: state.id, title: 'With a scan', body: 'See the attached page', level: 'district' })).json();
    const up = (cookie: string | undefined, body: Buffer, type = 'image/jpeg') =>
      h.app.inject({ method: 'POST', url: `/api/v1/circulars/${c.id}/attachments`, payload: body, headers: { 'content-type': type, ...(cookie ? { cookie } : {}) } });
    expect((await up(undefined, JPEG)).statusCode).toBe(401);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await up(outsider, JPEG)).statusCode).toBe(404);
    expect((await up(bearer.cookie, JPEG)).statusCode).toBe(404);
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await up(viewer, JPEG)).statusCode).toBe(403);
    expect((await up(admin, Buffer.from('plain text'), 'text/plain')).statusCode).toBe(415);
    const ok = await up(admin, JPEG);
    expect(ok.statusCode).toBe(200);
    const [fileId] = ok.json().attachmentFileIds;
    expect((await call('GET', `/api/v1/circulars/${c.id}`, bearer.cookie)).json().attachmentFileIds).toEqual([fileId]);
    expect((await call('GET', `/api/v1/files/${fileId}`, bearer.cookie)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/files/${fileId}`, outsider)).statusCode).toBe(404);

    // The roadmap itself as a PDF: checked by its bytes, listed as a PDF, served as one.
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
    expect((await up(admin, Buffer.from('not a pdf at all'), 'application/pdf')).json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE' });
    expect((await up(admin, JPEG, 'application/pdf')).statusCode).toBe(415);
    expect((await up(admin, PDF, 'image/png')).statusCode).toBe(415);
    const named = await h.app.inject({
      method: 'POST',
      url: `/api/v1/circulars/${c.id}/attachments?name=roadmap.exe`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf', cookie: admin },
    });
    expect(named.statusCode).toBe(415);
    const pdf = await up(admin, PDF, 'application/pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.json().attachments).toEqual([
      { fileId, isPdf: false },
      { fileId: expect.any(Number), isPdf: true },
    ]);
    const served = await call('GET', `/api/v1/files/${pdf.json().attachments[1].fileId}`, bearer.cookie);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.rawPayload.equals(PDF)).toBe(true);
  });
});
