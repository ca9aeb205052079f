import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
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
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A booth committee as a state office keeps it: Hindi headings, AC and booth numbers. */
const committeeXlsx = async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('बूथ समिति');
  ws.addRow(['राज्य', 'विधानसभा', 'बूथ संख्या', 'पद', 'नाम', 'मोबाइल नंबर', 'लिंग']);
  ws.addRow(['S24', 14, 100, 'अध्यक्ष', 'राजेंद्र त्यागी', '98970 11111', 'पुरुष']);
  ws.addRow(['S24', 14, 100, 'बूथ स्तरीय एजेंट', 'शबाना अंसारी', '+91 98970 22222', 'महिला']);
  ws.addRow(['S24', 14, 100, 'सदस्य', 'मोहित सैनी', '098970-33333', 'पुरुष']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-xlsx-')), 'booth-100-committee.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
};

describe('a state office imports a booth committee from an XLSX with Hindi headings', () => {
  it('checks the file, imports it in the background, and the committee shows on the booth page', async () => {
    await loginInHindi(page, server.url);

    const search = await page.request.get(`${server.url}/api/v1/units/search?q=Muzaffar&level=assembly`);
    const assembly = ((await search.json()) as { items: { id: number; geo: { code: string } | null }[] }).items.find((u) => u.geo?.code === 'S24-AC-14');
    expect(assembly).toBeDefined();
    await page.goto(`${server.url}/units/${assembly?.id}`);
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-file').setInputFiles(await committeeXlsx());
    await page.getByTestId('import-consent-purpose').fill('बूथ समिति का रिकॉर्ड');
    await page.getByTestId('import-consent-date').fill('2026-11-01');
    const method = page.getByTestId('import-consent-method');
    await method.click();
    await page.getByRole('option').first().click();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'import-report-hi.png'), fullPage: true });
    await page.getByTestId('import-run').click();
    await expect.poll(async () => (await page.getByTestId('import-status').getAttribute('data-status')) ?? '', { timeout: 60_000 }).toBe('done');

    const booths = await page.request.get(`${server.url}/api/v1/units/${assembly?.id}/children?limit=500`);
    const all = ((await booths.json()) as { items: { id: number; geo: { code: string } | null }[] }).items;
    // Booths 1–60 of this AC sit under the demo's shakti kendras; booth 100 is a direct child.
    const boothId = all.find((u) => u.geo?.code === 'S24-AC-14-PS-100')?.id;
    expect(boothId).toBeDefined();
    await page.goto(`${server.url}/units/${boothId}?tab=posts`);
    await page.getByTestId('committee-badge').waitFor();
    await expect.poll(async () => (await page.getByTestId('committee-badge').textContent()) ?? '').toMatch(/3/);
    await expect.poll(async () => (await page.locator('[data-testid="post-slot"][data-post="president"]').first().textContent()) ?? '').toContain('राजेंद्र त्यागी');
    await page.screenshot({ path: path.join(SHOTS, 'booth-committee-hi.png'), fullPage: true });
  });
});
