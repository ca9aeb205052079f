import { maskEpic, maskPhone, type TLocale } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import type { TTable } from '../../lib/export';
import { canSeeContact } from '../people/dto';
import { inJurisdiction, pathRangeEnd } from '../auth/policy';
import { loadVisibleUnit } from '../units/queries';
import { getLeaderboard, listMembers } from '../membership/queries';

export const MAX_EXPORT_ROWS = 200_000;
export const EXPORT_KINDS = ['people', 'posts', 'vacancies', 'members', 'leaderboard'] as const;
export type TExportKind = (typeof EXPORT_KINDS)[number];

const HEADINGS: Record<string, Record<TLocale, string>> = {
  personId: { en: 'Person ID', hi: 'व्यक्ति आईडी' },
  name: { en: 'Name', hi: 'नाम (अंग्रेज़ी)' },
  nameHi: { en: 'Name (Hindi)', hi: 'नाम (हिंदी)' },
  phone: { en: 'Mobile', hi: 'मोबाइल' },
  epic: { en: 'EPIC', hi: 'मतदाता पहचान पत्र' },
  gender: { en: 'Gender', hi: 'लिंग' },
  birthYear: { en: 'Birth year', hi: 'जन्म वर्ष' },
  unitId: { en: 'Unit ID', hi: 'इकाई आईडी' },
  unit: { en: 'Unit', hi: 'इकाई' },
  unitHi: { en: 'Unit (Hindi)', hi: 'इकाई (हिंदी)' },
  level: { en: 'Level', hi: 'स्तर' },
  post: { en: 'Post', hi: 'पद' },
  startDate: { en: 'From', hi: 'से' },
  seats: { en: 'Seats', hi: 'स्थान' },
  filled: { en: 'Filled', hi: 'भरे' },
  vacant: { en: 'Vacant', hi: 'रिक्त' },
  membershipId: { en: 'Membership ID', hi: 'सदस्यता आईडी' },
  status: { en: 'Status', hi: 'स्थिति' },
  method: { en: 'Verified by', hi: 'सत्यापन का तरीका' },
  channel: { en: 'Enrolled via', hi: 'नामांकन माध्यम' },
  enrolledBy: { en: 'Enrolled by', hi: 'नामांकनकर्ता' },
  enrolledAt: { en: 'Enrolled on', hi: 'नामांकन तिथि' },
  rank: { en: 'Rank', hi: 'क्रम' },
  enroller: { en: 'Enroller', hi: 'नामांकनकर्ता' },
  enrolled: { en: 'Enrolled', hi: 'नामांकित' },
  verified: { en: 'Verified', hi: 'सत्यापित' },
  active: { en: 'Active member', hi: 'सक्रिय सदस्य' },
};
const columns = (locale: TLocale, keys: string[]) => keys.map((key) => ({ key, header: HEADINGS[key]?.[locale] ?? key }));

const tooMany = (rows: unknown[]) => {
  if (rows.length > MAX_EXPORT_ROWS) throw new AppError('VALIDATION', 'EXPORT_TOO_LARGE', { field: 'unit', params: { max: MAX_EXPORT_ROWS } });
};

const requireDrive = (driveId: number | undefined): number => {
  if (driveId === undefined) throw new AppError('VALIDATION', 'EXPORT_NEEDS_DRIVE', { field: 'drive' });
  return driveId;
};

