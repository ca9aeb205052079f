import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Of } from './operations';
import { createDiskFileStore } from './storage';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-store-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('disk file store', () => {
  it('puts, gets and deletes by content hash, under a two-level fan-out, leaving no temp files', async () => {
    const store = createDiskFileStore(root);
    const bytes = Buffer.from('a photo, say');
    const sha = sha256Of(bytes);
    expect(await store.get(sha)).toBeNull();
    await store.put(sha, bytes);
    await store.put(sha, bytes); // same content again: a no-op
    expect(fs.existsSync(path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
    expect((await store.get(sha))?.equals(bytes)).toBe(true);
    await store.delete(sha);
    await store.delete(sha);
    expect(await store.get(sha)).toBeNull();
  });
  it('never turns a name that is not a sha256 into a path', async () => {
    const store = createDiskFileStore(root);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/not a sha256/);
    await expect(store.put('ABC', Buffer.from('x'))).rejects.toThrow(/not a sha256/);
  });
});
