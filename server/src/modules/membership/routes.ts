import {
  MEMBERSHIP_STATUSES,
  ZDrive,
  ZDriveCreate,
  ZDriveList,
  ZEnrolBody,
  ZError,
  ZId,
  ZLeaderboard,
  ZMembership,
  ZMembershipList,
  ZOtpRequest,
  ZOtpSent,
  ZProgress,
  ZPublicDrive,
  ZRejectBody,
  ZSelfEnrolBody,
  ZSelfEnrolResult,
  ZSmsOutbox,
  ZTargetResult,
  ZTargetSet,
  ZVerifyBody,
} from '@samiti/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { listOutbox } from '../notify/outbox';
import { smsProviderFromEnv, type TSmsProvider } from '../notify/sms';
import { createDrive, enrol, rejectMembership, verifyMembership } from './operations';
import { getDrive, getLeaderboard, getMembership, getProgress, listDrives, listMembers } from './queries';
import { getPublicDrive, requestOtp, selfEnrol, type TPublicCtx } from './self-enrol';
import { setTargets } from './targets';

const tags = ['membership'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const publicErrors = { 400: ZError, 404: ZError };
const idParams = z.object({ id: ZId });
const limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

const publicCtx = (req: FastifyRequest): TPublicCtx => ({ db: req.server.db, requestId: req.id, locale: req.locale });

export type TMembershipRoutesOptions = { sms?: TSmsProvider };

/** Membership drive routes; `sms` replaces the provider chosen from the environment. */
export const membershipRoutes = async (fastify: FastifyInstance, opts: TMembershipRoutesOptions = {}) => {
  const app = zod(fastify);
  const sms = opts.sms ?? smsProviderFromEnv(fastify.db);

  app.post('/api/v1/drives', { schema: { tags, body: ZDriveCreate, response: { 201: ZDrive, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createDrive(requireCtx(req), req.body)),
  );

  app.get(
    '/api/v1/drives',
    { schema: { tags, querystring: z.object({ limit: limit(200, 50) }), response: { 200: ZDriveList, ...errors } } },
    async (req) => listDrives(requireCtx(req), req.query),
  );

  app.get('/api/v1/drives/:id', { schema: { tags, params: idParams, response: { 200: ZDrive, ...errors } } }, async (req) =>
    getDrive(requireCtx(req), req.params.id),
  );

  app.put(
    '/api/v1/drives/:id/targets',
    { schema: { tags, params: idParams, body: ZTargetSet, response: { 200: ZTargetResult, ...errors } } },
    async (req) => setTargets(requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/drives/:id/enrol',
    { schema: { tags, params: idParams, body: ZEnrolBody, response: { 201: ZMembership, ...errors, 409: ZError } } },
    async (req, reply) => reply.code(201).send(await enrol(requireCtx(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/drives/:id/progress',
    { schema: { tags, params: idParams, querystring: z.object({ unit: ZId.optional() }), response: { 200: ZProgress, ...errors } } },
    async (req) => getProgress(requireCtx(req), req.params.id, req.query.unit),
  );

  app.get(
    '/api/v1/drives/:id/leaderboard',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ unit: ZId.optional(), limit: limit(200, 20) }),
        response: { 200: ZLeaderboard, ...errors },
      },
    },
    async (req) => getLeaderboard(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/drives/:id/members',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({
          unit: ZId.optional(),
          status: z.enum(MEMBERSHIP_STATUSES).optional(),
          limit: limit(200, 50),
          cursor: z.string().max(30).optional(),
        }),
        response: { 200: ZMembershipList, ...errors },
      },
    },
    async (req) => listMembers(requireCtx(req), req.params.id, req.query),
  );

  app.get('/api/v1/memberships/:id', { schema: { tags, params: idParams, response: { 200: ZMembership, ...errors } } }, async (req) =>
    getMembership(requireCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/memberships/:id/verify',
    { schema: { tags, params: idParams, body: ZVerifyBody, response: { 200: ZMembership, ...errors } } },
    async (req) => verifyMembership(requireCtx(req), req.params.id, req.body.method),
  );

  app.post(
    '/api/v1/memberships/:id/reject',
    { schema: { tags, params: idParams, body: ZRejectBody, response: { 200: ZMembership, ...errors } } },
    async (req) => rejectMembership(requireCtx(req), req.params.id, req.body.reason),
  );

  app.get(
    '/api/v1/sms-outbox',
    {
      schema: {
        tags,
        querystring: z.object({ limit: limit(200, 50), cursor: z.string().max(30).optional(), phone: z.string().max(20).optional() }),
        response: { 200: ZSmsOutbox, ...errors },
      },
    },
    async (req) => listOutbox(requireCtx(req), req.query),
  );

  // Public self-enrolment: no session; the OTP is the proof of the phone.
  const publicTags = ['membership (public)'];
  app.get(
    '/api/v1/public/drives/:id',
    { schema: { tags: publicTags, security: [], params: idParams, response: { 200: ZPublicDrive, ...publicErrors } } },
    async (req) => getPublicDrive(req.server.db, req.params.id),
  );

  app.post(
    '/api/v1/public/drives/:id/otp',
    { schema: { tags: publicTags, security: [], params: idParams, body: ZOtpRequest, response: { 200: ZOtpSent, ...publicErrors } } },
    async (req) => requestOtp(publicCtx(req), sms, req.params.id, req.body.phone),
  );

  app.post(
    '/api/v1/public/drives/:id/self-enrol',
    {
      schema: {
        tags: publicTags,
        security: [],
        params: idParams,
        body: ZSelfEnrolBody,
        response: { 201: ZSelfEnrolResult, ...publicErrors, 409: ZError },
      },
    },
    async (req, reply) => reply.code(201).send(await selfEnrol(publicCtx(req), req.params.id, req.body)),
  );
};
