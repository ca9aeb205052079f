import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginInHindi, startServer } from './server';

const SHOTS = path.resolve(import.meta.dirname, '../artifacts');
const hi = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../web/src/i18n/hi.json'), 'utf8'));
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

// The demo organisation loads on first start: allow a loaded machine 15 minutes.
beforeAll(async () => {
  server = await startServer({ startTimeoutMs: 900_000 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  fs.mkdirSync(SHOTS, { recursive: true });
}, 960_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const inIndia = (days: number) => new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
const getJson = async <T>(url: string): Promise<T> => {
  const res = await page.request.get(`${server.url}${url}`);
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};
type TUnitHit = { id: number; name: string; level: string };
const unitNamed = async (q: string, level: string) => {
  const hit = (await getJson<{ items: TUnitHit[] }>(`/api/v1/units/search?q=${encodeURIComponent(q)}&level=${level}`)).items[0];
  if (!hit) throw new Error(`no ${level} ${q}`);
  return hit;
};

/** Picks a unit in the form's unit search: types its name and takes the option of that level. */
const pickUnit = async (form: string, q: string, levelHi: string) => {
  await page.getByTestId(form).getByTestId('home-unit-search').fill(q);
  await page.getByRole('option').filter({ hasText: levelHi }).first().click();
  await page.getByTestId(form).getByTestId('home-unit-picked').waitFor();
};

/** Fills the stop form: place, day and times, purpose; then saves. */
const fillStop = async (q: string, levelHi: string, day: string, from: string, to: string) => {
  await page.getByTestId('stop-create').click();
  await pickUnit('stop-form', q, levelHi);
  await page.getByTestId('stop-date').fill(day);
  await page.getByTestId('stop-from').fill(from);
  await page.getByTestId('stop-to').fill(to);
  await page.getByTestId('stop-save').click();
};

describe("a leader's tour through western UP", () => {
  it('creates a tour with stops, sees a clash refused, files a stop report, sees the district calendar, and downloads the PDF and .ics — in Hindi', async () => {
    await loginInHindi(page, server.url);
    const levels = (await getJson<{ items: { key: string; nameHi: string | null; name: string }[] }>('/api/v1/levels')).items;
    const levelHi = (key: string) => levels.find((l) => l.key === key)?.nameHi ?? key;
    const mznDistrict = await unitNamed('Muzaffarnagar', 'district');
    // A leader of our own, so the demo leader's stops cannot clash with this journey's.
    const leader = await page.request.post(`${server.url}/api/v1/people`, {
      data: {
        name: 'Vikram Singh Rana',
        nameHi: 'विक्रम सिंह राणा',
        phone: `94${String(Date.now() % 100_000_000).padStart(8, '0')}`,
        homeUnitId: mznDistrict.id,
        consent: { purpose: 'party work', date: inIndia(0), method: 'verbal' },
      },
    });
    expect(leader.ok()).toBe(true);

    await page.goto(`${server.url}/tours`);
    await page.getByTestId('tour-create').click();
    await pickUnit('tour-form', 'Uttar Pradesh', levelHi('state'));
    await page.getByTestId('tour-leader').fill('विक्रम');
    await page.getByRole('option').first().click();
    await page.getByTestId('tour-leader-picked').waitFor();
    await page.getByTestId('tour-title').fill('पश्चिमी उत्तर प्रदेश प्रवास');
    await page.getByTestId('tour-starts').fill(inIndia(-1));
    await page.getByTestId('tour-ends').fill(inIndia(5));
    await page.getByTestId('tour-save').click();
    await page.waitForURL(/\/tours\/\d+$/);
    const tourId = Number(new URL(page.url()).pathname.split('/').at(-1));
    expect(await page.getByTestId('tour-title-heading').textContent()).toContain('पश्चिमी उत्तर प्रदेश प्रवास');

    // Yesterday in Muzaffarnagar (to be reported), tomorrow morning there.
    await fillStop('Muzaffarnagar', levelHi('assembly'), inIndia(-1), '10:00', '12:00');
    await expect.poll(() => page.getByTestId('stop-row').count()).toBe(1);
    await fillStop('Muzaffarnagar', levelHi('assembly'), inIndia(1), '10:00', '12:00');
    await expect.poll(() => page.getByTestId('stop-row').count()).toBe(2);

    // Lucknow an hour after Muzaffarnagar (~470 km): refused with the clash listed, nothing saved.
    await fillStop('Lucknow', levelHi('assembly'), inIndia(1), '13:00', '14:00');
    await page.getByTestId('stop-conflicts').waitFor();
    expect(await page.getByTestId('conflict-list').textContent()).toMatch(/किमी|km/);
    await page.getByTestId('stop-conflicts').screenshot({ path: path.join(SHOTS, 'tour-conflict-hi.png') });
    const stored = await getJson<{ stops: { id: number }[] }>(`/api/v1/tours/${tourId}`);
    expect(stored.stops).toHaveLength(2);
    await page.keyboard.press('Escape');
    await page.getByTestId('stop-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('stop-row').count()).toBe(2);

    // Yesterday's stop is reported: held, with a summary.
    const past = page.getByTestId('stop-row').first();
    await past.getByTestId('stop-report').click();
    await page.getByTestId('stop-report-form').getByText(hi.tours.held, { exact: true }).click();
    await page.getByTestId('stop-report-summary').fill('कार्यकर्ता बैठक में 120 लोग आए।');
    await page.getByTestId('stop-report-save').click();
    await expect.poll(() => past.getByTestId('stop-report-badge').textContent()).toBe(hi.tours.held);
    const reported = await getJson<{ stops: { report: { isHeld: boolean; summary: string } | null }[] }>(`/api/v1/tours/${tourId}`);
    expect(reported.stops[0]?.report).toMatchObject({ isHeld: true, summary: 'कार्यकर्ता बैठक में 120 लोग आए।' });

    // Who is visiting the district this month: tomorrow's stop is on its calendar (yesterday's may be last month).
    await page.goto(`${server.url}/units/${mznDistrict.id}`);
    await page.getByTestId('tab-training').click();
    const calendar = page.getByTestId('month-calendar');
    await calendar.waitFor();
    const ours = calendar.locator(`[data-testid="calendar-stop"][href="/tours/${tourId}"]`);
    await expect.poll(() => ours.count()).toBeGreaterThanOrEqual(inIndia(-1).slice(0, 7) === inIndia(1).slice(0, 7) ? 2 : 1);
    expect(await ours.first().textContent()).toContain('विक्रम');
    await calendar.screenshot({ path: path.join(SHOTS, 'tour-calendar-hi.png') });

    // The itinerary as the page links it: a PDF and an iCalendar file with both stops.
    await page.goto(`${server.url}/tours/${tourId}`);
    const pdfHref = await page.getByTestId('tour-pdf').getAttribute('href');
    const icsHref = await page.getByTestId('tour-ics').getAttribute('href');
    expect(pdfHref).toContain('lang=hi');
    const pdf = await page.request.get(new URL(pdfHref ?? '', server.url).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const ics = await page.request.get(new URL(icsHref ?? '', server.url).toString());
    expect(ics.headers()['content-type']).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});
