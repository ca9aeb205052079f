import { createHash, randomBytes } from 'node:crypto';
import type { TLocale, TMe, TRole } from '@samiti/common';
import type { Kysely } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';

const SESSION_DAYS = 30;
export const SESSION_COOKIE = 'samiti_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Loads a user with their grants and the path of each granted unit, or null if disabled/missing. */
export const loadActor = async (db: Kysely<DB>, userId: number): Promise<TActor | null> => {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'locale'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  const grants = await db
    .selectFrom('role_grant as g')
    .leftJoin('unit as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.role', 'g.unit_id', 'u.path', 'u.wing'])
    .where('g.user_id', '=', userId)
    .orderBy('g.id')
    .execute();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    locale: user.locale as TLocale,
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role as TRole,
      unitId: g.unit_id,
      path: g.path ?? null,
      wing: g.wing ?? null,
    })),
  };
};

export const createSession = async (db: Kysely<DB>, userId: number) => {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insertInto('user_session').values({ token_hash: hashToken(token), user_id: userId, expires_at: expiresAt }).execute();
  return { token, expiresAt };
};

export const findSessionUser = async (db: Kysely<DB>, token: string): Promise<number | null> => {
  const row = await db
    .selectFrom('user_session')
    .select('user_id')
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row?.user_id ?? null;
};

export const deleteSession = async (db: Kysely<DB>, token: string) => {
  await db.deleteFrom('user_session').where('token_hash', '=', hashToken(token)).execute();
};

/** The logged-in user as the web app sees them, with the names of their granted units. */
export const describeMe = async (db: Kysely<DB>, actor: TActor): Promise<TMe> => {
  const unitIds = actor.grants.map((g) => g.unitId).filter((id): id is number => id !== null);
  const units = unitIds.length
    ? await db.selectFrom('unit').select(['id', 'name', 'name_hi']).where('id', 'in', unitIds).execute()
    : [];
  const byId = new Map(units.map((u) => [u.id, u]));
  let homeUnitId = actor.grants.find((g) => g.unitId !== null)?.unitId ?? null;
  if (homeUnitId === null) {
    const root = await db.selectFrom('wing').select('root_unit_id').where('key', '=', 'main').executeTakeFirst();
    homeUnitId = root?.root_unit_id ?? null;
  }
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale: actor.locale,
    homeUnitId,
    grants: actor.grants.map((g) => ({
      id: g.id,
      role: g.role,
      unitId: g.unitId,
      unitName: g.unitId === null ? null : (byId.get(g.unitId)?.name ?? null),
      unitNameHi: g.unitId === null ? null : (byId.get(g.unitId)?.name_hi ?? null),
      wing: g.wing,
    })),
  };
};
