import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginInHindi, startServer } from './server';

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

const phone = () => browser.newContext({ viewport: { width: 390, height: 844 } }).then((c) => c.newPage());

/** A demo user's page, phone-sized; returns it on the unit page they land on. */
const loginAs = async (username: string): Promise<Page> => {
  const page = await phone();
  await page.goto(server.url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('samiti-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/units\/\d+/);
  return page;
};

/** How many distinct colours the map canvas shows: a blank map has one or two. */
const canvasColours = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="health-map"] canvas');
    if (!(canvas instanceof HTMLCanvasElement)) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    return seen.size;
  });

/**
 * A point well inside a coloured area of the health map (an area with data, not the grey of "no
 * data", not a border, above the legend), in page coordinates; null while the map is not drawn.
 */
const colouredPoint = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="health-map"] canvas');
    if (!(canvas instanceof HTMLCanvasElement)) return null;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    const rect = canvas.getBoundingClientRect();
    const w = canvas.width;
    const h = canvas.height;
    const { data } = ctx.getImageData(0, 0, w, h);
    const at = (x: number, y: number) => {
      const i = (y * w + x) * 4;
      return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
    };
    const grey = (c: number[]) => c[0] === 0xce && c[1] === 0xd4 && c[2] === 0xda;
    for (let y = 6; y < h * 0.78; y += 3) {
      for (let x = 6; x < w - 6; x += 3) {
        const c = at(x, y);
        if ((c[3] ?? 0) < 250 || grey(c)) continue;
        const same = [
          [-5, 0],
          [5, 0],
          [0, -5],
          [0, 5],
        ].every(([dx = 0, dy = 0]) => at(x + dx, y + dy).every((v, k) => v === c[k]));
        if (same) return { x: rect.left + (x * rect.width) / w, y: rect.top + (y * rect.height) / h };
      }
    }
    return null;
  });

