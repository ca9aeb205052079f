import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { removePersonPhoto, setPersonPhoto } from '../people/photo';
import { sha256Of } from './operations';
import type { TFileStore } from './storage';
import { readImageInfo } from './image';
import { uniqueJpeg } from './test-images';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});

const upload = (bytes: Buffer) => {
  const info = readImageInfo(bytes);
  if (!info) throw new Error('fixture is not an image');
  return { ...info, bytes };
};

describe('shared content', () => {
  it('a photo removed while someone uploads the same bytes does not take the newcomer\'s file with it', async () => {
    const image = uniqueJpeg('race');
    const sha = sha256Of(image);
    const a = await h.person();
    const b = await h.person();
    await setPersonPhoto(h.ctx, h.fileStore, a.id, upload(image));

    // B's upload pauses after writing the bytes, before its row exists.
    let reached!: () => void;
    const atGate = new Promise<void>((r) => {
      reached = r;
    });
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    const paused: TFileStore = {
      ...h.fileStore,
      put: async (s, bytes) => {
        await h.fileStore.put(s, bytes);
        reached();
        await gate;
      },
    };
    const uploading = setPersonPhoto(h.ctx, paused, b.id, upload(image));
    await atGate;
    // Meanwhile A's photo goes. On PostgreSQL its transaction commits now and its clean-up must wait
    // for B; on PGlite (one connection) the whole removal waits for B.
    const removing = removePersonPhoto(h.ctx, h.fileStore, a.id);
    // (Any query on PGlite would queue behind B's open transaction, so there is nothing to wait for.)
    for (let i = 0; i < 40 && h.database.kind !== 'pglite'; i++) {
      const row = await h.db.selectFrom('person').select('photo_file_id').where('id', '=', a.id).executeTakeFirst();
      if (row && row.photo_file_id === null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    open();
    const [bAfter] = await Promise.all([uploading, removing]);
    expect(bAfter.photoFileId).not.toBeNull();
    expect(await h.fileStore.get(sha)).not.toBeNull();
    const served = await h.app.inject({ method: 'GET', url: `/api/v1/files/${bAfter.photoFileId}`, headers: { cookie: (await h.login('national-admin')).cookie } });
    expect(served.statusCode).toBe(200);
  });
});
