import type { Kysely } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { findSessionUser, loadActor } from './queries';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * The actor behind a session token, remembered for a few seconds: every API request needs it, and
 * two reads per request are most of a simple lookup's time. A logout or a change to the user
 * forgets it at once in this process; anything else (a new grant, or a logout seen by another
 * server process on the same PostgreSQL) shows within TTL_MS.
 */
export const createSessionCache = (db: Kysely<DB>) => {
  const entries = new Map<string, { actor: TActor | null; until: number }>();
  const resolve = async (token: string): Promise<TActor | null> => {
    const now = Date.now();
    const hit = entries.get(token);
    if (hit && hit.until > now) return hit.actor;
    const userId = await findSessionUser(db, token);
    const actor = userId === null ? null : await loadActor(db, userId);
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(token, { actor, until: now + TTL_MS });
    return actor;
  };
  const forgetToken = (token: string) => entries.delete(token);
  const forgetUser = (userId: number) => {
    for (const [token, e] of entries) if (e.actor?.userId === userId) entries.delete(token);
  };
  return { resolve, forgetToken, forgetUser };
};
export type TSessionCache = ReturnType<typeof createSessionCache>;
