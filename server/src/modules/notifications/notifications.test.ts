import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, dayOffset, holderWithLogin } from '../directives/test-support';
import type { TSmsProvider } from '../notify/sms';
import { createDirective } from '../directives/create';
import { appoint } from '../posts/operations';
import { ASSIGNMENT_SMS_QUEUE, notifyPeople, notifyUsers, sendAssignmentSms } from './notify';
import { runReminders } from './reminders';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const capture = () => {
  const sent: { to: string; body: string; purpose: string }[] = [];
  const sms: TSmsProvider = {
    name: 'capture',
    send: async (to, body, meta) => {
      sent.push({ to, body, purpose: meta.purpose });
      return { provider: 'capture', status: 'sent' };
    },
  };
  return { sent, sms };
};

describe('notifications', () => {
  it('a new assignment reaches the addressee’s inbox; unread count; mark one and all read; 401 and 404', async () => {
    const { district, assembly } = await h.chain();
    const me = await holderWithLogin(h, assembly.id);
    expect((await call('GET', '/api/v1/me/notifications')).statusCode).toBe(401);
    await call('POST', '/api/v1/directives', admin, {
      unitId: district.id,
      text: 'Enrol 100 members',
      dueDate: dayOffset(9),
      target: { cascade: { level: 'assembly', post: 'president' } },
    });
    await call('POST', '/api/v1/directives', admin, {
      unitId: district.id,
      text: 'Hold a meeting',
      dueDate: dayOffset(9),
      target: { unitId: assembly.id },
    });
    const inbox = (await call('GET', '/api/v1/me/notifications', me.cookie)).json();
    expect(inbox).toMatchObject({
      unread: 1,
      items: [expect.objectContaining({ kind: 'assignment', text: 'Enrol 100 members', isRead: false })],
    });
    expect((await call('GET', '/api/v1/me/notifications/unread-count', me.cookie)).json()).toEqual({ unread: 1 });
    const other = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', `/api/v1/notifications/${inbox.items[0].id}/read`, other)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/notifications/${inbox.items[0].id}/read`, me.cookie)).json()).toEqual({ marked: 1, unread: 0 });
    expect((await call('POST', '/api/v1/notifications/abc/read', me.cookie)).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/me/notifications/read-all', me.cookie)).json()).toEqual({ marked: 0, unread: 0 });
    expect((await call('GET', '/api/v1/me/notifications?cursor=x', me.cookie)).statusCode).toBe(400);
  });

  it('reminders: due-soon and overdue once per assignment per day, in-app and by SMS, none for closed ones', async () => {
    const { district, assembly } = await h.chain();
    const other = await h.unit({ parentId: district.id, level: 'assembly' });
    const me = await holderWithLogin(h, assembly.id);
    const them = await holderWithLogin(h, other.id);
    const soon = (
      await call('POST', '/api/v1/directives', admin, {
        unitId: district.id,
        text: 'Due soon',
        dueDate: dayOffset(1),
        target: { cascade: { level: 'assembly', post: 'president' } },
      })
    ).json();
    const later = (
      await call('POST', '/api/v1/directives', admin, {
        unitId: district.id,
        text: 'Far away',
        dueDate: dayOffset(30),
        target: { cascade: { level: 'assembly', post: 'president' } },
      })
    ).json();
    expect(later.id).toBeGreaterThan(soon.id);
    const theirs = (await call('GET', '/api/v1/me/assignments', them.cookie))
      .json()
      .items.find((a: { directiveId: number }) => a.directiveId === soon.id);
    await call('POST', `/api/v1/assignments/${theirs.id}/complete`, them.cookie, { text: 'done' });

    const today = dayOffset(0);
    const first = capture();
    expect(await runReminders(h.db, first.sms, today)).toEqual({ reminded: 1, sms: 1 });
    expect(first.sent).toEqual([expect.objectContaining({ to: me.person.phone, purpose: 'reminder:due-soon' })]);
    expect(first.sent[0]?.body).toContain('Due soon');
    const again = capture();
    expect(await runReminders(h.db, again.sms, today)).toEqual({ reminded: 0, sms: 0 });
    expect(again.sent).toEqual([]);
    // Three days on, the directive is overdue: one more reminder that day, marked overdue.
    const later3 = capture();
    expect(await runReminders(h.db, later3.sms, dayOffset(3))).toEqual({ reminded: 1, sms: 1 });
    expect(later3.sent[0]?.purpose).toBe('reminder:overdue');
    expect(await runReminders(h.db, capture().sms, dayOffset(3))).toEqual({ reminded: 0, sms: 0 });
    const kinds = (await call('GET', '/api/v1/me/notifications', me.cookie)).json().items.map((n: { kind: string }) => n.kind);
    expect(kinds.filter((k: string) => k !== 'assignment')).toEqual(['overdue', 'due-soon']);
    expect(
      (await call('GET', '/api/v1/me/notifications', them.cookie)).json().items.filter((n: { kind: string }) => n.kind !== 'assignment'),
    ).toEqual([]);
  });
});

describe('notices of other modules', () => {
  it('reach every login of a person in the reader’s language with their link; people without a login get none; bad rows are refused whole', async () => {
    const { assembly } = await h.chain();
    const me = await holderWithLogin(h, assembly.id);
    const noLogin = await h.person({ homeUnitId: assembly.id });
    const notice = {
      kind: 'programme-in-charge' as const,
      title: { en: 'You are in-charge of Ghar Ghar Sampark', hi: 'आप घर घर संपर्क के प्रभारी हैं' },
      link: '/programmes/7',
    };
    expect(
      await notifyPeople(h.db, [
        { ...notice, personId: me.person.id },
        { ...notice, personId: noLogin.id },
      ]),
    ).toEqual({ notified: 1 });
    const inLocale = (lang: string) =>
      h.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: { cookie: me.cookie, 'accept-language': lang } });
    const en = (await inLocale('en')).json();
    expect(en.items[0]).toMatchObject({
      kind: 'programme-in-charge',
      text: 'You are in-charge of Ghar Ghar Sampark',
      link: '/programmes/7',
      assignmentId: null,
      isRead: false,
    });
    const hi = (await inLocale('hi')).json();
    expect(hi.items[0].text).toBe('आप घर घर संपर्क के प्रभारी हैं');
    // A link that leaves the app, or a line in one language only, is refused by the table: nothing written.
    const before = hi.unread;
    await expect(
      notifyUsers(h.db, [
        { ...notice, userId: me.userId },
        { ...notice, userId: me.userId, link: '//evil.example' },
      ]),
    ).rejects.toThrow();
    await expect(notifyUsers(h.db, [{ ...notice, userId: me.userId, title: { en: 'x', hi: '' } }])).rejects.toThrow();
    expect((await call('GET', '/api/v1/me/notifications/unread-count', me.cookie)).json()).toEqual({ unread: before });
  });
});

