import type { TElectionImportJob, TImportReport, TLocale } from '@samiti/common';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { t } from '../../i18n/messages';
import type { TJobs } from '../../jobs';
import { loadActor } from '../auth/queries';
import { importBoothResults, type TBoothLayout } from './booth-import';
import { assertScopedRole } from './policy';
import { electionNotFound, loadElection } from './queries';
import { importResults } from './results-import';
import { edb } from './tables';

// Results files are checked in the request (the row report) and, when clean, imported by a pg-boss job
// all or nothing in one transaction, as the people imports are: the request answers 202 with the job,
// whose status and progress the web polls.

export const ELECTION_IMPORT_QUEUE = 'import-election-results';
export type TElectionImportKind = 'results' | 'booth-results';
type TJobOptions = { state?: string; layout?: TBoothLayout; ac?: number };

/**
 * Live progress of running imports, by job id. In memory: on PGlite the import's own transaction
 * holds the only connection, so progress cannot be written to the database meanwhile.
 */
const progress = new Map<number, { processed: number; total: number }>();

type TJobRow = {
  id: number;
  election_id: number;
  kind: TElectionImportKind;
  status: 'queued' | 'running' | 'done' | 'failed';
  processed: number;
  total: number;
  report: unknown;
  error: string | null;
  file_name: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
};
const toJob = (j: TJobRow): TElectionImportJob => {
  const live = progress.get(j.id);
  return {
    id: j.id,
    electionId: j.election_id,
    kind: j.kind,
    status: j.status,
    processed: live?.processed ?? j.processed,
    total: live?.total ?? j.total,
    report: (j.report as TImportReport | null) ?? null,
    error: j.error,
    fileName: j.file_name,
    createdAt: new Date(j.created_at).toISOString(),
    finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
  };
};

/** Queues a checked file for import; `total` is what the check says will be written. */
export const queueElectionImport = async (
  ctx: TCtx,
  jobs: TJobs | null | undefined,
  electionId: number,
  kind: TElectionImportKind,
  file: Buffer,
  meta: { total: number; fileName?: string; options: TJobOptions },
): Promise<TElectionImportJob> => {
  if (!jobs) throw new Error('the job queue is not running');
  const job = await edb(ctx.db)
    .insertInto('election_import_job')
    .values({
      election_id: electionId,
      kind,
      user_id: ctx.actor.userId,
      locale: ctx.locale,
      file_name: meta.fileName ?? null,
      file,
      options: JSON.stringify(meta.options),
      total: meta.total,
      report: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await jobs.send(ELECTION_IMPORT_QUEUE, { jobId: job.id });
  return toJob(job);
};

/** Runs one queued import as the user who uploaded it and records the outcome (report or error) on the job. */
export const runElectionImportJob = async (db: Kysely<DB>, jobId: number) => {
  const e = edb(db);
  const job = await e.selectFrom('election_import_job').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (job?.status !== 'queued' || !job.file) return;
  await e.updateTable('election_import_job').set({ status: 'running' }).where('id', '=', jobId).execute();
  const locale: TLocale = job.locale === 'hi' ? 'hi' : 'en';
  const options = job.options as TJobOptions;
  try {
    const actor = await loadActor(db, job.user_id);
    if (!actor) throw new AppError('UNAUTHENTICATED', 'UNAUTHENTICATED');
    const ctx = { db, actor, log: pino({ level: 'silent' }), requestId: `election-import-${jobId}`, locale };
    const onProgress = (processed: number, total: number) => {
      progress.set(jobId, { processed, total });
    };
    const report =
      job.kind === 'booth-results'
        ? await importBoothResults(ctx, job.election_id, job.file, {
            dryRun: false,
            state: options.state,
            layout: options.layout,
            ac: options.ac,
            fileName: job.file_name ?? undefined,
            onProgress,
          })
        : await importResults(ctx, job.election_id, job.file, { dryRun: false, onProgress });
    await e
      .updateTable('election_import_job')
      .set({
        status: 'done',
        report: JSON.stringify(report),
        processed: report.written,
        total: report.written,
        file: null,
        finished_at: new Date(),
      })
      .where('id', '=', jobId)
      .execute();
  } catch (err) {
    // A file that no longer passes (seats changed since the check) fails with its row report; nothing was written.
    const report = err instanceof AppError ? (err.extra?.report as TImportReport | undefined) : undefined;
    const message = err instanceof AppError ? err.render(locale) : t(locale, 'INTERNAL');
    await e
      .updateTable('election_import_job')
      .set({
        status: 'failed',
        error: message,
        report: report ? JSON.stringify(report) : null,
        processed: 0,
        file: null,
        finished_at: new Date(),
      })
      .where('id', '=', jobId)
      .execute();
  } finally {
    progress.delete(jobId);
  }
};

/** A results import of the election: to whoever uploaded it and the election's admins; else 404. */
export const getElectionImportJob = async (ctx: TCtx, electionId: number, jobId: number) => {
  const election = await loadElection(ctx, electionId);
  const job = await edb(ctx.db)
    .selectFrom('election_import_job')
    .select([
      'id',
      'election_id',
      'kind',
      'status',
      'user_id',
      'processed',
      'total',
      'report',
      'error',
      'file_name',
      'created_at',
      'finished_at',
    ])
    .where('id', '=', jobId)
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  const notFound = () => new AppError('NOT_FOUND', 'ELECTION_IMPORT_NOT_FOUND', { params: { id: jobId } });
  if (!job) throw notFound();
  if (job.user_id !== ctx.actor.userId) assertScopedRole(ctx.actor, election.unit_path, 'admin', notFound);
  return toJob(job);
};

/** The election's recent results imports, newest first, paged by id (for the import panel). */
export const listElectionImportJobs = async (ctx: TCtx, electionId: number, q: { limit: number; cursor?: string }) => {
  const election = await loadElection(ctx, electionId);
  assertScopedRole(ctx.actor, election.unit_path, 'admin', () => electionNotFound(electionId));
  let qb = edb(ctx.db)
    .selectFrom('election_import_job')
    .select(['id', 'election_id', 'kind', 'status', 'processed', 'total', 'report', 'error', 'file_name', 'created_at', 'finished_at'])
    .where('election_id', '=', electionId);
  if (q.cursor) {
    if (!/^\d{1,15}$/.test(q.cursor)) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
    qb = qb.where('id', '<', Number(q.cursor));
  }
  const rows = await qb
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  return { items: page.map(toJob), nextCursor: rows.length > q.limit ? String(page.at(-1)?.id) : null };
};
