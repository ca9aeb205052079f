import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginInHindi, startServer } from './server';

const SHOTS = path.resolve(import.meta.dirname, '../artifacts');
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const DEVANAGARI = /[\u0900-\u097f]/;

/** Clicks the child row whose text matches, waiting for the next unit page to show it. */
const drillInto = async (text: RegExp) => {
  const rows = page.getByTestId('child-row');
  await rows.first().waitFor();
  const row = rows.filter({ hasText: text }).first();
  // Children come 50 at a time: page on like a person would until the wanted one shows.
  for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
    const shown = await rows.count();
    await page.getByTestId('load-more').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(shown);
  }
  await row.waitFor();
  const id = await row.getAttribute('data-unit-id');
  await row.click();
  await page.waitForURL(new RegExp(`/units/${id}$`));
  await expect.poll(() => page.getByTestId('unit-name').getAttribute('data-unit-id')).toBe(id);
};

describe('a person logs in, switches to Hindi and drills from national to a booth', () => {
  it('works on a phone-sized screen', async () => {
    await loginInHindi(page, server.url);
    await expect.poll(async () => (await page.getByTestId('unit-name').textContent()) ?? '').toMatch(DEVANAGARI);

    await drillInto(/उत्तर प्रदेश/);
    expect(await page.getByTestId('unit-name').textContent()).toContain('उत्तर प्रदेश');
    await drillInto(/मुज/); // Muzaffarnagar district
    await drillInto(/मुज/); // Muzaffarnagar assembly
    await drillInto(/मंडल/);
    await drillInto(/शक्ति केंद्र/);
    await drillInto(/बूथ/);
    const name = (await page.getByTestId('unit-name').textContent()) ?? '';
    expect(name).toMatch(/बूथ \d+/);
    const crumbs = (await page.getByTestId('breadcrumbs').textContent()) ?? '';
    expect(crumbs).toContain('राष्ट्रीय');
    expect(crumbs).toContain('उत्तर प्रदेश');
    await page.screenshot({ path: path.join(SHOTS, 'booth-hi.png'), fullPage: true });
  });
});
