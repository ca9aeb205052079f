import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connect';
import { prepareDatabase } from '../src/bootstrap';
import { listMigrations } from '../src/db/migrate';
import pg from 'pg';

declare module 'vitest' {
  interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

/**
 * Migrates one database per run and hands it to every test file as a snapshot to clone: a PGlite
 * data-dir tarball, or a PostgreSQL template database when DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const stamp = listMigrations().map((m) => m.checksum.slice(0, 6)).join('').slice(-24);
    const template = `samiti_tpl_${stamp}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const database = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 1 });
    await prepareDatabase(database);
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    };
  }
  const database = await openDatabase({ kind: 'pglite' });
  await prepareDatabase(database);
  const dump = await database.dump?.();
  await database.close();
  if (!dump) throw new Error('PGlite snapshot failed');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-test-')), 'snapshot.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