describe('organisation health', () => {
  it('national health in Hindi: click a weak state on the map, drill down through weak units to a weak booth and read its reasons', async () => {
    const page = await phone();
    await loginInHindi(page, server.url);
    await page.getByTestId('tab-health').click();
    await page.getByTestId('health-verdict').waitFor();
    await expect.poll(() => canvasColours(page), { timeout: 20_000 }).toBeGreaterThan(5);
    // Only states with booths have a colour; tap one on the map itself.
    await page.getByTestId('health-map').scrollIntoViewIfNeeded();
    let point: { x: number; y: number } | null = null;
    await expect.poll(async () => (point = await colouredPoint(page)), { timeout: 20_000 }).not.toBeNull();
    const national = page.url();
    if (!point) throw new Error('no coloured state on the map');
    const { x, y } = point;
    await page.mouse.click(x, y);
    await page.waitForURL((u) => u.toString() !== national && /tab=health/.test(u.toString()));
    await page.getByTestId('health-verdict').waitFor();
    expect(await page.getByTestId('health-verdict').getAttribute('data-weak')).toBe('true');
    // A state shows its ACs on the map.
    await expect.poll(() => canvasColours(page), { timeout: 20_000 }).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(SHOTS, 'health-state-from-map-hi.png'), fullPage: true });
    // Colour the ACs by another signal: the map asks for it and draws its values.
    const bySignal = page.waitForResponse((r) => r.url().includes('/health/map') && r.url().includes('signal=boothsCovered'));
    await page.getByTestId('health-map-by').selectOption('boothsCovered');
    const coloured = (await (await bySignal).json()) as { items: { value: number | null }[] };
    expect(coloured.items.some((i) => i.value !== null)).toBe(true);
    await expect.poll(() => canvasColours(page), { timeout: 20_000 }).toBeGreaterThan(1);
    await page.screenshot({ path: path.join(SHOTS, 'health-state-by-signal-hi.png'), fullPage: true });
    await page.getByTestId('health-map-by').selectOption('');
    // Weak first: follow the first weak child down until a unit has no children (a booth).
    for (let depth = 0; depth < 8; depth++) {
      const table = page.getByTestId('children-health');
      // The children table loads after the verdict; only a unit without children (a booth) has none.
      await page.waitForLoadState('networkidle');
      if (!(await table.isVisible().catch(() => false))) break;
      const weak = table.locator('[data-testid="child-health-row"][data-weak="true"]').first();
      await weak.waitFor({ timeout: 15_000 });
      const before = page.url();
      await weak.locator('a').first().click();
      await page.waitForURL((u) => u.toString() !== before);
      await page.getByTestId('health-verdict').waitFor();
    }
    await expect.poll(() => page.getByTestId('health-verdict').getAttribute('data-weak')).toBe('true');
    const reasons = await page.getByTestId('health-reason').allTextContents();
    expect(reasons.some((r) => r.includes('बूथ समिति'))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'health-weak-booth-hi.png'), fullPage: true });
  });

  it('a state admin proposes replacing a district office bearer with a named successor, cannot approve it; the national admin approves; the unit shows the new holder and the former one', async () => {
    const president = await loginAs('mzn-president');
    const districtUrl = president.url().split('?')[0] ?? '';
    const districtId = Number(districtUrl.split('/').at(-1));
    const proposer = await loginAs('up-admin');
    // The successor: a new party worker of the district, registered by the proposer.
    const successorName = `Naya Karyakarta ${Math.random().toString(36).slice(2, 7)}`;
    const created = await proposer.request.post(`${server.url}/api/v1/people`, {
      data: {
        name: successorName,
        phone: `+9198${String(Date.now()).slice(-8)}`,
        homeUnitId: districtId,
        consent: { purpose: 'party membership records', date: '2026-01-15', method: 'written' },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    await proposer.goto(`${districtUrl}?tab=health`);
    const cards = proposer.getByTestId('scorecards');
    await cards.waitFor();
    // The map above loads and grows meanwhile: let the page settle so the switch stays where it is clicked.
    await proposer.waitForLoadState('networkidle');
    await cards.getByTestId('only-inactive').scrollIntoViewIfNeeded();
    await cards.getByTestId('only-inactive').uncheck({ force: true });
    const row = cards.getByTestId('scorecard-row').first();
    await row.waitFor();
    const who = (await row.locator('a').first().textContent()) ?? '';
    await row.getByRole('checkbox').check({ force: true });
    await cards.getByTestId('propose-open').click();
    const picker = proposer.locator('input[data-testid^="successor-"]').first();
    await picker.fill(successorName);
    // The picker's suggestion (the map's colour-by select has options too).
    await proposer.getByRole('option', { name: successorName }).first().click();
    await proposer.locator('[data-testid^="successor-"][data-testid$="-picked"]').first().waitFor();
    await proposer.getByTestId('propose-submit').click();
    const proposal = proposer.getByTestId('replacement').first();
    await proposal.waitFor();
    expect(await proposal.getAttribute('data-status')).toBe('proposed');
    expect(await proposal.getByTestId('replacement-item').first().textContent()).toContain(successorName);
    // The proposer cannot review their own proposal: no approve button for them.
    expect(await proposal.getByTestId('approve').count()).toBe(0);

    const reviewer = await phone();
    await loginInHindi(reviewer, server.url);
    await reviewer.goto(`${districtUrl}?tab=health`);
    const pending = reviewer.locator('[data-testid="replacement"][data-status="proposed"]').first();
    await pending.waitFor();
    await pending.getByTestId('approve').click();
    await reviewer.locator('[data-testid="replacement"][data-status="approved"]').first().waitFor();

    // The unit of the replaced post: its history shows the successor as current and the holder as former.
    const list = await reviewer.request.get(`${server.url}/api/v1/replacements?underUnitId=${districtId}&status=approved`);
    const item = (await list.json()).items[0].items[0] as { unitId: number; holder: { name: string | null } };
    await reviewer.goto(`${server.url}/units/${item.unitId}?tab=posts&view=history`);
    await reviewer.getByTestId('post-history').waitFor();
    const current = reviewer.locator('[data-testid="tenure-row"][data-current="true"]', { hasText: successorName });
    await current.first().waitFor();
    const former = reviewer.locator('[data-testid="tenure-row"][data-current="false"]', { hasText: item.holder.name ?? who });
    await former.first().waitFor();
    expect(await former.first().getByTestId('tenure-summary').textContent()).toContain('पूर्व');
    await reviewer.screenshot({ path: path.join(SHOTS, 'health-replacement-approved.png'), fullPage: true });
    // The posts tab names the new holder.
    await reviewer.goto(`${server.url}/units/${item.unitId}?tab=posts`);
    await reviewer.getByText(successorName).first().waitFor();
    expect(who.length).toBeGreaterThan(0);
  });
});
