import {
  ZAspirant,
  ZAspirantCreate,
  ZAspirantMove,
  ZCoverage,
  ZCriterion,
  ZCriterionCreate,
  ZElection,
  ZElectionCreate,
  ZElectionImportJob,
  ZElectionList,
  ZElectionPatch,
  ZElectionListQuery,
  ZElectionResults,
  ZElectionSetting,
  ZElectionSettingBody,
  ZError,
  ZHistoryEntry,
  ZId,
  ZImportReport,
  ZPartyList,
  ZScoreBody,
  ZSeat,
  ZSeatAspirants,
  ZSeatCreate,
  ZSeatList,
  ZSeatListQuery,
  ZSeatPatch,
  ZSeatResult,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors';
import { requireCtx, zod } from '../../http';
import { applicationRoutes } from './application-routes';
import { documentRoutes } from './document-routes';
import { addAspirant, listSeatAspirants, moveAspirant } from './aspirants';
import { importBoothResults } from './booth-import';
import { updateElection, updateSeat } from './edit';
import { createElection, createSeat, getElectionSetting, partyRef, setOurParty } from './operations';
import { listHistory } from '../audit/record';
import { getCoverage, listElections, listSeats, loadElection, loadSeat, toElection } from './queries';
import { getElectionResults, getSeatResult } from './results';
import { importResults } from './results-import';
import { getElectionImportJob, listElectionImportJobs, queueElectionImport } from './import-jobs';
import { refuseIfErrors } from './import-support';
import { createCriterion, listCriteria, scoreAspirant } from './screening';
import { importSeats } from './seats-import';
import { normalisePartyName } from './party-names';

const tags = ['elections'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError, 409: ZError };
const idParams = z.object({ id: ZId });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 40 * 1024 * 1024;
const ZStateQuery = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[SU]\d{2}$/);
const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  state: ZStateQuery.optional(),
  fileName: z.string().trim().max(200).optional(),
});
const boothImportQuery = importQuery.extend({
  layout: z.enum(['auto', 'party-columns', 'form-20']).default('auto'),
  ac: z.coerce.number().int().min(1).max(999).optional(),
});
const importResponse = {
  200: ZImportReport,
  400: ZError.extend({ report: ZImportReport.optional() }),
  401: ZError,
  403: ZError,
  404: ZError,
  413: ZError,
  415: ZError,
};
const jobImportResponse = { ...importResponse, 202: ZElectionImportJob };
const fileOf = (body: unknown) => {
  if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_MEDIA');
  return body;
};

