import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { TDatabase } from './connect';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

type TMigration = { name: string; sql: string; checksum: string };

export const listMigrations = (dir = MIGRATIONS_DIR): TMigration[] =>
  fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });

/**
 * Applies pending migrations in order, each in its own transaction. A migration that was applied
 * and then edited is refused: merged migrations are never changed, a new one is added instead.
 */
export const migrate = async (database: TDatabase, dir = MIGRATIONS_DIR): Promise<string[]> => {
  await database.exec(`create table if not exists schema_migration (
    name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
  const { rows } = await sql<{ name: string; checksum: string }>`select name, checksum from schema_migration`.execute(
    database.db,
  );
  const applied = new Map(rows.map((r) => [r.name, r.checksum]));
  const done: string[] = [];
  for (const m of listMigrations(dir)) {
    const known = applied.get(m.name);
    if (known && known !== m.checksum) {
      throw new Error(`migration ${m.name} was changed after it was applied; add a new migration instead`);
    }
    if (known) continue;
    await database.exec(
      `begin;\n${m.sql}\n;insert into schema_migration (name, checksum) values ('${m.name}', '${m.checksum}');\ncommit;`,
    );
    done.push(m.name);
  }
  return done;
};
