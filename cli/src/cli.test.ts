import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataDir } from '@samiti/server';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../bin/samiti.mjs');
const FIXTURE = path.resolve(import.meta.dirname, '../../server/test/fixtures/karnataka-malleshwaram-157.csv');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const samiti = (...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMITI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// The CLI runs against its own embedded database; the operations it calls are tested on both engines.
describe.skipIf(Boolean(process.env.DATABASE_URL))('samiti CLI', () => {
  it('migrates, imports booths, scaffolds, creates users, and refuses bad input', () => {
    const migrate = samiti('migrate');
    expect(migrate.err).toBe('');
    expect(migrate.out).toContain('geography loaded');
    expect(samiti('migrate').out).toContain('schema up to date');

    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'state,ac,part,name\nS10,157,abc,School\nS10,999,1,School\n');
    const refused = samiti('booths', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('line 2');
    expect(refused.err).toContain('line 3');
    expect(refused.err).toContain('nothing was imported');

    const dry = samiti('booths', 'import', FIXTURE, '--state', 'S10', '--dry-run');
    expect(dry.out).toMatch(/would import 214 rows: 213 new/);
    const real = samiti('booths', 'import', FIXTURE, '--state', 'S10');
    expect(real.out).toMatch(/imported 214 rows: 213 new/);

    const scaffold = samiti('units', 'scaffold', '--state', 'S10');
    expect(scaffold.out).toMatch(/created 1 state, \d+ district, 224 assembly and 213 booth units/);
    expect(samiti('units', 'scaffold', '--state', 'Karnataka').code).not.toBe(0);

    const committee = path.join(dataDir, 'committee.csv');
    fs.writeFileSync(committee, 'विधानसभा,बूथ,पद,नाम,मोबाइल\n157,108,अध्यक्ष,रमेश,9876500001\n157,108,BLA,Suresh,9876500002\n');
    const consent = ['--consent-purpose', 'booth committee records', '--consent-date', '2026-10-01'];
    expect(samiti('people', 'import', committee, '--state', 'S10', '--dry-run', ...consent).out).toContain('would import 2 rows: 2 new people');
    expect(samiti('people', 'import', committee, '--state', 'S10', ...consent).out).toContain('imported 2 rows: 2 new people');
    const again = samiti('people', 'import', committee, '--state', 'S10', '--consent-purpose', 'x', '--consent-date', '2026-10-01');
    expect(again.out).toContain('2 matched');
    fs.writeFileSync(committee, 'विधानसभा,बूथ,पद,नाम,मोबाइल\n157,108,king,रमेश,98765\n');
    const badImport = samiti('people', 'import', committee, '--state', 'S10', ...consent);
    expect(badImport.code).toBe(1);
    expect(badImport.err).toContain('line 2');

    const user = samiti('users', 'create', '--username', 'ka-admin', '--password', 'long-password', '--role', 'admin');
    expect(user.out).toContain('created user ka-admin');
    const dup = samiti('users', 'create', '--username', 'ka-admin', '--password', 'long-password', '--role', 'admin');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('already exists');
    expect(samiti('users', 'create', '--username', 'x', '--password', 'long-password', '--role', 'king').code).not.toBe(0);
  });

  it('refuses to open the data directory while another process holds it', () => {
    const release = lockDataDir(dataDir, 'a running server');
    try {
      const r = samiti('migrate');
      expect(r.code).toBe(2);
      expect(r.err).toContain('in use by another process');
      expect(r.err).toContain('a running server');
    } finally {
      release();
    }
  });
});
