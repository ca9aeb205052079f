import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Lock, pgliteDialect } from './pglite-dialect';
import type { DB } from './types';

export type TDatabaseKind = 'pglite' | 'postgres';

export type TDatabase = {
  db: Kysely<DB>;
  kind: TDatabaseKind;
  /** Runs a script of several statements (migrations). */
  exec: (sql: string) => Promise<void>;
  close: () => Promise<void>;
  /** Raw SQL outside Kysely (the job queue): one statement with parameters, or a script without. */
  executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  /** PGlite only: a tarball of the data directory, used to clone a migrated snapshot in tests. */
  dump?: () => Promise<Blob>;
};

export type TOpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadFrom?: Blob };

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;
// Counts and ids fit in a double; return them as numbers from both engines.
const toNumber = (v: string) => Number(v);
// Calendar dates stay 'YYYY-MM-DD' strings: a Date at local midnight shifts a day across time zones.
const asIs = (v: string) => v;

/** Opens the embedded PGlite database (default) or a PostgreSQL server. */
export const openDatabase = async (opts: TOpenOptions): Promise<TDatabase> => {
  if (opts.kind === 'postgres') {
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID ? toNumber : oid === DATE_OID ? asIs : pg.types.getTypeParser(oid, format),
    };
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, types });
    pool.on('error', () => {
      /* idle client errors surface on the next query */
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      exec: async (sql) => {
        const client = await pool.connect();
        try {
          await client.query(sql);
        } catch (err) {
          await client.query('rollback').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      },
      close: () => db.destroy(),
      executeSql: async (text, values) => {
        const r = await pool.query(text, values);
        return { rows: Array.isArray(r) ? (r.at(-1)?.rows ?? []) : r.rows };
      },
    };
  }
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create(opts.dataDir, {
    extensions: { pg_trgm },
    loadDataDir: opts.loadFrom,
    parsers: { [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber, [DATE_OID]: asIs },
  });
  const lock = new Lock();
  const db = new Kysely<DB>({ dialect: pgliteDialect(pglite, lock) });
  return {
    db,
    kind: 'pglite',
    exec: async (sql) => {
      try {
        await pglite.exec(sql);
      } catch (err) {
        await pglite.exec('rollback').catch(() => undefined);
        throw err;
      }
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
    dump: () => pglite.dumpDataDir('none'),
    executeSql: async (text, values) => {
      const release = await lock.acquire();
      try {
        if (!values || values.length === 0) {
          const results = await pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        return { rows: (await pglite.query(text, values)).rows };
      } finally {
        release();
      }
    },
  };
};
