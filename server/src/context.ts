import type { TLocale, TRole } from '@samiti/common';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from './db/types';

export type TActorGrant = { id: number; role: TRole; unitId: number | null; path: string | null; wing: string | null };

/** The one person on whose behalf an operation runs. */
export type TActor = {
  userId: number;
  username: string;
  displayName: string;
  locale: TLocale;
  grants: TActorGrant[];
};

export type TCtx = {
  db: Kysely<DB>;
  actor: TActor;
  log: FastifyBaseLogger;
  requestId: string;
  locale: TLocale;
};

/** A system actor for CLI and seed operations: national-admin, audited as "system". */
export const systemActor = (label = 'system'): TActor => ({
  userId: 0,
  username: label,
  displayName: label,
  locale: 'en',
  grants: [{ id: 0, role: 'national-admin', unitId: null, path: null, wing: null }],
});
