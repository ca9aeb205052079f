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
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the national admin configures a level’s posts', () => {
  it('adds a post to the shakti kendra template, is told in Hindi what is wrong with a bad key, and the API follows', async () => {
    await loginInHindi(page, server.url);
    await page.goto(`${server.url}/post-templates`);
    await page.getByTestId('template-open-shakti-kendra').click();
    const editor = page.getByTestId('template-shakti-kendra');
    await editor.getByTestId('template-post').first().waitFor();
    expect(await editor.getByTestId('template-post').count()).toBe(3);

    // A key that is not a stable slug: the server refuses, in Hindi, and nothing is saved.
    await editor.getByTestId('template-add').click();
    const row = editor.getByTestId('template-post').nth(3);
    await row.getByTestId('template-post-key').fill('Social Media');
    await row.getByTestId('template-post-name').fill('Social media in-charge');
    await row.getByTestId('template-post-name-hi').fill('सोशल मीडिया प्रभारी');
    await row.getByTestId('template-post-max').fill('2');
    await editor.getByTestId('template-save').click();
    await editor.getByTestId('template-error').waitFor();
    expect(await editor.getByTestId('template-error').textContent()).toMatch(/[\u0900-\u097F]/);

    await row.getByTestId('template-post-key').fill('social-media');
    await editor.getByTestId('template-save').click();
    await expect
      .poll(async () => {
        const res = await page.request.get(`${server.url}/api/v1/post-templates/shakti-kendra`);
        return ((await res.json()) as { posts: { key: string }[] }).posts.map((p) => p.key);
      })
      .toEqual(['convenor', 'co-convenor', 'in-charge', 'social-media']);
    await expect.poll(async () => (await page.getByTestId('template-open-shakti-kendra').textContent()) ?? '').toContain('4');
    await page.screenshot({ path: path.join(SHOTS, 'post-templates-hi.png'), fullPage: true });
  });
});
