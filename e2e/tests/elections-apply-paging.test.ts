import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginInHindi, startServer } from './server';

const POLL = { timeout: 15_000 };
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('public application form: the seat box pages and searches every seat', () => {
  it('a UP Vidhan Sabha election (403 seats): the first page, "more seats", and a search for a seat far down the list', async () => {
    await loginInHindi(page, server.url);
    // The election through the API with the admin's session: 403 AC seats from the shipped geography.
    const created = await page.request.post(`${server.url}/api/v1/elections`, {
      data: { type: 'vidhan-sabha', stateCode: 'S24', year: 2027, name: 'UP Vidhan Sabha 2027' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const election = (await created.json()) as { id: number };
    const opened = await page.request.put(`${server.url}/api/v1/elections/${election.id}/applications`, { data: { open: true } });
    expect(opened.status(), await opened.text()).toBe(200);

    const pub = await (await browser.newContext({ viewport: { width: 420, height: 900 } })).newPage();
    await pub.goto(`${server.url}/apply/${election.id}`);
    await pub.getByTestId('apply-election-name').waitFor();
    // 50 seats to start with; more on request.
    await expect.poll(async () => (await pub.getByTestId('apply-seat-count').textContent()) ?? '', POLL).toContain('50');
    await pub.getByTestId('apply-seat-more').click();
    await expect.poll(async () => (await pub.getByTestId('apply-seat-count').textContent()) ?? '', POLL).toContain('100');
    // AC 399 is on page 8: the search asks the server.
    const ac399 = await page.request.get(`${server.url}/api/v1/public/elections/${election.id}?q=S24-AC-399&limit=1`);
    const seat = ((await ac399.json()) as { seats: { name: string }[] }).seats[0] as { name: string };
    await pub.getByTestId('apply-seat').fill(seat.name);
    await pub.getByRole('option', { name: /^399 · / }).click();
    await expect.poll(async () => await pub.getByTestId('apply-seat').inputValue(), POLL).toMatch(/^399 · /);
    await pub.getByTestId('apply-phone').fill('9897066661');
    await pub.getByTestId('apply-send-otp').click();
    await expect.poll(async () => (await pub.getByTestId('apply-otp-sent').textContent()) ?? '', POLL).toContain('399');
  });
});
