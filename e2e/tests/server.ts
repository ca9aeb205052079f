import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts `npm start`'s server (without the web build step) on a fresh data dir and waits for it (4 minutes unless told). */
export const startServer = async (opts: { startTimeoutMs?: number } = {}): Promise<{ url: string; stop: () => Promise<void> }> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-e2e-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SAMITI_DATA_DIR: dataDir, HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  // The first start loads the demo organisation: minutes on a loaded machine.
  const deadline = Date.now() + (opts.startTimeoutMs ?? 240_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });

/** Logs in as the demo national admin and switches the interface to Hindi, as the journeys begin. */
export const loginInHindi = async (page: Page, url: string) => {
  await page.goto(url);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('samiti-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('children-table').waitFor();
  // The language is remembered on the account: a second journey on the same server may start in Hindi already.
  await page.waitForLoadState('networkidle');
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'hi') await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'hi');
};
