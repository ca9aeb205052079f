import type { TLocale } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { t } from '../../i18n/messages';
import type { TSmsProvider } from '../notify/sms';

export const REMINDER_QUEUE = 'assignment-reminders';
/** Every morning at 08:00 India time. */
export const REMINDER_CRON = '0 8 * * *';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Reminds the addressees of open assignments due within `dueSoonDays` of `today` or already past
 * due: an in-app notification for each linked login and an SMS to the person's phone. `today` is
 * passed in (the job passes India's date; tests pass any day). Running it twice on one day sends
 * nothing new: the reminder row per (assignment, day) is written first and only new rows notify.
 */
export const runReminders = async (db: Kysely<DB>, sms: TSmsProvider, today: string, opts: { dueSoonDays?: number } = {}) => {
  const soon = addDays(today, opts.dueSoonDays ?? 2);
  const fresh = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ assignment_id: number; kind: 'due-soon' | 'overdue' }>`
      insert into assignment_reminder (assignment_id, day, kind)
      select a.id, ${today}::date, case when d.due_date < ${today}::date then 'overdue' else 'due-soon' end
      from directive d join assignment a on a.directive_id = d.id
      where d.status = 'ready' and d.due_date <= ${soon}::date
        and a.status in ('new', 'acknowledged', 'in-progress') and a.person_id is not null
      order by a.id
      on conflict (assignment_id, day) do nothing
      returning assignment_id, kind`.execute(trx);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.assignment_id);
    await sql`
      insert into notification (user_id, kind, assignment_id)
      select u.id, r.kind, a.id
      from assignment_reminder r
      join assignment a on a.id = r.assignment_id
      join app_user u on u.person_id = a.person_id and u.disabled_at is null
      where r.day = ${today}::date and r.assignment_id = any(${ids}::bigint[])`.execute(trx);
    return ids;
  });
  // SMS leave after the commit: a crash between the two loses some texts, never doubles them.
  let sent = 0;
  for (let i = 0; i < fresh.length; i += 1000) {
    const rows = await db
      .selectFrom('assignment_reminder as r')
      .innerJoin('assignment as a', 'a.id', 'r.assignment_id')
      .innerJoin('directive as d', 'd.id', 'a.directive_id')
      .innerJoin('person as p', 'p.id', 'a.person_id')
      .leftJoin('app_user as u', 'u.person_id', 'p.id')
      .select(['r.kind', 'a.unit_id', 'd.text', 'd.due_date', 'p.phone', 'p.deleted_at', 'u.locale'])
      .where('r.day', '=', today)
      .where('r.assignment_id', 'in', fresh.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      if (r.deleted_at || !r.phone) continue;
      const locale: TLocale = r.locale === 'en' ? 'en' : 'hi';
      const body = t(locale, r.kind === 'overdue' ? 'SMS_OVERDUE' : 'SMS_DUE_SOON', { due: r.due_date, text: clip(r.text, 100) });
      await sms.send(r.phone, body, { purpose: `reminder:${r.kind}`, unitId: r.unit_id });
      sent++;
    }
  }
  return { reminded: fresh.length, sms: sent };
};