/** A drive's members under a unit, or its enroller leaderboard, through the membership module's own reads. */
const membershipExport = async (ctx: TCtx, kind: 'members' | 'leaderboard', unitId: number, driveId: number): Promise<TTable> => {
  const hi = ctx.locale === 'hi';
  const name = (n: { name: string | null; nameHi: string | null }) => (hi ? (n.nameHi ?? n.name) : (n.name ?? n.nameHi)) ?? '';
  if (kind === 'leaderboard') {
    const board = await getLeaderboard(ctx, driveId, { unit: unitId, limit: 1000 });
    return {
      columns: columns(ctx.locale, ['rank', 'enroller', 'enrolled', 'verified', 'active']),
      rows: board.items.map((e) => ({ rank: e.rank, enroller: name(e), enrolled: e.enrolled, verified: e.verified, active: e.isActive ? (hi ? 'हाँ' : 'yes') : '' })),
    };
  }
  const rows: Record<string, string | number | null>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMembers(ctx, driveId, { unit: unitId, limit: 500, cursor });
    for (const m of page.items) {
      rows.push({
        membershipId: m.id,
        personId: m.person.id,
        name: m.person.name,
        nameHi: m.person.nameHi,
        phone: m.person.phone,
        unit: m.unit.name,
        unitHi: m.unit.nameHi,
        status: m.status,
        method: m.method,
        channel: m.channel,
        enrolledBy: m.enrolledBy ? name(m.enrolledBy) : null,
        enrolledAt: m.createdAt.slice(0, 10),
      });
    }
    tooMany(rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return {
    columns: columns(ctx.locale, ['membershipId', 'personId', 'name', 'nameHi', 'phone', 'unit', 'unitHi', 'status', 'method', 'channel', 'enrolledBy', 'enrolledAt']),
    rows,
  };
};

/** The rows of one export, inside the actor's jurisdiction and under `unitId`; contacts masked as on screen. */
export const buildExport = async (ctx: TCtx, kind: TExportKind, unitId: number, driveId?: number): Promise<TTable> => {
  if (kind === 'members' || kind === 'leaderboard') return membershipExport(ctx, kind, unitId, requireDrive(driveId));
  const unit = await loadVisibleUnit(ctx, unitId);
  const from = unit.path;
  const to = pathRangeEnd(unit.path);
  const hi = ctx.locale === 'hi';
  if (kind === 'people') {
    const rows = await ctx.db
      .selectFrom('person as p')
      .innerJoin('unit as h', 'h.id', 'p.home_unit_id')
      .select(['p.id', 'p.name', 'p.name_hi', 'p.phone', 'p.epic', 'p.gender', 'p.birth_year', 'h.id as unit_id', 'h.name as unit', 'h.name_hi as unit_hi', 'h.path'])
      .where('h.path', '>=', from)
      .where('h.path', '<', to)
      .where(inJurisdiction(ctx.actor, 'h.path'))
      .where('p.deleted_at', 'is', null)
      .orderBy('h.path')
      .orderBy('p.id')
      .limit(MAX_EXPORT_ROWS + 1)
      .execute();
    tooMany(rows);
    return {
      columns: columns(ctx.locale, ['personId', 'name', 'nameHi', 'phone', 'epic', 'gender', 'birthYear', 'unitId', 'unit', 'unitHi']),
      rows: rows.map((r) => {
        const open = canSeeContact(ctx.actor, r.path);
        return {
          personId: r.id,
          name: r.name,
          nameHi: r.name_hi,
          phone: open ? r.phone : maskPhone(r.phone),
          epic: r.epic === null ? null : open ? r.epic : maskEpic(r.epic),
          gender: r.gender,
          birthYear: r.birth_year,
          unitId: r.unit_id,
          unit: r.unit,
          unitHi: r.unit_hi,
        };
      }),
    };
  }
  if (kind === 'posts') {
    const rows = await ctx.db
      .selectFrom('tenure as t')
      .innerJoin('unit as u', 'u.id', 't.unit_id')
      .innerJoin('person as p', 'p.id', 't.person_id')
      .innerJoin('unit as h', 'h.id', 'p.home_unit_id')
      .leftJoin('effective_post_template as pt', (j) => j.onRef('pt.wing', '=', 'u.wing').onRef('pt.level', '=', 'u.level').onRef('pt.post_key', '=', 't.post_key'))
      .select(['u.id as unit_id', 'u.name as unit', 'u.name_hi as unit_hi', 'u.level', 't.post_key', 'pt.name as post_name', 'pt.name_hi as post_name_hi', 'p.id as person_id', 'p.name', 'p.name_hi', 'p.phone', 'h.path as home_path', 't.start_date'])
      .where('u.path', '>=', from)
      .where('u.path', '<', to)
      .where(inJurisdiction(ctx.actor, 'u.path'))
      .where('t.end_date', 'is', null)
      .orderBy('u.path')
      .orderBy('pt.sort')
      .limit(MAX_EXPORT_ROWS + 1)
      .execute();
    tooMany(rows);
    return {
      columns: columns(ctx.locale, ['unitId', 'unit', 'unitHi', 'level', 'post', 'personId', 'name', 'nameHi', 'phone', 'startDate']),
      rows: rows.map((r) => ({
        unitId: r.unit_id,
        unit: r.unit,
        unitHi: r.unit_hi,
        level: r.level,
        post: (hi ? r.post_name_hi : r.post_name) ?? r.post_key,
        personId: r.person_id,
        name: r.name,
        nameHi: r.name_hi,
        phone: canSeeContact(ctx.actor, r.home_path) ? r.phone : maskPhone(r.phone),
        startDate: r.start_date,
      })),
    };
  }
  const rows = await sql<{ unit_id: number; unit: string; unit_hi: string | null; level: string; post_name: string; post_name_hi: string; seats: number; filled: number }>`
    select u.id as unit_id, u.name as unit, u.name_hi as unit_hi, u.level, pt.name as post_name, pt.name_hi as post_name_hi, pt.seats,
           coalesce(c.n, 0)::int as filled
    from unit u
    join effective_post_template pt on pt.wing = u.wing and pt.level = u.level
    left join lateral (select count(*) as n from tenure t where t.unit_id = u.id and t.post_key = pt.post_key and t.end_date is null) c on true
    where u.path >= ${from} and u.path < ${to} and u.deleted_at is null and coalesce(c.n, 0) < pt.seats
    order by u.path, pt.sort
    limit ${MAX_EXPORT_ROWS + 1}`.execute(ctx.db);
  tooMany(rows.rows);
  return {
    columns: columns(ctx.locale, ['unitId', 'unit', 'unitHi', 'level', 'post', 'seats', 'filled', 'vacant']),
    rows: rows.rows.map((r) => ({
      unitId: r.unit_id,
      unit: r.unit,
      unitHi: r.unit_hi,
      level: r.level,
      post: hi ? r.post_name_hi : r.post_name,
      seats: r.seats,
      filled: r.filled,
      vacant: r.seats - r.filled,
    })),
  };
};
