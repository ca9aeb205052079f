import type { TLocale } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { t } from '../../i18n/messages';
import type { TJobs } from '../../jobs';
import { notifyPeople, type TNotice } from '../notifications/notify';
import type { TSmsProvider } from '../notify/sms';

// Who hears about a programme event: its in-charge (in-app and SMS) and its team members with a
// login (in-app). In-app notices are written in the change's transaction; texts leave from the
// 'programme-sms' job after the commit, as the directives' do, so a request never waits on them.

export const PROGRAMME_SMS_QUEUE = 'programme-sms';
export const PROGRAMME_OVERDUE_QUEUE = 'programme-overdue';
/** Every morning at 08:30 India time (after the directives' reminders). */
export const PROGRAMME_OVERDUE_CRON = '30 8 * * *';

export type TProgrammeSms = { kind: 'appointed' | 'overdue'; instanceId: number; personIds: number[] };

const BATCH = 1000;

type TInstanceNames = {
  id: number;
  p_name: string;
  p_name_hi: string;
  g_name: string | null;
  g_name_hi: string | null;
  u_name: string | null;
  u_name_hi: string | null;
  target_key: string;
  planned_date: string | null;
};

const namesOf = (db: Kysely<DB>, ids: number[]) =>
  db
    .selectFrom('programme_instance as i')
    .innerJoin('programme as p', 'p.id', 'i.programme_id')
    .leftJoin('geo_area as g', 'g.code', 'i.geo_code')
    .leftJoin('unit as u', 'u.id', 'i.unit_id')
    .select([
      'i.id',
      'p.name as p_name',
      'p.name_hi as p_name_hi',
      'g.name as g_name',
      'g.name_hi as g_name_hi',
      'u.name as u_name',
      'u.name_hi as u_name_hi',
      'i.target_key',
      'i.planned_date',
    ])
    .where('i.id', 'in', ids)
    .execute();

const params = (r: TInstanceNames, locale: TLocale) => ({
  programme: locale === 'hi' ? r.p_name_hi : r.p_name,
  target: (locale === 'hi' ? (r.g_name_hi ?? r.u_name_hi) : null) ?? r.g_name ?? r.u_name ?? r.target_key,
  date: r.planned_date ?? '',
});

const notice = (r: TInstanceNames, key: 'PROGRAMME_NOTICE_APPOINTED' | 'PROGRAMME_NOTICE_TEAM' | 'PROGRAMME_NOTICE_OVERDUE'): TNotice => ({
  kind: key === 'PROGRAMME_NOTICE_OVERDUE' ? 'programme-overdue' : 'programme-in-charge',
  title: { en: t('en', key, params(r, 'en')), hi: t('hi', key, params(r, 'hi')) },
  link: `/programme-instances/${r.id}`,
});

/** In-app notices of an appointment: the new in-charge and the team members just added (those with a login). */
export const notifyInstancePeople = async (db: Kysely<DB>, instanceId: number, who: { inChargeId: number | null; addedTeam: number[] }) => {
  if (who.inChargeId === null && who.addedTeam.length === 0) return;
  const [r] = await namesOf(db, [instanceId]);
  if (!r) return;
  await notifyPeople(db, [
    ...(who.inChargeId !== null ? [{ ...notice(r, 'PROGRAMME_NOTICE_APPOINTED'), personId: who.inChargeId }] : []),
    ...who.addedTeam.filter((id) => id !== who.inChargeId).map((personId) => ({ ...notice(r, 'PROGRAMME_NOTICE_TEAM'), personId })),
  ]);
};

/** In-app notice to a new cluster in-charge. */
export const notifyClusterInCharge = async (db: Kysely<DB>, c: { clusterId: number; personId: number }) => {
  const r = await db
    .selectFrom('programme_cluster as c')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .select(['c.programme_id', 'c.name', 'c.name_hi', 'p.name as p_name', 'p.name_hi as p_name_hi'])
    .where('c.id', '=', c.clusterId)
    .executeTakeFirstOrThrow();
  const title = (locale: TLocale) =>
    t(locale, 'PROGRAMME_NOTICE_CLUSTER', {
      cluster: (locale === 'hi' ? r.name_hi : null) ?? r.name,
      programme: locale === 'hi' ? r.p_name_hi : r.p_name,
    });
  await notifyPeople(db, [
    {
      kind: 'programme-in-charge',
      title: { en: title('en'), hi: title('hi') },
      link: `/programmes/${r.programme_id}`,
      personId: c.personId,
    },
  ]);
};

