import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect';

// The embedded default must keep what it reported as committed when the process dies.
describe.skipIf(Boolean(process.env.DATABASE_URL))('PGlite durability', () => {
  it('keeps committed rows after kill -9', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-kill-'));
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../test/durability-child.ts'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('committed')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    const { rows } = await sql<{ id: number }>`select id from t order by id`.execute(database.db);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });
});
