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
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** How many distinct colours the map canvas shows: a blank or failed map has one or two. */
const canvasColours = () =>
  page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="constituency-map-canvas"] canvas');
    if (!(canvas instanceof HTMLCanvasElement)) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 16) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    return seen.size;
  });

describe('constituency maps on the geography pages', () => {
  it('draws the PC and AC maps of Uttar Pradesh on a phone and opens a seat on tap', async () => {
    await loginInHindi(page, server.url);
    await page.goto(`${server.url}/geo/S24`);
    await page.getByTestId('constituency-map-canvas').waitFor();
    await expect.poll(canvasColours, { timeout: 20_000 }).toBeGreaterThan(5);
    await page.getByTestId('geo-map').screenshot({ path: path.join(SHOTS, 'map-up-pc-hi.png') });

    await page.getByText('विधानसभा सीटें', { exact: true }).click();
    await expect.poll(canvasColours, { timeout: 20_000 }).toBeGreaterThan(5);
    await page.getByTestId('geo-map').screenshot({ path: path.join(SHOTS, 'map-up-ac-hi.png') });

    // The middle of Uttar Pradesh is inside some seat: a tap opens its page.
    await page.getByText('लोकसभा सीटें', { exact: true }).click();
    await expect.poll(canvasColours, { timeout: 20_000 }).toBeGreaterThan(5);
    const box = await page.getByTestId('constituency-map-canvas').boundingBox();
    if (!box) throw new Error('no map on the page');
    // Pointing at a seat shows its Hindi name and value in the tooltip.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.45);
    const tip = page.getByTestId('constituency-map-canvas').locator('div').filter({ hasText: /[\u0900-\u097f]/ });
    await expect.poll(() => tip.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await tip.last().textContent()).toMatch(/[\u0900-\u097f]+.*\d/);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.45);
    await page.waitForURL(/\/geo\/S24\/pc\/\d+$/);
    await page.getByTestId('geo-acs').waitFor();
    // The seat's page maps just its assembly seats.
    await page.getByTestId('constituency-map-canvas').waitFor();
    await expect.poll(canvasColours, { timeout: 20_000 }).toBeGreaterThan(3);
    await page.getByTestId('geo-map').screenshot({ path: path.join(SHOTS, 'map-pc-acs-hi.png') });
  });
  it('draws the PC map of India', async () => {
    await page.goto(`${server.url}/geo`);
    await page.getByTestId('constituency-map-canvas').waitFor();
    await expect.poll(canvasColours, { timeout: 20_000 }).toBeGreaterThan(3);
    await page.getByTestId('geo-map').screenshot({ path: path.join(SHOTS, 'map-india-pc-hi.png') });
  });
});
