import {
  ZApplicationsBody,
  ZAspirantApplyBody,
  ZAspirantApplyResult,
  ZElection,
  ZError,
  ZId,
  ZOtpRequest,
  ZOtpSent,
  ZPublicElection,
  ZPublicPageQuery,
  ZPublicUnitList,
  ZSeat,
  ZSeatApplicationsBody,
} from '@samiti/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import type { TPublicCtx } from '../membership/otp';
import { smsProviderFromEnv, type TSmsProvider } from '../notify/sms';
import {
  applyForSeat,
  getPublicElection,
  listPublicSeatUnits,
  requestApplicationOtp,
  setElectionApplications,
  setSeatApplications,
} from './applications';

const tags = ['elections'];
const publicTags = ['elections (public)'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const publicErrors = { 400: ZError, 404: ZError, 409: ZError };
const idParams = z.object({ id: ZId });
const publicCtx = (req: FastifyRequest): TPublicCtx => ({ db: req.server.db, requestId: req.id, locale: req.locale });

/** Opening/closing applications, and the public application form (no session; the SMS code proves the phone). */
export const applicationRoutes = async (fastify: FastifyInstance, opts: { sms?: TSmsProvider } = {}) => {
  const app = zod(fastify);
  const sms = opts.sms ?? smsProviderFromEnv(fastify.db);

  app.put(
    '/api/v1/elections/:id/applications',
    {
      schema: {
        tags,
        description:
          "Opens or closes public applications for the election's seats; office bearers of its unit (national admins for Lok/Vidhan Sabha).",
        params: idParams,
        body: ZApplicationsBody,
        response: { 200: ZElection, ...errors },
      },
    },
    async (req) => setElectionApplications(requireCtx(req), req.params.id, req.body.open),
  );
  app.put(
    '/api/v1/seats/:id/applications',
    {
      schema: {
        tags,
        description: "Opens or closes one seat's public applications; `open: null` follows the election again.",
        params: idParams,
        body: ZSeatApplicationsBody,
        response: { 200: ZSeat, ...errors },
      },
    },
    async (req) => setSeatApplications(requireCtx(req), req.params.id, req.body.open),
  );

  app.get(
    '/api/v1/public/elections/:id',
    {
      schema: {
        tags: publicTags,
        security: [],
        description: 'An election for the public application form, with the seats that take applications (paged, searchable).',
        params: idParams,
        querystring: ZPublicPageQuery,
        response: { 200: ZPublicElection, ...publicErrors },
      },
    },
    async (req) => getPublicElection(req.server.db, req.params.id, req.query),
  );
  app.get(
    '/api/v1/public/seats/:id/units',
    {
      schema: {
        tags: publicTags,
        security: [],
        description: "Units in the seat's area an applicant may name as home (search by name). 409 when the seat takes no applications.",
        params: idParams,
        querystring: ZPublicPageQuery,
        response: { 200: ZPublicUnitList, ...publicErrors },
      },
    },
    async (req) => listPublicSeatUnits(req.server.db, req.params.id, req.query),
  );
  app.post(
    '/api/v1/public/seats/:id/otp',
    {
      schema: {
        tags: publicTags,
        security: [],
        description: 'Sends a one-time code by SMS for an application to the seat (3 per phone per 10 minutes, valid 10 minutes).',
        params: idParams,
        body: ZOtpRequest,
        response: { 200: ZOtpSent, ...publicErrors },
      },
    },
    async (req) => requestApplicationOtp(publicCtx(req), sms, req.params.id, req.body.phone),
  );
  app.post(
    '/api/v1/public/seats/:id/apply',
    {
      schema: {
        tags: publicTags,
        security: [],
        description:
          'Applies for the seat with the SMS code: the person (matched by phone/EPIC, else created) becomes an aspirant at “applied”.',
        params: idParams,
        body: ZAspirantApplyBody,
        response: { 201: ZAspirantApplyResult, ...publicErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await applyForSeat(publicCtx(req), req.params.id, req.body)),
  );
};
