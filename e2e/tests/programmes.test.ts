import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginInHindi, startServer } from './server';

const SHOTS = path.resolve(import.meta.dirname, '../artifacts');
const PHOTO = path.resolve(import.meta.dirname, '../../server/src/modules/files/fixtures/photo-8x6.jpg');
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

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

const yesterdayInIndia = () => new Date(Date.now() + 330 * 60_000 - 86_400_000).toISOString().slice(0, 10);
const stateRow = () => page.locator('[data-testid="progress-row"][data-key="S24"]');
/** The reported count of Uttar Pradesh's row (the table's columns: name, total, not planned, planned, held, reported, …). */
const upReported = async () => Number((await stateRow().locator('td').nth(5).textContent())?.replace(/[^0-9]/g, '') ?? '-1');

describe('a programme rolled out to every Lok Sabha of a state', () => {
  it("creates it, rolls it out to UP's 80 PCs, appoints an in-charge, reports one with a photo, and sees progress and the map move", async () => {
    await loginInHindi(page, server.url);
    await page.goto(`${server.url}/programmes`);
    await page.getByTestId('programme-create').click();
    await page.getByTestId('home-unit-search').fill('Uttar Pradesh');
    await page.getByRole('option').first().click();
    await page.getByTestId('programme-name-hi').fill('प्रबुद्ध वर्ग संवाद');
    await page.getByTestId('programme-name').fill('Dialogue with professionals');
    await page.getByTestId('programme-segments').click();
    await page.getByRole('option', { name: 'चिकित्सक' }).click();
    await page.getByRole('option', { name: 'अधिवक्ता' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('phase-0-hi').fill('हर लोकसभा');
    await page.getByTestId('phase-0-name').fill('Every Lok Sabha');
    await page.getByTestId('programme-save').click();
    await page.waitForURL(/\/programmes\/\d+$/);
    expect(await page.getByTestId('programme-title').textContent()).toBe('प्रबुद्ध वर्ग संवाद');

    await page.getByTestId('programme-rollout').click();
    await page.getByTestId('rollout-submit').click();
    await expect.poll(async () => page.getByTestId('rollout-result').textContent(), { timeout: 20_000 }).toMatch(/80/);
    await page.keyboard.press('Escape');
    await stateRow().waitFor();
    expect(await stateRow().locator('td').nth(1).textContent()).toMatch(/80|८०/);
    expect(await upReported()).toBe(0);
    // Drill into the state: the map shows its 80 PCs, none reported.
    await stateRow().getByRole('button').click();
    await expect.poll(() => page.getByTestId('map-count').getAttribute('data-count')).toBe('80');
    expect(await page.getByTestId('map-count').getAttribute('data-reported')).toBe('0');
    await page.getByTestId('constituency-map-canvas').waitFor();
    await page.getByTestId('programme-map').screenshot({ path: path.join(SHOTS, 'programme-map-before-hi.png') });

    await page.getByTestId('instance-search').fill('Muzaffarnagar');
    const row = page.locator('[data-testid="instance-row"][data-target="pc:S24-PC-3"]');
    await row.click();
    await page.waitForURL(/\/programme-instances\/\d+$/);
    await page.getByTestId('instance-in-charge').fill('Sunita');
    await page.getByRole('option').first().click();
    await page.getByTestId('instance-in-charge-picked').waitFor();

    await page.getByTestId('tab-report').click();
    await page.getByTestId('report-held-on').fill(yesterdayInIndia());
    await page.getByTestId('report-count-doctors').fill('40');
    await page.getByTestId('report-count-lawyers').fill('12');
    await page.getByTestId('report-save').click();
    await expect.poll(() => page.getByTestId('instance-status').getAttribute('data-status')).toBe('reported');
    await page.locator('[data-testid="instance-photos"] input[type="file"]').setInputFiles(PHOTO);
    await page.getByTestId('instance-photo').first().waitFor();

    await page.getByRole('link', { name: 'प्रबुद्ध वर्ग संवाद' }).click();
    await stateRow().waitFor();
    await expect.poll(upReported).toBe(1);
    await stateRow().getByRole('button').click();
    await expect.poll(() => page.getByTestId('map-count').getAttribute('data-reported')).toBe('1');
    await page.getByTestId('programme-map').screenshot({ path: path.join(SHOTS, 'programme-map-after-hi.png') });
  });

  it("edits the demo programme's West UP cluster: renames it, removes a member, and its progress row follows", async () => {
    await page.goto(`${server.url}/programmes`);
    try {
      await page.getByTestId('programme-search').waitFor({ timeout: 60_000 });
    } catch (err) {
      await page.screenshot({ path: path.join(SHOTS, 'programmes-list-failed.png') });
      throw err;
    }
    await page.getByTestId('programme-search').fill('सम्मेलन');
    await page.getByTestId('programme-row').filter({ hasText: 'प्रबुद्ध जन सम्मेलन' }).first().click();
    await page.waitForURL(/\/programmes\/\d+$/);
    expect(await page.getByTestId('programme-title').textContent()).toBe('प्रबुद्ध जन सम्मेलन');
    const panel = page.getByTestId('clusters-panel');
    await panel.getByTestId('cluster-edit').first().click();
    const editor = page.getByTestId('cluster-editor');
    await editor.waitFor();
    const members = editor.locator('[data-testid="cluster-members"] tr');
    await expect.poll(() => members.count()).toBe(10);
    await members.first().getByRole('button').click();
    await expect.poll(() => members.count()).toBe(9);
    await editor.getByLabel('नाम (हिंदी)').fill('पश्चिम उत्तर प्रदेश क्लस्टर');
    await editor.getByTestId('cluster-rename').click();
    await expect.poll(() => page.locator('.mantine-Modal-title').textContent()).toBe('पश्चिम उत्तर प्रदेश क्लस्टर');
    expect(await editor.getByTestId('cluster-in-charge-history').locator('tr').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.locator('tr').first().textContent()).toMatch(/पश्चिम उत्तर प्रदेश क्लस्टर.*(9|९)/);
    await page.getByTestId('progress-by').locator('label').nth(1).click();
    const row = page.locator('[data-testid="progress-row"]').first();
    await expect.poll(() => row.locator('td').nth(1).textContent()).toMatch(/^(9|९)$/);
  });
});
