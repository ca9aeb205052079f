import type { TDrive, TLeaderboard, TMembership, TMembershipStatus, TProgress } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { assertRoleAt, inJurisdiction, pathRangeEnd } from '../auth/policy';
import { findUnitRecord } from '../units/queries';
import { foldDriveCounts } from './counters';
import { selectDrives, selectMemberships, type TDriveRecord, toDrive, toMembership } from './dto';
import { canSeeDrive, driveVisible, entryPaths, isInside } from './policy';
import { mdb } from './tables';

export const driveNotFound = (id: number | string) => new AppError('NOT_FOUND', 'DRIVE_NOT_FOUND', { params: { id } });
export const membershipNotFound = (id: number | string) => new AppError('NOT_FOUND', 'MEMBERSHIP_NOT_FOUND', { params: { id } });

/** A drive the actor may see (its unit is in, or above, their jurisdiction), else 404. */
export const loadVisibleDrive = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number): Promise<TDriveRecord> => {
  const drive = await selectDrives(ctx.db).where('d.id', '=', id).executeTakeFirst();
  if (!drive || !canSeeDrive(ctx.actor, drive.unit_path)) throw driveNotFound(id);
  return drive;
};

export const getDrive = async (ctx: TCtx, id: number): Promise<TDrive> => toDrive(ctx.actor, await loadVisibleDrive(ctx, id));

/** Drives the actor may see, newest first. */
export const listDrives = async (ctx: TCtx, query: { limit: number }) => {
  const rows = await selectDrives(ctx.db)
    .where(driveVisible(ctx.actor, 'du.id', 'du.path'))
    .orderBy('d.starts_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(query.limit)
    .execute();
  return { items: rows.map((r) => toDrive(ctx.actor, r)) };
};

/**
 * The unit a drive view is about: the one asked for (visible, inside the drive), else the drive's
 * own unit, else the top of the actor's jurisdiction inside the drive.
 */
const resolveUnit = async (ctx: TCtx, drive: TDriveRecord, unitId: number | undefined) => {
  const notFound = (id: number) => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field: 'unit' });
  let id = unitId;
  if (id === undefined) {
    const top = entryPaths(ctx.actor, drive.unit_path)[0];
    id = top ? Number(top.split('/').filter(Boolean).at(-1)) : drive.unit_id;
  }
  const unit = await findUnitRecord(ctx.db, id);
  if (!unit) throw notFound(id);
  assertRoleAt(ctx.actor, unit.path, 'viewer', () => notFound(id));
  if (!isInside(unit.path, drive.unit_path)) throw new AppError('VALIDATION', 'UNIT_NOT_IN_DRIVE', { params: { id }, field: 'unit' });
  return unit;
};

/**
 * A unit's enrolled/verified/rejected counts and target with each live child's: one indexed read of
 * the unit and its children joined to their counters, never a scan of memberships.
 */
export const getProgress = async (ctx: TCtx, driveId: number, unitId?: number): Promise<TProgress> => {
  const drive = await loadVisibleDrive(ctx, driveId);
  const unit = await resolveUnit(ctx, drive, unitId);
  await foldDriveCounts(ctx.db, drive.id);
  const rows = await mdb(ctx.db)
    .selectFrom('unit as u')
    .leftJoin('drive_unit_count as c', (j) => j.onRef('c.unit_id', '=', 'u.id').on('c.drive_id', '=', drive.id))
    .leftJoin('drive_target as t', (j) => j.onRef('t.unit_id', '=', 'u.id').on('t.drive_id', '=', drive.id))
    .select([
      'u.id',
      'u.name',
      'u.name_hi',
      'u.level',
      sql<number>`coalesce(c.enrolled, 0)`.as('enrolled'),
      sql<number>`coalesce(c.verified, 0)`.as('verified'),
      sql<number>`coalesce(c.rejected, 0)`.as('rejected'),
      't.target',
    ])
    .where((eb) => eb.or([eb('u.id', '=', unit.id), eb.and([eb('u.parent_id', '=', unit.id), eb('u.deleted_at', 'is', null)])]))
    .orderBy('u.depth')
    .orderBy('u.sort_key')
    .orderBy('u.id')
    .execute();
  const toRow = (r: (typeof rows)[number]) => ({
    unit: { id: r.id, name: r.name, nameHi: r.name_hi, level: r.level },
    enrolled: Number(r.enrolled),
    verified: Number(r.verified),
    rejected: Number(r.rejected),
    target: r.target ?? null,
  });
  const self = rows.find((r) => r.id === unit.id);
  if (!self) throw driveNotFound(driveId);
  const children = rows.filter((r) => r.id !== unit.id).map(toRow);
  return { driveId: drive.id, unit: toRow(self), childTargetSum: children.reduce((s, c) => s + (c.target ?? 0), 0), children };
};

