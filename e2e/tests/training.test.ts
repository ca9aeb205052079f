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
const postJson = async <T>(url: string, data: object): Promise<T> => {
  const res = await page.request.post(`${server.url}${url}`, { data });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};
type TInvitees = {
  items: { personId: number; source: string; rsvp: string | null; attendance: string | null }[];
  nextCursor: string | null;
};

describe('a training course for the booth presidents of a district', () => {
  it("creates a course and a session at Muzaffarnagar, invites every booth president by post, takes an RSVP and attendance, and sees completion and the district's share trained — in Hindi", async () => {
    await loginInHindi(page, server.url);
    const district = (await getJson<{ items: { id: number; name: string }[] }>('/api/v1/units/search?q=Muzaffarnagar&level=district'))
      .items[0];
    if (!district) throw new Error('no Muzaffarnagar district in the demo');

    // The demo has no booth presidents: appoint two, in the first booths found under the district.
    const booths: number[] = [];
    let frontier = [district.id];
    for (let depth = 0; depth < 5 && booths.length < 2; depth++) {
      const next: number[] = [];
      for (const id of frontier.slice(0, 3)) {
        const kids = (await getJson<{ items: { id: number; level: string }[] }>(`/api/v1/units/${id}/children?limit=20`)).items;
        for (const k of kids) (k.level === 'booth' ? booths : next).push(k.id);
      }
      frontier = next;
    }
    expect(booths.length).toBeGreaterThanOrEqual(2);
    const presidents: number[] = [];
    for (const [i, boothId] of booths.slice(0, 2).entries()) {
      const p = await postJson<{ id: number }>('/api/v1/people', {
        name: `Booth President ${i + 1}`,
        nameHi: `बूथ अध्यक्ष ${i + 1}`,
        phone: `96${String((Date.now() + i) % 100_000_000).padStart(8, '0')}`,
        homeUnitId: boothId,
        consent: { purpose: 'party work', date: inIndia(0), method: 'verbal' },
      });
      await postJson('/api/v1/tenures', { unitId: boothId, post: 'president', personId: p.id, startDate: inIndia(-30) });
      presidents.push(p.id);
    }

    await page.goto(`${server.url}/trainings`);
    await page.getByTestId('course-create').click();
    await page.getByTestId('course-form').getByTestId('home-unit-search').fill('Muzaffarnagar');
    await page.getByRole('option').filter({ hasText: 'जिला' }).first().click();
    expect(await page.getByTestId('course-form').getByTestId('home-unit-picked').getAttribute('data-unit-id')).toBe(String(district.id));
    await page.getByTestId('course-name-hi').fill('बूथ अध्यक्ष प्रशिक्षण');
    await page.getByTestId('course-name').fill('Booth presidents training');
    await page.getByTestId('course-required').fill('1');
    await page.getByTestId('course-save').click();
    await page.waitForURL(/\/trainings\/\d+$/);
    const courseId = Number(new URL(page.url()).pathname.split('/').at(-1));
    expect(await page.getByTestId('course-title').textContent()).toContain('बूथ अध्यक्ष प्रशिक्षण');

    // A session held yesterday (attendance can be taken), at the district office.
    await page.getByTestId('session-create').click();
    await page.getByTestId('session-venue').fill('ज़िला कार्यालय, मुज़फ़्फ़रनगर');
    await page.getByTestId('session-date').fill(inIndia(-1));
    await page.getByTestId('session-capacity').fill('500');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-row').first().click();
    await page.waitForURL(/\/training-sessions\/\d+$/);
    const sessionId = Number(new URL(page.url()).pathname.split('/').at(-1));

    // Invite by post rule: presidents of booth-level units under the district.
    await page.getByRole('combobox', { name: hi.training.levels }).click();
    await page.getByRole('option', { name: 'बूथ', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-result').waitFor();
    const invited = await getJson<TInvitees>(`/api/v1/training-sessions/${sessionId}/invitees?limit=500`);
    // Exactly the district's booth presidents (the two appointed above), by the post rule.
    expect(invited.items.map((i) => i.personId).sort()).toEqual([...presidents].sort());
    expect(invited.items.every((i) => i.source === 'post')).toBe(true);
    await page.getByTestId('session-title').screenshot({ path: path.join(SHOTS, 'training-session-hi.png') });

    // The first invitee says yes and is marked present.
    const row = page.getByTestId('invitee-row').first();
    const personId = Number(await row.getAttribute('data-person-id'));
    await row.getByTestId('invitee-rsvp').getByText(hi.training.rsvp.yes, { exact: true }).click();
    await expect
      .poll(
        async () =>
          (await getJson<TInvitees>(`/api/v1/training-sessions/${sessionId}/invitees?limit=500`)).items.find((i) => i.personId === personId)
            ?.rsvp,
      )
      .toBe('yes');
    await row.getByTestId('mark-present').click();
    await expect
      .poll(
        async () =>
          (await getJson<TInvitees>(`/api/v1/training-sessions/${sessionId}/invitees?limit=500`)).items.find((i) => i.personId === personId)
            ?.attendance,
      )
      .toBe('present');

    // Their page: the course is complete (one session was needed).
    await page.goto(`${server.url}/people/${personId}`);
    await page.getByTestId('person-tab-training').click();
    const course = page.getByTestId('person-trainings').locator('a', { hasText: 'बूथ अध्यक्ष प्रशिक्षण' }).locator('xpath=../..');
    await expect.poll(() => course.getByTestId('training-status').textContent()).toBe(hi.training.complete);

    // The district's share of office bearers who completed this course: one of them.
    const coverage = await getJson<{ officeBearers: number; completed: number; share: number }>(
      `/api/v1/units/${district.id}/training-coverage?course=${courseId}`,
    );
    expect(coverage.completed).toBe(1);
    expect(coverage.officeBearers).toBeGreaterThanOrEqual(invited.items.length);
    await page.goto(`${server.url}/units/${district.id}`);
    await page.getByTestId('tab-training').click();
    const panel = page.getByTestId('training-coverage');
    // The course picker is the panel's one input.
    await panel.locator('input').first().click();
    await page.getByRole('option', { name: 'बूथ अध्यक्ष प्रशिक्षण' }).click();
    const percent = String(Math.round(coverage.share * 100));
    await expect.poll(() => panel.getByTestId('coverage-text').textContent()).toContain(`(${percent}%)`);
    await panel.screenshot({ path: path.join(SHOTS, 'training-coverage-hi.png') });
  });

  it('an invitee with a login answers from My trainings, and is told when the session is full', async () => {
    const district = (await getJson<{ items: { id: number }[] }>('/api/v1/units/search?q=Muzaffarnagar&level=district')).items[0] as {
      id: number;
    };
    const course = await postJson<{ id: number }>('/api/v1/trainings', {
      unitId: district.id,
      name: 'Social media',
      nameHi: 'सोशल मीडिया',
      requiredSessions: 1,
    });
    const session = await postJson<{ id: number }>(`/api/v1/trainings/${course.id}/sessions`, {
      mode: 'online',
      link: 'https://meet.example.org/social',
      startsAt: `${inIndia(3)}T18:00:00+05:30`,
      capacity: 1,
    });
    // Two people of the district, each with a login of their own.
    const someone = async (name: string, phone: string) => {
      const p = await postJson<{ id: number }>('/api/v1/people', {
        name,
        phone,
        homeUnitId: district.id,
        consent: { purpose: 'party work', date: inIndia(0), method: 'verbal' },
      });
      const username = `${name.toLowerCase()}-${Date.now() % 100_000}`;
      const u = await postJson<{ id: number }>('/api/v1/users', {
        username,
        password: 'samiti-demo',
        role: 'viewer',
        unitId: district.id,
        locale: 'hi',
      });
      const linked = await page.request.put(`${server.url}/api/v1/users/${u.id}/person`, { data: { personId: p.id } });
      expect(linked.ok()).toBe(true);
      return { personId: p.id, username };
    };
    const asha = await someone('Asha', `98${String(Date.now() % 100_000_000).padStart(8, '0')}`);
    const bala = await someone('Bala', `97${String(Date.now() % 100_000_000).padStart(8, '0')}`);
    await postJson(`/api/v1/training-sessions/${session.id}/invitees`, { kind: 'people', personIds: [asha.personId, bala.personId] });

    const answer = async (username: string) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const p = await context.newPage();
      await p.goto(server.url);
      await p.getByTestId('login-username').fill(username);
      await p.getByTestId('login-password').fill('samiti-demo');
      await p.getByTestId('login-submit').click();
      await p.getByTestId('children-table').waitFor();
      await p.waitForLoadState('networkidle');
      // The login's own invitations, as the page reads them.
      const listed = await p.request.get(`${server.url}/api/v1/my/trainings`);
      expect(await listed.json()).toMatchObject({
        items: [expect.objectContaining({ session: expect.objectContaining({ id: session.id }) })],
      });
      await p.goto(`${server.url}/trainings`);
      const mine = p.locator(`[data-testid="my-training"][data-session-id="${session.id}"]`);
      await mine.waitFor();
      return { context, page: p, mine };
    };
    const a = await answer(asha.username);
    await a.mine.getByTestId('my-training-yes').click();
    await expect.poll(() => a.mine.getByTestId('my-training-answer').textContent()).toContain(hi.training.rsvp.yes);
    await a.page.getByTestId('my-trainings').screenshot({ path: path.join(SHOTS, 'my-trainings-hi.png') });
    await a.context.close();

    // Bala sees the one seat taken; saying no still works.
    const b = await answer(bala.username);
    await b.mine.getByTestId('my-training-full').waitFor();
    expect(await b.mine.getByTestId('my-training-yes').isDisabled()).toBe(true);
    await b.mine.getByTestId('my-training-no').click();
    await expect.poll(() => b.mine.getByTestId('my-training-answer').textContent()).toContain(hi.training.rsvp.no);
    await b.context.close();
    const answers = await getJson<TInvitees>(`/api/v1/training-sessions/${session.id}/invitees`);
    expect(answers.items.map((i) => [i.personId, i.rsvp])).toEqual([
      [asha.personId, 'yes'],
      [bala.personId, 'no'],
    ]);
  });
});
