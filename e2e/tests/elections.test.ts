import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginInHindi, startServer } from './server';

const SHOTS = path.resolve(import.meta.dirname, '../artifacts');
// The machine may be busy: a write and its refetch can take a few seconds.
const POLL = { timeout: 15_000 };
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
/** The district panchayat election the first test creates; the public application test uses it. */
let electionUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The 40 member wards of a district panchayat, as a district office types them: Hindi headings. */
const wardsCsv = () => {
  const lines = ['वार्ड संख्या,name,नाम', ...Array.from({ length: 40 }, (_, i) => `${i + 1},Ward ${i + 1},वार्ड ${i + 1}`)];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-wards-')), 'zila-panchayat-wards.csv');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
};

const addAspirant = async (seatCode: string, name: string, phone: string) => {
  await page.locator(`[data-testid="seat-row"][data-seat-code="${seatCode}"] a`).click();
  await page.getByTestId('seat-title').waitFor();
  await page.getByTestId('seat-tab-aspirants').click();
  await page.getByTestId('aspirant-add').click();
  await page.getByTestId('aspirant-name').fill(name);
  await page.getByTestId('aspirant-phone').fill(phone);
  await page.getByTestId('aspirant-submit').click();
  await page.getByTestId('aspirant').first().waitFor();
};

