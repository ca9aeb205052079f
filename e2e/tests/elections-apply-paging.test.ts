import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it("the import panel checks a Form-20 booth file: layout Form-20, the AC number, candidates matched to the seat's results", async () => {
    // A Vidhan Sabha election with candidate-wise results for Gangoh (AC 7, whose booths the demo ships).
    const created = await page.request.post(`${server.url}/api/v1/elections`, {
      data: { type: 'vidhan-sabha', stateCode: 'S24', year: 2028, name: 'UP Vidhan Sabha 2028' },
    });
    const election = (await created.json()) as { id: number };
    const results = ['seat,candidate,party,votes', '7,Pradeep Kumar,BJP,900', '7,Nomaan Masood,BSP,800', '7,None of the Above,NOTA,5'].join(
      '\n',
    );
    const imported = await page.request.post(`${server.url}/api/v1/elections/${election.id}/results/import?dryRun=false`, {
      headers: { 'content-type': 'text/csv' },
      data: results,
    });
    expect(imported.status(), await imported.text()).toBe(202);
    const job = (await imported.json()) as { id: number };
    await expect
      .poll(
        async () =>
          ((await (await page.request.get(`${server.url}/api/v1/elections/${election.id}/imports/${job.id}`)).json()) as { status: string })
            .status,
        POLL,
      )
      .toBe('done');
    const header = [
      'Part No',
      'Part Name',
      'Total',
      '1 - PRADEEP  KUMAR',
      '2 - NOMAAN MASOOD.',
      '3 - None of the Above',
      'Total Votes Secured',
    ];
    const lines = [
      '"Polling Station",,,"Candidate ID and Name",,,',
      header.map((h) => `"${h}"`).join(','),
      '1,"PRATHMIK VIDYALAYA",30,20,9,1,30',
      '2,"PRATHMIK VIDYALAYA 2",12,5,7,0,12',
      ',"Total",42,25,16,1,42',
    ];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-form20-')), 'gangoh-form20.csv');
    fs.writeFileSync(file, lines.join('\n'));
    await page.goto(`${server.url}/elections/${election.id}?tab=import`);
    await page.getByTestId('import-kind').getByText('बूथवार परिणाम').click();
    await page.getByTestId('import-layout').getByText('फ़ॉर्म-20').click();
    await page.locator('[data-testid="election-import"] input[type="file"]').setInputFiles(file);
    // No AC number and a file name without one: the check says so.
    await page.getByTestId('import-check').click();
    await expect.poll(async () => (await page.getByTestId('import-errors').textContent()) ?? '', POLL).toContain('.csv');
    await page.getByTestId('import-ac').fill('7');
    await page.getByTestId('import-check').click();
    // Two booths (the total row skipped), one seat; the import button opens.
    await expect.poll(async () => (await page.getByTestId('import-report').textContent()) ?? '', POLL).toContain('2 पंक्तियाँ ठीक');
    expect(await page.getByTestId('import-run').isEnabled()).toBe(true);
  });
});
