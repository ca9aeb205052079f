import type { TLocale, TScorecard, TScorecardQuery } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { invalid } from '../../errors';
import { t } from '../../i18n/messages';
import type { TTable } from '../../lib/export';
import { assertRoleAt, pathRangeEnd } from '../auth/policy';
import { unitNotFound } from '../units/queries';
import { indiaToday } from './facts';

type TRow = {
  tenure_id: number;
  unit_id: number;
  unit_name: string;
  unit_name_hi: string | null;
  level: string;
  post_key: string;
  post_name: string;
  post_name_hi: string;
  person_id: number;
  name: string | null;
  name_hi: string | null;
  start_date: string;
  meetings_held: number;
  invited: number;
  attended: number;
  on_time: number;
  late: number;
  overdue: number;
  enrolled: number;
  verified: number;
  trainings: number;
  last_activity: string;
  days: number;
  score: number;
  is_inactive: boolean;
};

/** The score's formula with the weights in use, in the caller's language. */
export const scoreFormula = (locale: TLocale, w: Pick<TScorecardQuery, 'wAttendance' | 'wDirectives' | 'wMembers' | 'wActivity'>) =>
  t(locale, 'HEALTH_SCORE_FORMULA', {
    wAttendance: w.wAttendance,
    wDirectives: w.wDirectives,
    wMembers: w.wMembers,
    wActivity: w.wActivity,
  });

/**
 * Scorecards of the current office bearers of a subtree, in tenure order with a keyset cursor,
 * optionally only the inactive ones (score below `inactiveBelow` or no activity for
 * `inactiveDays`). One statement: the filter and the page are applied in SQL. Meetings come from
 * the per-meeting health facts; attendance is read only for the page's people through their
 * invitee rows.
 */
