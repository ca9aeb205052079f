import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness';
import { listMigrations, migrate } from './migrate';

describe('migrations', () => {
  it('are numbered, plain SQL, and already applied to the snapshot', async () => {
    const all = listMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((m) => m.name)).toEqual([...all.map((m) => m.name)].sort());
    const database = await openTestDatabase();
    expect(await migrate(database)).toEqual([]);
    const { rows } = await sql<{ name: string }>`select name from schema_migration order by name`.execute(database.db);
    expect(rows.map((r) => r.name)).toEqual(all.map((m) => m.name));
    await database.close();
  });
  it('refuse a migration that was edited after it was applied, and roll back a failing one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-mig-'));
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'create table mig_a (id int);');
    const database = await openTestDatabase();
    expect(await migrate(database, dir)).toEqual(['0001_a.sql']);
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'create table mig_a (id bigint);');
    await expect(migrate(database, dir)).rejects.toThrow(/changed after it was applied/);
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'create table mig_a (id int);');
    fs.writeFileSync(path.join(dir, '0002_b.sql'), 'create table mig_b (id int);\nselect no_such_function();');
    await expect(migrate(database, dir)).rejects.toThrow();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'mig_b'`.execute(database.db);
    expect(Number(rows[0]?.n)).toBe(0);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