/** Queues the texts of a committed change (no queue, as in tests and the CLI: no texts). */
export const queueProgrammeSms = async (jobs: TJobs | null | undefined, data: TProgrammeSms) => {
  if (!jobs || data.personIds.length === 0) return;
  await jobs.send(PROGRAMME_SMS_QUEUE, data);
};

/** Texts each person with a phone, in their login's language (Hindi when they have none). */
export const sendProgrammeSms = async (db: Kysely<DB>, sms: TSmsProvider, data: TProgrammeSms) => {
  const [r] = await namesOf(db, [data.instanceId]);
  if (!r || data.personIds.length === 0) return { sent: 0 };
  const people = await db
    .selectFrom('person as p')
    .leftJoin('app_user as u', (j) => j.onRef('u.person_id', '=', 'p.id').on('u.disabled_at', 'is', null))
    .select(['p.id', 'p.phone', 'u.locale'])
    .where('p.id', 'in', data.personIds)
    .where('p.deleted_at', 'is', null)
    .execute();
  const inst = await db
    .selectFrom('programme_instance')
    .select('scope_unit_id')
    .where('id', '=', data.instanceId)
    .executeTakeFirstOrThrow();
  let sent = 0;
  const seen = new Set<number>();
  for (const p of people) {
    if (seen.has(p.id) || !p.phone) continue;
    seen.add(p.id);
    const locale: TLocale = p.locale === 'en' ? 'en' : 'hi';
    const body = t(locale, data.kind === 'appointed' ? 'SMS_PROGRAMME_APPOINTED' : 'SMS_PROGRAMME_OVERDUE', params(r, locale));
    await sms.send(p.phone, body, { purpose: `programme:${data.kind}`, unitId: inst.scope_unit_id });
    sent++;
  }
  return { sent };
};

/**
 * The daily overdue notices: every open event whose planned date has passed and that was not yet
 * noticed for that date. Its in-charge and team members with a login get an in-app notice (written
 * with the mark, in one transaction per 1,000 events) and the in-charge a text. Running it twice on
 * one day notices nothing new; re-planning to a later date makes a new notice due when that passes.
 */
export const runOverdueNotices = async (db: Kysely<DB>, sms: TSmsProvider | null, today: string) => {
  let after = 0;
  let noticed = 0;
  let sent = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: number }>`
        update programme_instance set overdue_notice_for = planned_date
        where id in (select id from programme_instance
          where status in ('not-planned', 'planned') and planned_date < ${today}::date
            and overdue_notice_for is distinct from planned_date and id > ${after}
          order by id limit ${BATCH} for update skip locked)
        returning id`.execute(trx);
      if (rows.length === 0) return { ids: [], inCharges: new Map<number, number>() };
      const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      const names = await namesOf(trx, ids);
      const people = await sql<{ instance_id: number; person_id: number; is_in_charge: boolean }>`
        select t.programme_instance_id as instance_id, t.person_id, true as is_in_charge from tenure t
        where t.programme_instance_id = any(${ids}::bigint[]) and t.end_date is null
        union
        select m.instance_id, m.person_id, false from programme_team_member m where m.instance_id = any(${ids}::bigint[])`.execute(trx);
      const byId = new Map(names.map((n) => [n.id, n]));
      const inCharges = new Map<number, number>();
      const notices: (TNotice & { personId: number })[] = [];
      const done = new Set<string>();
      for (const p of [...people.rows].sort((a, b) => Number(b.is_in_charge) - Number(a.is_in_charge))) {
        const key = `${p.instance_id}:${p.person_id}`;
        const r = byId.get(Number(p.instance_id));
        if (!r || done.has(key)) continue;
        done.add(key);
        notices.push({ ...notice(r, 'PROGRAMME_NOTICE_OVERDUE'), personId: Number(p.person_id) });
        if (p.is_in_charge) inCharges.set(Number(p.instance_id), Number(p.person_id));
      }
      await notifyPeople(trx, notices);
      return { ids, inCharges };
    });
    if (batch.ids.length === 0) break;
    noticed += batch.ids.length;
    if (sms)
      for (const [instanceId, personId] of batch.inCharges)
        sent += (await sendProgrammeSms(db, sms, { kind: 'overdue', instanceId, personIds: [personId] })).sent;
    after = batch.ids.at(-1) ?? after;
    if (batch.ids.length < BATCH) break;
  }
  return { noticed, sent };
};