export const listScorecards = async (ctx: TCtx, q: TScorecardQuery, today = indiaToday(), maxRows?: number) => {
  const unit = await ctx.db.selectFrom('unit').select(['id', 'path']).where('id', '=', q.underUnitId).executeTakeFirst();
  if (!unit) throw unitNotFound(q.underUnitId);
  assertRoleAt(ctx.actor, unit.path, 'viewer', () => unitNotFound(q.underUnitId));
  const after = q.cursor ? Number(q.cursor) : 0;
  if (!Number.isSafeInteger(after) || after < 0) throw invalid('CURSOR_INVALID', 'cursor');
  const limit = maxRows ?? q.limit;
  const { rows } = await sql<TRow>`
    with h as (
      select t.id as tenure_id, t.unit_id, u.name as unit_name, u.name_hi as unit_name_hi, u.level, t.post_key, pt.name as post_name,
        pt.name_hi as post_name_hi, t.person_id, p.name, p.name_hi, t.start_date
      from tenure t join unit u on u.id = t.unit_id join person p on p.id = t.person_id
      join effective_post_template pt on pt.wing = u.wing and pt.level = u.level and pt.post_key = t.post_key
      where t.end_date is null and u.deleted_at is null and u.path >= ${unit.path} and u.path < ${pathRangeEnd(unit.path)} and t.id > ${after}
        ${q.level ? sql`and u.level = ${q.level}` : sql``} ${q.post ? sql`and t.post_key = ${q.post}` : sql``} ${q.wing ? sql`and u.wing = ${q.wing}` : sql``}
    ), c as (
      select h.*,
        (select count(*)::int from unit_health_meeting hm where hm.unit_id = h.unit_id and hm.held_on >= h.start_date and hm.held_on <= ${today}::date) as meetings_held,
        m.invited, m.attended, m.last_attended, d.on_time, d.late, d.overdue, d.last_closed, e.enrolled, e.verified, e.last_enrolled, tr.trainings, tr.last_trained
      from h
      cross join lateral (
        select count(*)::int as invited, count(*) filter (where x.st = 'present')::int as attended, max(x.held_on) filter (where x.st = 'present') as last_attended
        from (select hm.held_on, (select a.status from meeting_attendance a where a.invitee_id = mi.id order by a.id desc limit 1) as st
              from meeting_invitee mi join unit_health_meeting hm on hm.meeting_id = mi.meeting_id
              where mi.person_id = h.person_id and hm.held_on >= h.start_date) x
      ) m
      cross join lateral (
        select count(*) filter (where a.status = 'done' and ((a.closed_at at time zone 'UTC') + interval '330 minutes')::date <= dr.due_date)::int as on_time,
          count(*) filter (where a.status = 'done' and ((a.closed_at at time zone 'UTC') + interval '330 minutes')::date > dr.due_date)::int as late,
          count(*) filter (where a.status in ('new', 'acknowledged', 'in-progress') and dr.due_date < ${today}::date)::int as overdue,
          max(((a.closed_at at time zone 'UTC') + interval '330 minutes')::date) as last_closed
        from assignment a join directive dr on dr.id = a.directive_id where a.person_id = h.person_id and a.unit_id = h.unit_id
      ) d
      cross join lateral (
        select count(*)::int as enrolled, count(*) filter (where ms.status = 'verified')::int as verified,
          max(((ms.created_at at time zone 'UTC') + interval '330 minutes')::date) as last_enrolled
        from membership ms where ms.enrolled_by_person = h.person_id and ms.status <> 'rejected'
      ) e
      cross join lateral (
        select count(*) filter (where x.st = 'present')::int as trainings, max(x.at) filter (where x.st = 'present') as last_trained
        from (select (select ta.status from training_attendance ta where ta.invitation_id = ti.id order by ta.id desc limit 1) as st,
                     (select ((ta.recorded_at at time zone 'UTC') + interval '330 minutes')::date from training_attendance ta where ta.invitation_id = ti.id order by ta.id desc limit 1) as at
              from training_invitation ti where ti.person_id = h.person_id) x
      ) tr
    ), s as (
      select c.*, greatest(c.start_date, c.last_attended, c.last_closed, c.last_enrolled, c.last_trained) as last_activity_d,
        case when c.invited = 0 then null else c.attended::float8 / c.invited end as p_att,
        case when c.on_time + c.late + c.overdue = 0 then null else c.on_time::float8 / (c.on_time + c.late + c.overdue) end as p_dir,
        least(c.verified / 25.0, 1)::float8 as p_mem
      from c
    ), f as (
      select s.*, (${today}::date - s.last_activity_d)::int as days,
        round((100 * (${q.wAttendance} * coalesce(s.p_att, 0) + ${q.wDirectives} * coalesce(s.p_dir, 0) + ${q.wMembers} * s.p_mem
          + ${q.wActivity} * greatest(0, 1 - (${today}::date - s.last_activity_d) / 90.0))
          / nullif(${q.wAttendance} * (s.p_att is not null)::int + ${q.wDirectives} * (s.p_dir is not null)::int + ${q.wMembers} + ${q.wActivity}, 0))::numeric, 1)::float8 as score
      from s
    )
    select f.*, f.last_activity_d::text as last_activity, f.start_date::text as start_date,
      (coalesce(f.score, 0) < ${q.inactiveBelow} or f.days > ${q.inactiveDays}) as is_inactive
    from f
    where ${q.inactive === 'true' ? sql`(coalesce(f.score, 0) < ${q.inactiveBelow} or f.days > ${q.inactiveDays})` : q.inactive === 'false' ? sql`not (coalesce(f.score, 0) < ${q.inactiveBelow} or f.days > ${q.inactiveDays})` : sql`true`}
    order by f.tenure_id limit ${limit + 1}`.execute(ctx.db);
  const page = rows.slice(0, limit);
  const items: TScorecard[] = page.map((r) => ({
    tenureId: Number(r.tenure_id),
    person: { id: Number(r.person_id), name: r.name, nameHi: r.name_hi },
    unit: { id: Number(r.unit_id), name: r.unit_name, nameHi: r.unit_name_hi, level: r.level },
    post: r.post_key,
    postName: r.post_name,
    postNameHi: r.post_name_hi,
    startDate: r.start_date,
    meetingsHeld: Number(r.meetings_held),
    meetingsInvited: Number(r.invited),
    meetingsAttended: Number(r.attended),
    directivesOnTime: Number(r.on_time),
    directivesLate: Number(r.late),
    directivesOverdue: Number(r.overdue),
    membersEnrolled: Number(r.enrolled),
    membersVerified: Number(r.verified),
    trainingsAttended: Number(r.trainings),
    lastActivityOn: r.last_activity,
    daysSinceActivity: Number(r.days),
    score: Number(r.score ?? 0),
    isInactive: Boolean(r.is_inactive),
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? String(last.tenure_id) : null, formula: scoreFormula(ctx.locale, q) };
};

/** The scorecards as an export table, headers in the caller's language. */
export const scorecardTable = (locale: TLocale, items: TScorecard[]): TTable => {
  const hi = locale === 'hi';
  const col = (key: string, en: string, h: string) => ({ key, header: hi ? h : en });
  return {
    columns: [
      col('name', 'Name', 'नाम'),
      col('unit', 'Unit', 'इकाई'),
      col('post', 'Post', 'पद'),
      col('since', 'Since', 'कब से'),
      col('meetings', 'Meetings held', 'हुई बैठकें'),
      col('attended', 'Attended / invited', 'उपस्थित / आमंत्रित'),
      col('directives', 'Directives on time / late / overdue', 'निर्देश समय पर / देर से / बकाया'),
      col('members', 'Members enrolled / verified', 'सदस्य नामांकित / सत्यापित'),
      col('trainings', 'Trainings attended', 'प्रशिक्षण में उपस्थित'),
      col('days', 'Days since last activity', 'अंतिम गतिविधि से दिन'),
      col('score', 'Score', 'अंक'),
      col('inactive', 'Inactive', 'निष्क्रिय'),
    ],
    rows: items.map((s) => ({
      name: (hi ? s.person.nameHi : s.person.name) ?? s.person.name ?? s.person.nameHi ?? '',
      unit: hi ? (s.unit.nameHi ?? s.unit.name) : s.unit.name,
      post: hi ? s.postNameHi : s.postName,
      since: s.startDate,
      meetings: s.meetingsHeld,
      attended: `${s.meetingsAttended} / ${s.meetingsInvited}`,
      directives: `${s.directivesOnTime} / ${s.directivesLate} / ${s.directivesOverdue}`,
      members: `${s.membersEnrolled} / ${s.membersVerified}`,
      trainings: s.trainingsAttended,
      days: s.daysSinceActivity,
      score: s.score,
      inactive: s.isInactive ? (hi ? 'हाँ' : 'yes') : hi ? 'नहीं' : 'no',
    })),
  };
};
