import fs from 'node:fs';
import path from 'node:path';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly holder: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${pid}: ${holder}). ` +
        'PGlite allows one process per data directory: stop the server first, or run this command against PostgreSQL with DATABASE_URL.',
    );
  }
}

/**
 * PGlite opens its data directory in one process only; two would corrupt it. A lock file with the
 * holder's pid refuses a second opener; a lock left by a dead process is taken over.
 */
export const lockDataDir = (dataDir: string, holder: string): (() => void) => {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'samiti.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() }), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let info: { pid?: number; holder?: string } = {};
      try {
        info = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof info;
      } catch {
        /* unreadable: treat as stale */
      }
      if (info.pid && info.pid !== process.pid && isAlive(info.pid)) {
        throw new DataDirLockedError(dataDir, info.pid, info.holder ?? 'unknown');
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
};