describe('elections: a district panchayat from ward CSV to coverage, and the 2024 Lok Sabha map', () => {
  it('creates the election, imports 40 wards, adds aspirants to two, makes one the candidate, and sees coverage', async () => {
    await loginInHindi(page, server.url);
    await page.goto(`${server.url}/elections`);
    await page.getByTestId('election-list').waitFor();

    // Our party, for every share and swing shown later.
    await page.getByTestId('our-party-edit').click();
    await page.getByTestId('our-party-picker').fill('भाजपा');
    await page.getByRole('option', { name: /भारतीय जनता पार्टी/ }).click();
    await page.getByTestId('our-party-save').click();
    await expect.poll(async () => (await page.getByTestId('our-party').textContent()) ?? '', POLL).toContain('BJP');

    await page.getByTestId('election-create-button').click();
    await page.getByTestId('election-state').fill('उत्तर प्रदेश');
    await page.getByRole('option', { name: 'उत्तर प्रदेश' }).click();
    await page.getByTestId('home-unit-search').fill('Muzaffarnagar');
    await page.getByRole('option').filter({ hasText: 'जिला' }).first().click();
    await page.getByTestId('election-name').fill('Zila Panchayat Muzaffarnagar');
    await page.getByTestId('election-year').fill('2026');
    await page.getByTestId('election-submit').click();
    await page.getByTestId('election-title').waitFor();
    expect(page.url()).toMatch(/\/elections\/\d+$/);

    await page.getByTestId('election-tab-import').click();
    await page.locator('[data-testid="election-import"] input[type="file"]').setInputFiles(wardsCsv());
    await page.getByTestId('import-check').click();
    await expect.poll(async () => (await page.getByTestId('import-report').textContent()) ?? '', POLL).toContain('40');
    await page.getByTestId('import-run').click();
    await expect.poll(async () => (await page.getByTestId('import-report').textContent()) ?? '', POLL).toContain('आयात हुआ');

    electionUrl = page.url().split('?')[0] as string;
    await page.goto(`${electionUrl}?tab=seats`);
    await expect.poll(async () => (await page.getByTestId('seat-total').textContent()) ?? '', POLL).toContain('40');
    await addAspirant('1', 'Mehtab Chauhan', '9897044441');
    await page.getByTestId('aspirant-move').click();
    await page.getByTestId('move-to').click();
    await page.getByRole('option', { name: 'प्रत्याशी' }).click();
    await page.getByTestId('move-submit').click();
    await expect.poll(async () => (await page.getByTestId('aspirant-stage').first().textContent()) ?? '', POLL).toBe('प्रत्याशी');
    await page.screenshot({ path: path.join(SHOTS, 'elections-seat-aspirants-hi.png'), fullPage: true });

    await page.goto(`${electionUrl}?tab=seats`);
    await addAspirant('2', 'Shabana Ansari', '9897044442');

    await page.goto(`${electionUrl}?tab=coverage`);
    await expect.poll(async () => (await page.getByTestId('coverage-aspirants').textContent()) ?? '', POLL).toBe('2 / 40');
    await expect.poll(async () => (await page.getByTestId('coverage-candidates').textContent()) ?? '', POLL).toBe('1 / 40');
    await page.screenshot({ path: path.join(SHOTS, 'elections-coverage-hi.png'), fullPage: true });
  });

  it('opens public applications; a person applies for ward 3 on the public form with an SMS code; the seat lists them', async () => {
    expect(electionUrl).not.toBe('');
    await page.goto(electionUrl);
    await page.getByTestId('applications-card').waitFor();
    await page.getByTestId('applications-open').click();
    await page.getByTestId('applications-link').waitFor(POLL);
    const electionId = Number(electionUrl.split('/').at(-1));

    // The applicant: a fresh browser context, no session, in Hindi by default.
    const publicContext = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const pub = await publicContext.newPage();
    await pub.goto(`${server.url}/apply/${electionId}`);
    await pub.getByTestId('apply-election-name').waitFor();
    await pub.getByTestId('apply-seat').click();
    await pub.getByRole('option', { name: /^3 · / }).click();
    const phone = '9897055553';
    await pub.getByTestId('apply-phone').fill(phone);
    await pub.getByTestId('apply-send-otp').click();
    await pub.getByTestId('apply-otp-sent').waitFor(POLL);
    // The code as the SMS outbox holds it (read with the office bearer's session).
    const code = await page.evaluate(async (p) => {
      const res = await fetch(`/api/v1/sms-outbox?phone=${encodeURIComponent(p)}&limit=1`);
      const body = (await res.json()) as { items: { body: string }[] };
      return body.items[0]?.body.match(/\d{6}/)?.[0] ?? '';
    }, `+91${phone}`);
    expect(code).toMatch(/^\d{6}$/);
    await pub.getByTestId('apply-otp').fill(code);
    await pub.getByTestId('apply-name').fill('Naseem Qureshi');
    await pub.getByTestId('apply-home').fill('Muzaffarnagar');
    await pub.getByRole('option').first().click();
    await pub.getByTestId('apply-statement').fill('Twelve years as booth president; I know every village of the ward.');
    await pub.getByTestId('apply-consent').click();
    await pub.getByTestId('apply-submit').click();
    await pub.getByTestId('apply-success').waitFor(POLL);
    await pub.screenshot({ path: path.join(SHOTS, 'elections-apply-hi.png'), fullPage: true });
    await publicContext.close();

    await page.goto(`${electionUrl}?tab=seats`);
    await page.locator('[data-testid="seat-row"][data-seat-code="3"] a').click();
    await page.getByTestId('seat-tab-aspirants').click();
    await expect.poll(async () => (await page.getByTestId('aspirant').first().textContent()) ?? '', POLL).toContain('Naseem Qureshi');
    await page.getByTestId('aspirant-channel').waitFor();
    await page.getByTestId('aspirant-documents').waitFor();
  });

  it('opens the 2024 Lok Sabha results: BJP 240 seats and the PC vote-share map', async () => {
    await page.goto(`${server.url}/elections`);
    await page.getByTestId('election-list').waitFor();
    await page
      .getByTestId('election-row')
      .filter({ hasText: 'Lok Sabha 2024' })
      .or(page.getByTestId('election-row').filter({ hasText: 'लोकसभा 2024' }))
      .first()
      .click();
    await page.getByTestId('party-table').waitFor();
    await expect
      .poll(async () => (await page.locator('[data-testid="party-row"][data-party="bjp"]').textContent()) ?? '', POLL)
      .toMatch(/240/);
    await page.getByTestId('results-map').locator('canvas').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(SHOTS, 'elections-ls2024-map-hi.png'), fullPage: false });
    await page.getByTestId('map-measure').getByText('स्विंग').click();
    await page.waitForTimeout(1000);
    await page.getByTestId('results-map').screenshot({ path: path.join(SHOTS, 'elections-ls2024-swing-hi.png') });
  });
});
