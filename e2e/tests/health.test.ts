import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginInHindi, startServer } from './server';

const SHOTS = path.resolve(import.meta.dirname, '../artifacts');
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = () => browser.newContext({ viewport: { width: 390, height: 844 } }).then((c) => c.newPage());

/** A demo user's page, phone-sized; returns it on the unit page they land on. */
const loginAs = async (username: string): Promise<Page> => {
  const page = await phone();
  await page.goto(server.url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('samiti-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/units\/\d+/);
  return page;
};

/** How many distinct colours the map canvas shows: a blank map has one or two. */
const canvasColours = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="health-map"] canvas');
    if (!(canvas instanceof HTMLCanvasElement)) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    return seen.size;
  });

describe('organisation health', () => {
  it('national health in Hindi with the states map; drill down through weak units to a weak booth and read its reasons', async () => {
    const page = await phone();
    await loginInHindi(page, server.url);
    await page.getByTestId('tab-health').click();
    await page.getByTestId('health-verdict').waitFor();
    await expect.poll(() => canvasColours(page), { timeout: 20_000 }).toBeGreaterThan(5);
    // Weak first: follow the first weak child down until a unit has no children (a booth).
    for (let depth = 0; depth < 8; depth++) {
      const table = page.getByTestId('children-health');
      // The children table loads after the verdict; only a unit without children (a booth) has none.
      await page.waitForLoadState('networkidle');
      if (!(await table.isVisible().catch(() => false))) break;
      const weak = table.locator('[data-testid="child-health-row"][data-weak="true"]').first();
      await weak.waitFor({ timeout: 15_000 });
      const before = page.url();
      await weak.locator('a').first().click();
      await page.waitForURL((u) => u.toString() !== before);
      await page.getByTestId('health-verdict').waitFor();
    }
    await expect.poll(() => page.getByTestId('health-verdict').getAttribute('data-weak')).toBe('true');
    const reasons = await page.getByTestId('health-reason').allTextContents();
    expect(reasons.some((r) => r.includes('बूथ समिति'))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'health-weak-booth-hi.png'), fullPage: true });
  });

  it('a state admin proposes replacing a district office bearer (left vacant), cannot approve it, and the national admin approves it', async () => {
    const president = await loginAs('mzn-president');
    const districtUrl = president.url().split('?')[0] ?? '';
    const proposer = await loginAs('up-admin');
    await proposer.goto(`${districtUrl}?tab=health`);
    const cards = proposer.getByTestId('scorecards');
    await cards.waitFor();
    await cards.getByTestId('only-inactive').uncheck({ force: true });
    const row = cards.getByTestId('scorecard-row').first();
    await row.waitFor();
    const who = (await row.locator('a').first().textContent()) ?? '';
    await row.getByRole('checkbox').check({ force: true });
    await cards.getByTestId('propose-open').click();
    await proposer.getByTestId('propose-submit').click();
    const proposal = proposer.getByTestId('replacement').first();
    await proposal.waitFor();
    expect(await proposal.getAttribute('data-status')).toBe('proposed');
    // The proposer cannot review their own proposal: no approve button for them.
    expect(await proposal.getByTestId('approve').count()).toBe(0);

    const reviewer = await phone();
    await loginInHindi(reviewer, server.url);
    await reviewer.goto(`${districtUrl}?tab=health`);
    const pending = reviewer.locator('[data-testid="replacement"][data-status="proposed"]').first();
    await pending.waitFor();
    await pending.getByTestId('approve').click();
    await reviewer.locator('[data-testid="replacement"][data-status="approved"]').first().waitFor();
    await reviewer.goto(`${districtUrl}?tab=posts`);
    await reviewer.getByTestId('tab-posts').waitFor();
    await reviewer.screenshot({ path: path.join(SHOTS, 'health-replacement-approved.png'), fullPage: true });
    expect(who.length).toBeGreaterThan(0);
  });
});
