import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../bin/samiti.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-cli-pt-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const samiti = (...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMITI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// The CLI runs against its own embedded database; the operations it calls are tested on both engines.
describe.skipIf(Boolean(process.env.DATABASE_URL))('samiti post-templates', () => {
  it('lists the templates, sets one from --post and from a file, and refuses bad ones changing nothing', () => {
    const list = samiti('post-templates', 'list', '--level', 'booth');
    expect(list.err).toBe('');
    expect(list.out).toContain('booth (बूथ) — default, committee 10–10');
    expect(list.out).toMatch(/member\s+6–6 {2}Committee member \/ समिति सदस्य/);

    const set = samiti(
      'post-templates',
      'set',
      'booth',
      '--post',
      'president:Booth president:बूथ अध्यक्ष:1:1',
      '--post',
      'member:Committee member:समिति सदस्य:9:11',
    );
    expect(set.err).toBe('');
    expect(set.out).toContain('committee 10–12');

    const bad = samiti('post-templates', 'set', 'booth', '--post', 'Booth President:Booth president:Booth president:3:1');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('posts.0.key');
    expect(bad.err).toContain('posts.0.nameHi');
    expect(bad.err).toContain('nothing was changed');
    expect(samiti('post-templates', 'set', 'nosuch', '--post', 'president:President:अध्यक्ष:1:1').err).toContain(
      'There is no level "nosuch"',
    );

    const file = path.join(dataDir, 'mandal.json');
    fs.writeFileSync(file, JSON.stringify({ posts: [{ key: 'convenor', name: 'Convenor', nameHi: 'संयोजक', minSeats: 1, maxSeats: 2 }] }));
    expect(samiti('post-templates', 'set', 'mandal', '--file', file).out).toContain('mandal (मंडल) — default, committee 1–2');
    const json = JSON.parse(samiti('post-templates', 'list', '--json').out) as { level: string; posts: { key: string }[] }[];
    expect(json.find((t) => t.level === 'booth')?.posts.map((p) => p.key)).toEqual(['president', 'member']);
    expect(json.find((t) => t.level === 'mandal')?.posts.map((p) => p.key)).toEqual(['convenor']);
  }, 900_000);
});
