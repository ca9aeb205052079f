import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { t } from '../../i18n/messages';
import { fillCascade } from './create';
import { cascadeProgress } from './progress';

/**
 * Builds a large cascade queued by `createDirective`: every assignment, its counters and
 * notifications in one transaction, then 'ready'. On failure nothing of it stays and the row says
 * 'failed', so a directive is never visible half-built. True when this run built it (the caller
 * then texts the addressees); false when there was nothing to build.
 */
export const runCascadeJob = async (db: Kysely<DB>, directiveId: number): Promise<boolean> => {
  const d = await db
    .selectFrom('directive as d')
    .innerJoin('unit as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.status', 'd.total', 'd.target_level', 'd.target_post', 'd.unit_id', 'u.path'])
    .where('d.id', '=', directiveId)
    .executeTakeFirst();
  if (d?.status !== 'creating' || !d.target_level || !d.target_post) return false;
  const { target_level: level, target_post: post } = d;
  cascadeProgress.set(directiveId, { created: 0, total: d.total });
  try {
    await db.transaction().execute((trx) =>
      fillCascade(trx, { id: d.id, issuerId: d.unit_id, issuerPath: d.path, level, post }, (created) => {
        cascadeProgress.set(directiveId, { created, total: d.total });
      }),
    );
  } catch (err) {
    await db.updateTable('directive').set({ status: 'failed', error: t('en', 'DIRECTIVE_JOB_FAILED') }).where('id', '=', directiveId).execute();
    throw err;
  } finally {
    cascadeProgress.delete(directiveId);
  }
  return true;
};
