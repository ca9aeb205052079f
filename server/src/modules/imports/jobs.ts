import type { TConsent, TLocale } from '@samiti/common';
import pino from 'pino';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { t } from '../../i18n/messages';
import { loadActor } from '../auth/queries';
import { importMembers } from './members';
import { importPeoplePosts } from './people-posts';

export const IMPORT_QUEUE = 'import-people-posts';

/**
 * Live progress of running imports, by job id. Kept in memory: on PGlite the import's own
 * transaction holds the only connection, so progress cannot be written to the database meanwhile.
 */
export const progress = new Map<number, { processed: number; total: number }>();

export type TImportJobOptions = { state?: string; consent: TConsent; driveId?: number };

/** Runs one queued import as the user who uploaded it, and records the outcome on the job row. */
export const runImportJob = async (db: Kysely<DB>, jobId: number) => {
  const job = await db.selectFrom('import_job').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (job?.status !== 'queued' || !job.file) return;
  await db.updateTable('import_job').set({ status: 'running' }).where('id', '=', jobId).execute();
  const actor = await loadActor(db, job.user_id);
  const options = job.options as TImportJobOptions;
  try {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'UNAUTHENTICATED');
    const ctx = {
      db,
      actor,
      log: pino({ level: 'silent' }),
      requestId: `import-${jobId}`,
      locale: (job.locale === 'hi' ? 'hi' : 'en') as TLocale,
    };
    const common = {
      dryRun: false,
      state: options.state,
      consent: options.consent,
      onProgress: (processed: number, total: number) => {
        progress.set(jobId, { processed, total });
      },
    };
    const report =
      job.kind === 'members'
        ? { kind: 'members' as const, ...(await importMembers(ctx, job.file, { ...common, driveId: Number(options.driveId) })) }
        : { kind: 'people-posts' as const, ...(await importPeoplePosts(ctx, job.file, common)) };
    const total = report.newPeople + (report.kind === 'members' ? report.enrolments : report.appointments);
    await db
      .updateTable('import_job')
      .set({
        status: report.errors.length ? 'failed' : 'done',
        report: JSON.stringify(report),
        processed: report.errors.length ? 0 : total,
        total,
        file: null,
        finished_at: new Date(),
      })
      .where('id', '=', jobId)
      .execute();
  } catch (err) {
    const locale: TLocale = job.locale === 'hi' ? 'hi' : 'en';
    const message = err instanceof AppError ? err.render(locale) : t(locale, 'INTERNAL');
    await db
      .updateTable('import_job')
      .set({ status: 'failed', error: message, file: null, finished_at: new Date() })
      .where('id', '=', jobId)
      .execute();
  } finally {
    progress.delete(jobId);
  }
};
