import { CONSENT_METHODS, ZError, ZId } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors';
import { requireCtx, zod } from '../../http';
import { hasRoleAnywhere, isNationalAdmin } from '../auth/policy';
import { IMPORT_QUEUE, progress } from './jobs';
import { importMembers } from './members';
import { importPeoplePosts } from './people-posts';

const tags = ['imports'];
const ZRowError = z.object({ line: z.number(), messages: z.array(z.string()) });
const ZReport = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  newPeople: z.number(),
  matchedPeople: z.number(),
  appointments: z.number(),
  alreadyHolding: z.number(),
  errors: z.array(ZRowError),
});
const ZMembersReport = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  newPeople: z.number(),
  matchedPeople: z.number(),
  enrolments: z.number(),
  alreadyMembers: z.number(),
  errors: z.array(ZRowError),
});
const ZJob = z.object({
  id: z.number(),
  kind: z.enum(['people-posts', 'members']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  processed: z.number(),
  total: z.number(),
  /** With `kind`, as stored by the job: people/posts or members counts. */
  report: z.union([ZReport.extend({ kind: z.literal('people-posts') }), ZMembersReport.extend({ kind: z.literal('members') })]).nullable(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
const ZConsentQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  state: z.string().trim().toUpperCase().regex(/^[SU]\d{2}$/).optional(),
  fileName: z.string().max(200).optional(),
  consentPurpose: z.string().trim().min(3).max(300),
  consentDate: z.iso.date(),
  consentMethod: z.enum(CONSENT_METHODS),
});
type TJobRow = { id: number; created_at: Date | string };
const queuedJob = (kind: 'people-posts' | 'members', job: TJobRow, total: number, fileName: string | undefined) => ({
  id: job.id,
  kind,
  status: 'queued' as const,
  processed: 0,
  total,
  report: null,
  error: null,
  fileName: fileName ?? null,
  createdAt: new Date(job.created_at).toISOString(),
  finishedAt: null,
});
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 40 * 1024 * 1024;

export const importRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);
  fastify.addContentTypeParser(
    [XLSX_TYPE, 'text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/imports/people-posts',
    {
      bodyLimit: MAX_UPLOAD,
      schema: {
        tags,
        description:
          'Upload a CSV (UTF-8) or XLSX of people and posts as the request body. dryRun=true answers with the report; otherwise the import is queued and runs all-or-nothing in the background (poll GET /api/v1/imports/:id).',
        querystring: z.object({
          dryRun: z.enum(['true', 'false']).default('true'),
          state: z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^[SU]\d{2}$/)
            .optional(),
          fileName: z.string().max(200).optional(),
          consentPurpose: z.string().trim().min(3).max(300),
          consentDate: z.iso.date(),
          consentMethod: z.enum(CONSENT_METHODS),
        }),
        response: {
          200: ZReport,
          202: ZJob,
          400: ZError.extend({ report: ZReport.optional() }),
          401: ZError,
          403: ZError,
          413: ZError,
          415: ZError,
        },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      if (!hasRoleAnywhere(ctx.actor, 'data-entry')) throw new AppError('FORBIDDEN', 'FORBIDDEN');
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_MEDIA');
      const q = req.query;
      const consent = { purpose: q.consentPurpose, date: q.consentDate, method: q.consentMethod };
      // Always check first; a file with bad rows is never queued.
      const report = await importPeoplePosts(ctx, req.body, { dryRun: true, state: q.state, consent });
      if (report.errors.length) {
        throw new AppError('VALIDATION', 'IMPORT_ROWS_INVALID', {
          field: 'file',
          params: { count: report.errors.length },
          extra: { report },
        });
      }
      if (q.dryRun === 'true') return reply.send(report);
      const jobs = req.server.jobs;
      if (!jobs) throw new Error('the job queue is not running');
      const job = await ctx.db
        .insertInto('import_job')
        .values({
          kind: 'people-posts',
          user_id: ctx.actor.userId,
          locale: ctx.locale,
          file_name: q.fileName ?? null,
          file: req.body,
          options: JSON.stringify({ state: q.state, consent }),
          report: null,
        })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow();
      await jobs.send(IMPORT_QUEUE, { jobId: job.id });
      return reply.code(202).send(queuedJob('people-posts', job, report.newPeople + report.appointments, q.fileName));
    },
  );

  app.post(
    '/api/v1/imports/members',
    {
      bodyLimit: MAX_UPLOAD,
      schema: {
        tags,
        description:
          'Upload a CSV (UTF-8) or XLSX of members as the request body, to enrol them into drive `driveId`. dryRun=true answers with the report; otherwise the import is queued and runs all-or-nothing in the background (poll GET /api/v1/imports/:id).',
        querystring: ZConsentQuery.extend({ driveId: ZId }),
        response: {
          200: ZMembersReport,
          202: ZJob,
          400: ZError.extend({ report: ZMembersReport.optional() }),
          401: ZError,
          403: ZError,
          404: ZError,
          413: ZError,
          415: ZError,
        },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_MEDIA');
      const q = req.query;
      const consent = { purpose: q.consentPurpose, date: q.consentDate, method: q.consentMethod };
      const options = { state: q.state, consent, driveId: q.driveId };
      const report = await importMembers(ctx, req.body, { dryRun: true, ...options });
      if (report.errors.length) {
        throw new AppError('VALIDATION', 'IMPORT_ROWS_INVALID', { field: 'file', params: { count: report.errors.length }, extra: { report } });
      }
      if (q.dryRun === 'true') return reply.send(report);
      const jobs = req.server.jobs;
      if (!jobs) throw new Error('the job queue is not running');
      const job = await ctx.db
        .insertInto('import_job')
        .values({ kind: 'members', user_id: ctx.actor.userId, locale: ctx.locale, file_name: q.fileName ?? null, file: req.body, options: JSON.stringify(options), report: null })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow();
      await jobs.send(IMPORT_QUEUE, { jobId: job.id });
      return reply.code(202).send(queuedJob('members', job, report.newPeople + report.enrolments, q.fileName));
    },
  );

  app.get(
    '/api/v1/imports/:id',
    { schema: { tags, params: z.object({ id: ZId }), response: { 200: ZJob, 400: ZError, 401: ZError, 404: ZError } } },
    async (req) => {
      const ctx = requireCtx(req);
      const live = progress.get(req.params.id);
      const job = await ctx.db
        .selectFrom('import_job')
        .select(['id', 'kind', 'status', 'user_id', 'processed', 'total', 'report', 'error', 'file_name', 'created_at', 'finished_at'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!job || (job.user_id !== ctx.actor.userId && !isNationalAdmin(ctx.actor))) {
        throw new AppError('NOT_FOUND', 'IMPORT_NOT_FOUND', { params: { id: req.params.id } });
      }
      return {
        id: job.id,
        kind: job.kind,
        status: job.status,
        processed: live?.processed ?? job.processed,
        total: live?.total ?? job.total,
        // Reports stored before members imports existed carry no kind: the job's is theirs.
        report: job.report ? ({ ...(job.report as object), kind: job.kind } as z.infer<typeof ZJob>['report']) : null,
        error: job.error,
        fileName: job.file_name,
        createdAt: new Date(job.created_at).toISOString(),
        finishedAt: job.finished_at ? job.finished_at.toISOString() : null,
      };
    },
  );
};
