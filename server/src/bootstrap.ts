import path from 'node:path';
import pino from 'pino';
import type { TConfig } from './config';
import { systemActor, type TCtx } from './context';
import { openDatabase, type TDatabase } from './db/connect';
import { migrate } from './db/migrate';
import { seedGeography } from './db/seed-geo';
import { seedShippedResults } from './modules/elections/seed-results';
import { lockDataDir } from './lock';
import { createS3FileStore, readS3Config } from './modules/files/s3-store';
import { createDiskFileStore } from './modules/files/storage';
import { createWing } from './modules/units/structure';

/** A context for operations run by the system itself (first start, CLI): a national admin named `label`. */
export const systemCtx = (database: Pick<TDatabase, 'db'>, label = 'system'): TCtx => ({
  db: database.db,
  actor: systemActor(label),
  log: pino({ level: 'silent' }),
  requestId: `${label}-${Date.now()}`,
  locale: 'en',
});

/** Opens the configured database: PostgreSQL with DATABASE_URL, else PGlite in the locked data dir. */
export const openConfigured = async (config: TConfig, holder: string) => {
  if (config.databaseUrl) {
    const database = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
    return { database, release: () => undefined };
  }
  const release = lockDataDir(config.dataDir, holder);
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: `${config.dataDir}/pglite` });
    return { database, release };
  } catch (err) {
    release();
    throw err;
  }
};

/**
 * The store for uploaded files: an S3-compatible bucket when SAMITI_S3_BUCKET is set (see
 * `readS3Config`; a half-set configuration throws naming the missing variable), else
 * `<dataDir>/files`, also when the database is PostgreSQL (back up that folder with the database).
 */
export const openFileStore = (config: TConfig, env: NodeJS.ProcessEnv = process.env) => {
  const s3 = readS3Config(env);
  return s3 ? createS3FileStore(s3) : createDiskFileStore(path.join(config.dataDir, 'files'));
};

/** Brings a database to the current schema with the geography and the main wing's national unit. */
export const prepareDatabase = async (database: TDatabase) => {
  const applied = await migrate(database);
  const seededGeo = await seedGeography(database.db);
  const main = await database.db.selectFrom('wing').select('key').where('key', '=', 'main').executeTakeFirst();
  if (!main) {
    await createWing(systemCtx(database), {
      key: 'main',
      name: 'Main organisation',
      nameHi: 'मुख्य संगठन',
      rootName: 'National',
      rootNameHi: 'राष्ट्रीय',
    });
  }
  await seedShippedResults(database.db);
  return { applied, seededGeo, isNew: !main };
};