describe('texts for new assignments', () => {
  it('queues one SMS job per ready directive and texts each addressee with a phone, in their language; none for vacant posts', async () => {
    const { district, assembly } = await h.chain();
    const withLogin = await holderWithLogin(h, assembly.id);
    const noLogin = await h.unit({ parentId: district.id, level: 'assembly' });
    const holder = await h.person({ homeUnitId: noLogin.id });
    await appoint(h.ctx, { unitId: noLogin.id, post: 'president', personId: holder.id, startDate: '2025-01-01' });
    await h.unit({ parentId: district.id, level: 'assembly' }); // vacant: no text
    const queued: { queue: string; data: object }[] = [];
    const jobs = {
      send: async (queue: string, data: object) => {
        queued.push({ queue, data });
        return 'job-1';
      },
      stop: async () => undefined,
    };
    const r = await createDirective(
      h.ctx,
      {
        unitId: district.id,
        text: 'बूथ समितियाँ पूरी करें',
        dueDate: dayOffset(10),
        target: { cascade: { level: 'assembly', post: 'president' } },
      },
      { jobs },
    );
    if (r.kind !== 'ready') throw new Error('expected an inline cascade');
    expect(queued).toEqual([{ queue: ASSIGNMENT_SMS_QUEUE, data: { directiveId: r.directive.id } }]);

    const out = capture();
    expect(await sendAssignmentSms(h.db, out.sms, r.directive.id)).toEqual({ sent: 2 });
    const byPhone = new Map(out.sent.map((m) => [m.to, m]));
    expect(byPhone.get(withLogin.person.phone)).toMatchObject({
      purpose: 'assignment:new',
      body: expect.stringContaining('बूथ समितियाँ पूरी करें'),
    });
    expect(byPhone.get(holder.phone)?.body).toMatch(/^समिति: .* से नया निर्देश/);

    const done = (await call('GET', '/api/v1/me/assignments', withLogin.cookie))
      .json()
      .items.find((a: { directiveId: number }) => a.directiveId === r.directive.id);
    await call('POST', `/api/v1/assignments/${done.id}/complete`, withLogin.cookie, { text: 'हो गया' });
    expect(await sendAssignmentSms(h.db, capture().sms, r.directive.id)).toEqual({ sent: 1 });
  });
});
