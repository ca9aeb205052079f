import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where file bytes live, addressed by their sha256 (lower-case hex). The disk store below is the
 * one shipped; an S3-compatible store would implement the same three calls.
 */
export type TFileStore = {
  /** Stores the bytes under `sha256` (a no-op when they are already there); resolves once they are durable. */
  put: (sha256: string, bytes: Buffer) => Promise<void>;
  /** The bytes, or null when nothing is stored under `sha256`. */
  get: (sha256: string) => Promise<Buffer | null>;
  /** Removes the bytes; removing what is not there is not an error. */
  delete: (sha256: string) => Promise<void>;
};

const SHA256 = /^[0-9a-f]{64}$/;

const checked = (sha256: string) => {
  // The name becomes a path: anything but a hash could walk out of the folder.
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  return sha256;
};

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

const fsyncDir = async (dir: string) => {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/**
 * Files under `root/ab/cd/abcd…` (two levels of 256 folders keep each folder small at millions of
 * files). A write goes to `root/tmp/` first, is fsynced, renamed into place and the folder fsynced,
 * so a crash leaves either the whole file or none, never a torn one under its final name.
 */
export const createDiskFileStore = (root: string): TFileStore => {
  const tmpDir = path.join(root, 'tmp');
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), checked(sha256));

  return {
    put: async (sha256, bytes) => {
      const target = pathOf(sha256);
      try {
        await fs.access(target);
        return; // same content, already stored
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
      await fs.mkdir(tmpDir, { recursive: true });
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = path.join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
      const handle = await fs.open(tmp, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.rename(tmp, target);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
      await fsyncDir(path.dirname(target));
    },
    get: async (sha256) => {
      try {
        return await fs.readFile(pathOf(sha256));
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    delete: async (sha256) => {
      await fs.rm(pathOf(sha256), { force: true });
    },
  };
};