/**
 * Enrollers ranked by verified (then all live) enrolments of members in the unit's subtree: one
 * index range read of the per-unit enroller counters. Equal counts share a rank.
 */
export const getLeaderboard = async (ctx: TCtx, driveId: number, query: { unit?: number; limit: number }): Promise<TLeaderboard> => {
  const drive = await loadVisibleDrive(ctx, driveId);
  const unit = await resolveUnit(ctx, drive, query.unit);
  await foldDriveCounts(ctx.db, drive.id);
  const rows = await mdb(ctx.db)
    .selectFrom('drive_enroller_count as ec')
    .leftJoin('person as p', (j) => j.on('ec.enroller_kind', '=', 'person').onRef('p.id', '=', 'ec.enroller_id'))
    .leftJoin('app_user as au', (j) => j.on('ec.enroller_kind', '=', 'user').onRef('au.id', '=', 'ec.enroller_id'))
    .leftJoin('drive_enroller_count as tot', (j) =>
      j
        .onRef('tot.drive_id', '=', 'ec.drive_id')
        .on('tot.unit_id', '=', drive.unit_id)
        .onRef('tot.enroller_kind', '=', 'ec.enroller_kind')
        .onRef('tot.enroller_id', '=', 'ec.enroller_id'),
    )
    .select([
      'ec.enroller_kind',
      'ec.enroller_id',
      'ec.enrolled',
      'ec.verified',
      'p.name as p_name',
      'p.name_hi as p_name_hi',
      'au.display_name as u_name',
      sql<number>`coalesce(tot.verified, 0)`.as('total_verified'),
    ])
    .where('ec.drive_id', '=', drive.id)
    .where('ec.unit_id', '=', unit.id)
    .where('ec.enrolled', '>', 0)
    .orderBy('ec.verified', 'desc')
    .orderBy('ec.enrolled', 'desc')
    .orderBy('ec.enroller_kind')
    .orderBy('ec.enroller_id')
    .limit(query.limit)
    .execute();
  let rank = 0;
  const items = rows.map((r, i) => {
    const prev = rows[i - 1];
    if (!prev || prev.verified !== r.verified || prev.enrolled !== r.enrolled) rank = i + 1;
    const isPerson = r.enroller_kind === 'person';
    return {
      rank,
      kind: r.enroller_kind,
      id: r.enroller_id,
      name: isPerson ? r.p_name : r.u_name,
      nameHi: isPerson ? r.p_name_hi : null,
      enrolled: r.enrolled,
      verified: r.verified,
      isActive: isPerson && Number(r.total_verified) >= drive.active_rule_min_verified,
    };
  });
  return { driveId: drive.id, unitId: unit.id, activeRuleMinVerified: drive.active_rule_min_verified, items };
};

export type TMembersQuery = { unit?: number; status?: TMembershipStatus; limit: number; cursor?: string };

/** Members of the drive in a subtree the actor may see, newest first, paged by id. */
export const listMembers = async (ctx: TCtx, driveId: number, query: TMembersQuery) => {
  const drive = await loadVisibleDrive(ctx, driveId);
  const unit = await resolveUnit(ctx, drive, query.unit);
  let qb = selectMemberships(ctx.db)
    .where('m.drive_id', '=', drive.id)
    .where('u.path', '>=', unit.path)
    .where('u.path', '<', pathRangeEnd(unit.path))
    .where(inJurisdiction(ctx.actor, 'u.path'));
  if (query.status) qb = qb.where('m.status', '=', query.status);
  if (query.cursor) {
    const last = Number(query.cursor);
    if (!Number.isSafeInteger(last) || last <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
    qb = qb.where('m.id', '<', last);
  }
  const rows = await qb
    .orderBy('m.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return { items: page.map((r) => toMembership(ctx.actor, r)), nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null };
};

/** One membership whose unit the actor may see, else 404. */
export const getMembership = async (ctx: TCtx, id: number): Promise<TMembership> => {
  const row = await selectMemberships(ctx.db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw membershipNotFound(id);
  assertRoleAt(ctx.actor, row.unit_path, 'viewer', () => membershipNotFound(id));
  return toMembership(ctx.actor, row);
};

export const findDrive = (db: Kysely<DB>, id: number) => selectDrives(db).where('d.id', '=', id).executeTakeFirst();
