import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TRole } from '@samiti/common';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { buildApp } from '../src/app';
import { startJobs } from '../src/jobs';
import { IMPORT_QUEUE, runImportJob } from '../src/modules/imports/jobs';
import { ELECTION_IMPORT_QUEUE, runElectionImportJob } from '../src/modules/elections/import-jobs';
import { systemCtx } from '../src/bootstrap';
import { openDatabase, type TDatabase } from '../src/db/connect';
import { createUser } from '../src/modules/auth/users';
import { createDiskFileStore, type TFileStore } from '../src/modules/files/storage';
import { createPerson } from '../src/modules/people/operations';
import { createUnit } from '../src/modules/units/operations';

/** A fresh database cloned from the run's migrated snapshot: PGlite in memory, or a PostgreSQL copy. */
export const openTestDatabase = async (): Promise<TDatabase> => {
  const template = inject('pgTemplate');
  const url = process.env.DATABASE_URL;
  if (url && template) {
    const name = `samiti_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 4 });
    const close = database.close;
    database.close = async () => {
      await close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    };
    return database;
  }
  const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
  return openDatabase({ kind: 'pglite', loadFrom: new Blob([snapshot]) });
};

export type THarness = Awaited<ReturnType<typeof createHarness>>;

/** An app on a fresh database, with factories that create their own parents. Closed after the file. */
export const createHarness = async (opts: { jobs?: boolean; maxUploadBytes?: number; fileStore?: TFileStore } = {}) => {
  const database = await openTestDatabase();
  const jobs = opts.jobs
    ? await startJobs(
        database,
        {
          [IMPORT_QUEUE]: (data) => runImportJob(database.db, Number(data.jobId)),
          [ELECTION_IMPORT_QUEUE]: (data) => runElectionImportJob(database.db, Number(data.jobId)),
        },
        () => undefined,
      )
    : undefined;
  // Uploaded files go to a folder of this test file's own, removed afterwards.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-files-'));
  const files = { store: opts.fileStore ?? createDiskFileStore(filesDir), maxBytes: opts.maxUploadBytes };
  const app = await buildApp({ db: database.db, dbKind: database.kind, jobs, files });
  const ctx = systemCtx(database, 'test');
  const root = await ctx.db.selectFrom('wing').select('root_unit_id').where('key', '=', 'main').executeTakeFirstOrThrow();
  const rootId = root.root_unit_id as number;
  let seq = 0;
  afterAll(async () => {
    await app.close();
    await jobs?.stop();
    await database.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  const unit = (input: { parentId?: number; level: string; name?: string; nameHi?: string; geo?: string }) =>
    createUnit(ctx, { parentId: input.parentId ?? rootId, level: input.level, name: input.name ?? `Unit ${++seq}`, nameHi: input.nameHi, geo: input.geo });

  /** A chain national → state → district → assembly → booth, each a fresh unit. */
  const chain = async () => {
    const state = await unit({ level: 'state' });
    const district = await unit({ parentId: state.id, level: 'district' });
    const assembly = await unit({ parentId: district.id, level: 'assembly' });
    const booth = await unit({ parentId: assembly.id, level: 'booth' });
    return { state, district, assembly, booth };
  };

  /** Creates a user with one grant and returns a logged-in cookie for them. */
  const login = async (role: TRole, unitId?: number) => {
    const username = `u${++seq}_${randomBytes(3).toString('hex')}`;
    const password = 'test-password-1';
    await createUser(ctx, { username, password, role, unitId: role === 'national-admin' ? undefined : (unitId ?? rootId) });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'samiti_session');
    if (!cookie) throw new Error('no session cookie');
    return { cookie: `${cookie.name}=${cookie.value}`, username, password };
  };

  /** A unique Indian mobile number for each call. */
  const phone = () => `9${String(Date.now() % 1e5).padStart(5, '0')}${String(++seq).padStart(4, '0')}`;

  /** A person living in `homeUnitId` (a fresh booth when omitted), with consent. */
  const person = async (input: { homeUnitId?: number; name?: string; nameHi?: string; phone?: string; epic?: string } = {}) =>
    createPerson(ctx, {
      homeUnitId: input.homeUnitId ?? (await chain()).booth.id,
      name: input.name ?? (input.nameHi ? undefined : `Person ${++seq}`),
      nameHi: input.nameHi,
      phone: input.phone ?? phone(),
      epic: input.epic,
      consent: { purpose: 'party membership records', date: '2026-01-15', method: 'written' },
    });

  return { app, database, db: database.db, ctx, rootId, unit, chain, login, person, phone, filesDir, fileStore: files.store };
};
