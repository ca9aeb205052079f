import type { TLocale, TNotificationKind } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { t } from '../../i18n/messages';
import type { TSmsProvider } from '../notify/sms';

/** The queue that texts the addressees of a directive's new assignments, after the directive commits. */
export const ASSIGNMENT_SMS_QUEUE = 'assignment-sms';

/**
 * In-app notifications of a directive's new assignments: one per assignment whose addressee has a
 * login, written by one statement in the caller's transaction (a cascade may hold 10^5 assignments).
 */
export const notifyNewAssignments = async (db: Kysely<DB>, directiveId: number) => {
  await sql`
    insert into notification (user_id, kind, assignment_id)
    select u.id, 'assignment', a.id
    from assignment a join app_user u on u.person_id = a.person_id and u.disabled_at is null
    where a.directive_id = ${directiveId}`.execute(db);
};

/**
 * In-app notifications of a new circular: every enabled login holding a grant at a unit that has
 * a receipt (the offices that must open and acknowledge it).
 */
export const notifyCircular = async (db: Kysely<DB>, circularId: number) => {
  await sql`
    insert into notification (user_id, kind, circular_id)
    select distinct g.user_id, 'circular', ${circularId}::bigint
    from circular_receipt r
    join role_grant g on g.unit_id = r.unit_id and g.role in ('admin', 'office-bearer')
    join app_user u on u.id = g.user_id and u.disabled_at is null
    where r.circular_id = ${circularId}`.execute(db);
};

/** One notice of any module: its line in both languages and the web path it leads to. */
export type TNotice = { kind: TNotificationKind; title: { en: string; hi: string }; link: string | null };

const NOTICE_BATCH = 2_000;

/**
 * In-app notices to logins, in the caller's transaction, one statement per 2,000 (a job may notify
 * 10^5 in-charges). Lines longer than 500 characters are clipped, as the table allows no more.
 */
export const notifyUsers = async (db: Kysely<DB>, notices: (TNotice & { userId: number })[]) => {
  for (let i = 0; i < notices.length; i += NOTICE_BATCH) {
    const batch = notices.slice(i, i + NOTICE_BATCH);
    await db
      .insertInto('notification')
      .values(
        batch.map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          title_en: clip(n.title.en, 500),
          title_hi: clip(n.title.hi, 500),
          link: n.link,
        })),
      )
      .execute();
  }
  return { notified: notices.length };
};

/**
 * In-app notices to people: each goes to every enabled login linked to the person
 * (`app_user.person_id`); people without a login are skipped (reach them by SMS). Returns how many
 * notices were written.
 */
export const notifyPeople = async (db: Kysely<DB>, notices: (TNotice & { personId: number })[]) => {
  if (notices.length === 0) return { notified: 0 };
  const personIds = [...new Set(notices.map((n) => n.personId))];
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'person_id'])
    .where('person_id', 'in', personIds)
    .where('disabled_at', 'is', null)
    .execute();
  const byPerson = new Map<number, number[]>();
  for (const u of users) if (u.person_id !== null) byPerson.set(u.person_id, [...(byPerson.get(u.person_id) ?? []), u.id]);
  return notifyUsers(
    db,
    notices.flatMap((n) => (byPerson.get(n.personId) ?? []).map((userId) => ({ ...n, userId }))),
  );
};

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Texts every addressee of a directive's new assignments who has a phone, in their login's language
 * (Hindi when they have none). Runs as a job after the directive is ready, so a cascade's request
 * never waits on 10^5 messages; reads in pages of 1,000 by assignment id. The job is not retried:
 * a crash part-way loses some texts, never doubles them (the in-app notices are already written).
 */
export const sendAssignmentSms = async (db: Kysely<DB>, sms: TSmsProvider, directiveId: number) => {
  let after = 0;
  let sent = 0;
  for (;;) {
    const rows = await db
      .selectFrom('assignment as a')
      .innerJoin('directive as d', 'd.id', 'a.directive_id')
      .innerJoin('unit as iu', 'iu.id', 'd.unit_id')
      .innerJoin('person as p', 'p.id', 'a.person_id')
      .leftJoin('app_user as u', (j) => j.onRef('u.person_id', '=', 'p.id').on('u.disabled_at', 'is', null))
      .select(['a.id', 'a.unit_id', 'd.text', 'd.due_date', 'iu.name as unit_name', 'iu.name_hi as unit_name_hi', 'p.phone', 'u.locale'])
      .where('a.directive_id', '=', directiveId)
      .where('d.status', '=', 'ready')
      .where('a.status', '=', 'new')
      .where('p.deleted_at', 'is', null)
      .where('a.id', '>', after)
      .orderBy('a.id')
      .limit(1000)
      .execute();
    for (const r of rows) {
      const locale: TLocale = r.locale === 'en' ? 'en' : 'hi';
      const unit = (locale === 'hi' ? r.unit_name_hi : null) ?? r.unit_name;
      const body = t(locale, 'SMS_NEW_ASSIGNMENT', { unit, due: r.due_date, text: clip(r.text, 100) });
      await sms.send(r.phone, body, { purpose: 'assignment:new', unitId: r.unit_id });
      sent++;
    }
    if (rows.length < 1000) return { sent };
    after = rows.at(-1)?.id ?? after;
  }
};