export const electionRoutes = async (fastify: FastifyInstance) => {
  await fastify.register(applicationRoutes);
  await fastify.register(documentRoutes);
  const app = zod(fastify);
  fastify.addContentTypeParser(
    [XLSX_TYPE, 'text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/elections',
    {
      schema: {
        tags,
        description:
          "Elections the user may see, newest year first. `state` keeps that state's elections and the national (Lok Sabha) ones.",
        querystring: ZElectionListQuery,
        response: { 200: ZElectionList, ...errors },
      },
    },
    async (req) => listElections(requireCtx(req), req.query),
  );
  app.post('/api/v1/elections', { schema: { tags, body: ZElectionCreate, response: { 201: ZElection, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createElection(requireCtx(req), req.body)),
  );
  app.get('/api/v1/elections/:id', { schema: { tags, params: idParams, response: { 200: ZElection, ...errors } } }, async (req) => {
    const ctx = requireCtx(req);
    return toElection(ctx.actor, await loadElection(ctx, req.params.id));
  });
  app.patch(
    '/api/v1/elections/:id',
    { schema: { tags, params: idParams, body: ZElectionPatch, response: { 200: ZElection, ...errors } } },
    async (req) => updateElection(requireCtx(req), req.params.id, req.body),
  );
  app.patch(
    '/api/v1/seats/:id',
    { schema: { tags, params: idParams, body: ZSeatPatch, response: { 200: ZSeat, ...errors } } },
    async (req) => updateSeat(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/elections/:id/seats',
    { schema: { tags, params: idParams, querystring: ZSeatListQuery, response: { 200: ZSeatList, ...errors } } },
    async (req) => listSeats(requireCtx(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/elections/:id/seats',
    { schema: { tags, params: idParams, body: ZSeatCreate, response: { 201: ZSeat, ...errors } } },
    async (req, reply) => reply.code(201).send(await createSeat(requireCtx(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/elections/:id/seats/import',
    {
      bodyLimit: MAX_UPLOAD,
      schema: {
        tags,
        description: 'Local-body seats from a CSV/XLSX body: code or number, name, name hi, reservation, unit. dryRun=true only checks.',
        params: idParams,
        querystring: importQuery,
        response: importResponse,
      },
    },
    async (req) => importSeats(requireCtx(req), req.params.id, fileOf(req.body), { dryRun: req.query.dryRun === 'true' }),
  );
  app.get('/api/v1/elections/:id/coverage', { schema: { tags, params: idParams, response: { 200: ZCoverage, ...errors } } }, async (req) =>
    getCoverage(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/v1/elections/:id/results/import',
    {
      bodyLimit: MAX_UPLOAD,
      schema: {
        tags,
        description:
          'Candidate-wise results from a CSV/XLSX body: seat, candidate, party, votes; optional serial and seat total. dryRun=true answers with the row report; otherwise a clean file is queued (202 with the job) and imported all or nothing in the background (poll GET /api/v1/elections/:id/imports/:jobId).',
        params: idParams,
        querystring: importQuery,
        response: jobImportResponse,
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = fileOf(req.body);
      // Always checked first; a file with bad rows is never queued.
      const report = await importResults(ctx, req.params.id, file, { dryRun: true });
      if (req.query.dryRun === 'true') return reply.send(report);
      refuseIfErrors({ ...report, isDryRun: false });
      const job = await queueElectionImport(ctx, req.server.jobs, req.params.id, 'results', file, {
        total: report.rows,
        fileName: req.query.fileName,
        options: {},
      });
      return reply.code(202).send(job);
    },
  );
  app.post(
    '/api/v1/elections/:id/booth-results/import',
    {
      bodyLimit: MAX_UPLOAD,
      schema: {
        tags,
        description:
          'Booth-wise results from a CSV/XLSX body: ac, part, one column of votes per party, optional total. `state` is needed for bare AC numbers in a national election. layout=form-20 (or auto, detected from the headers) takes an ECI Form-20 file of one AC (`ac`, or a file name "<AC number>.csv"): Part No, candidate columns "<serial> - <NAME>" mapped to parties through the candidate-wise results of the seat containing the AC, Total Votes Secured; trailing total rows are skipped. dryRun=true answers with the row report; otherwise a clean file is queued (202 with the job) and imported all or nothing in the background.',
        params: idParams,
        querystring: boothImportQuery,
        response: jobImportResponse,
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = fileOf(req.body);
      const { state, layout, ac, fileName } = req.query;
      const report = await importBoothResults(ctx, req.params.id, file, { dryRun: true, state, layout, ac, fileName });
      if (req.query.dryRun === 'true') return reply.send(report);
      refuseIfErrors({ ...report, isDryRun: false });
      const job = await queueElectionImport(ctx, req.server.jobs, req.params.id, 'booth-results', file, {
        total: report.rows,
        fileName,
        options: { state, layout, ac },
      });
      return reply.code(202).send(job);
    },
  );
  app.get(
    '/api/v1/elections/:id/imports',
    {
      schema: {
        tags,
        description: "The election's results imports, newest first: status, progress, report.",
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(20).optional() }),
        response: { 200: z.object({ items: z.array(ZElectionImportJob), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => listElectionImportJobs(requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/elections/:id/imports/:jobId',
    {
      schema: {
        tags,
        description: 'One results import: queued, running (with rows written so far), done with its report, or failed (nothing written).',
        params: z.object({ id: ZId, jobId: ZId }),
        response: { 200: ZElectionImportJob, ...errors },
      },
    },
    async (req) => getElectionImportJob(requireCtx(req), req.params.id, req.params.jobId),
  );
  app.get(
    '/api/v1/elections/:id/results',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ party: z.string().trim().min(1).max(200).optional(), state: ZStateQuery.optional() }),
        response: { 200: ZElectionResults, ...errors },
      },
    },
    async (req) => getElectionResults(requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/elections/:id/criteria',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZCriterion) }), ...errors } } },
    async (req) => ({
      items: await listCriteria(requireCtx(req), req.params.id),
    }),
  );
  app.post(
    '/api/v1/elections/:id/criteria',
    { schema: { tags, params: idParams, body: ZCriterionCreate, response: { 201: ZCriterion, ...errors } } },
    async (req, reply) => reply.code(201).send(await createCriterion(requireCtx(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/seats/:id/result',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ party: z.string().trim().min(1).max(200).optional() }),
        response: { 200: ZSeatResult, ...errors },
      },
    },
    async (req) => getSeatResult(requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/seats/:id/aspirants',
    { schema: { tags, params: idParams, response: { 200: ZSeatAspirants, ...errors } } },
    async (req) => listSeatAspirants(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/v1/seats/:id/aspirants',
    { schema: { tags, params: idParams, body: ZAspirantCreate, response: { 201: ZAspirant, ...errors } } },
    async (req, reply) => reply.code(201).send(await addAspirant(requireCtx(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/aspirants/:id/move',
    { schema: { tags, params: idParams, body: ZAspirantMove, response: { 200: ZAspirant, ...errors } } },
    async (req) => moveAspirant(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/aspirants/:id/scores',
    { schema: { tags, params: idParams, body: ZScoreBody, response: { 200: ZAspirant, ...errors } } },
    async (req) => scoreAspirant(requireCtx(req), req.params.id, req.body.scores),
  );

  app.get(
    '/api/v1/elections/:id/history',
    {
      schema: {
        tags,
        description: 'Audited changes of the election: edits, booth imports, criteria.',
        params: idParams,
        response: { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      await loadElection(ctx, req.params.id);
      return { items: await listHistory(ctx.db, 'election', req.params.id) };
    },
  );
  app.get(
    '/api/v1/seats/:id/history',
    {
      schema: {
        tags,
        description: 'Audited changes of the seat: creation, edits, results imports.',
        params: idParams,
        response: { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      await loadSeat(ctx, req.params.id);
      return { items: await listHistory(ctx.db, 'seat', req.params.id) };
    },
  );
  app.get('/api/v1/election-settings', { schema: { tags, response: { 200: ZElectionSetting, ...errors } } }, async (req) =>
    getElectionSetting(requireCtx(req)),
  );
  app.put(
    '/api/v1/election-settings',
    { schema: { tags, body: ZElectionSettingBody, response: { 200: ZElectionSetting, ...errors } } },
    async (req) => setOurParty(requireCtx(req), req.body.ourParty),
  );
  app.get(
    '/api/v1/parties',
    {
      schema: {
        tags,
        querystring: z.object({ q: z.string().trim().min(1).max(100).optional() }),
        response: { 200: ZPartyList, ...errors },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      let qb = ctx.db.selectFrom('party as p').select(['p.key', 'p.short_name', 'p.name', 'p.name_hi']);
      const q = req.query.q;
      if (q) {
        const like = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
        const folded = normalisePartyName(q);
        qb = qb.where((eb) =>
          eb.or([
            eb('p.name', 'ilike', like),
            eb('p.name_hi', 'like', like),
            eb('p.short_name', 'ilike', like),
            eb.exists(
              eb.selectFrom('party_alias as a').select('a.folded').whereRef('a.party_key', '=', 'p.key').where('a.folded', '=', folded),
            ),
          ]),
        );
      }
      // Parties with a short name (the alias table's) first: they are the ones people look for.
      const rows = await qb.orderBy(sql`p.short_name is null`).orderBy('p.name').limit(50).execute();
      return { items: rows.map(partyRef) };
    },
  );
};
