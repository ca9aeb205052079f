import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer } from './server';

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

/** India's calendar date `days` from now: meetings and due dates are written in it. */
const indiaDay = (days = 0) => new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A phone-sized page logged in as a demo user (each user in their own browser context). */
const loginAs = async (username: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('samiti-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/units\/\d+/);
  return page;
};

/** Done and total of the roll-up summary (the text's word order differs between Hindi and English). */
const doneOf = async (page: Page) => {
  const el = page.getByTestId('rollup-summary-done');
  return [Number(await el.getAttribute('data-done')), Number(await el.getAttribute('data-total'))];
};

describe('the review loop', () => {
  it('a district holds a review, issues a cascade to its assembly units, an assembly president completes it, the roll-up moves', async () => {
    // The district president (Hindi) records a review meeting held today.
    const president = await loginAs('mzn-president');
    const districtUrl = president.url().split('?')[0] ?? '';
    await president.goto(`${districtUrl}?tab=meetings`);
    await president.getByTestId('meeting-new').click();
    await president.getByTestId('meeting-form-status').getByText('हो चुकी बैठक दर्ज करें').click();
    await president.getByTestId('meeting-form-title').fill('विधानसभा अध्यक्षों की समीक्षा बैठक');
    await president.getByTestId('meeting-form-date').fill(indiaDay());
    await president.getByTestId('meeting-form-time').fill('00:05');
    await president.getByTestId('meeting-form-submit').click();
    await president.waitForURL(/\/meetings\/\d+$/);
    await president.getByTestId('meeting-page').waitFor();

    // Attendance: mark the first invitee present.
    const invitee = president.getByTestId('invitee-row').first();
    await invitee.waitFor();
    await invitee.getByTestId('attendance-toggle').locator('label').first().click();
    await expect.poll(() => invitee.getAttribute('data-status')).toBe('present');

    // A resolution.
    const resolutions = president.getByTestId('resolution-row');
    const before = await resolutions.count();
    await president.getByTestId('resolution-input').fill('सभी विधानसभा अध्यक्ष 15 दिन में कमजोर बूथों की समितियाँ पूरी करेंगे।');
    await president.getByTestId('resolution-add').click();
    await expect.poll(() => resolutions.count()).toBe(before + 1);

    // A cascade directive from the meeting to every assembly unit of the district, addressed to its president.
    await president.getByTestId('meeting-directive-new').click();
    const text = `कमजोर बूथों की समितियाँ पूरी करें ${Date.now() % 10_000}`;
    await president.getByTestId('directive-text').fill(text);
    await president.getByTestId('directive-due').fill(indiaDay(15));
    await president.getByTestId('directive-submit').click();
    await president.waitForURL(/\/directives\/\d+$/);
    const directiveUrl = president.url();
    await president.getByTestId('rollup-table').waitFor();
    const [done0, total] = await doneOf(president);
    expect(done0).toBe(0);
    expect(total).toBeGreaterThan(1);
    expect(await president.getByTestId('rollup-row').count()).toBe(total);

    // An assembly president finds it in "my assignments" (the bell shows it) and completes it with a report.
    const acPresident = await loginAs('mzn-ac-president');
    await expect.poll(async () => Number(await acPresident.getByTestId('notification-bell').getAttribute('data-unread'))).toBeGreaterThan(0);
    await acPresident.getByTestId('notification-bell').click();
    await acPresident.getByTestId('nav-my-assignments').click();
    await acPresident.waitForURL(/\/my-assignments$/);
    const card = acPresident.getByTestId('my-assignment').filter({ hasText: text });
    await card.waitFor();
    await card.getByTestId('act-complete').click();
    await acPresident.getByTestId('report-text').fill('सभी 12 कमजोर बूथों की समितियाँ पूरी हुईं।');
    await acPresident.getByTestId('report-submit').click();
    await expect.poll(() => card.getByTestId('assignment-status').getAttribute('data-status')).toBe('done');
    await acPresident.screenshot({ path: path.join(SHOTS, 'my-assignments-hi.png'), fullPage: true });

    // The district's roll-up now shows one done.
    await president.goto(directiveUrl);
    await president.getByTestId('rollup-table').waitFor();
    await expect.poll(async () => (await doneOf(president))[0]).toBe(1);
    expect(await president.locator('[data-testid="rollup-done"][data-done="1"]').count()).toBe(1);
    // The summary reads in Hindi for the district president.
    expect(await president.getByTestId('rollup-summary-done').textContent()).toMatch(/में से .* पूर्ण/);
    await president.screenshot({ path: path.join(SHOTS, 'directive-rollup-hi.png'), fullPage: true });
  });
});
