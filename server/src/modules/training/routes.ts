import {
  ZAttendanceBody,
  ZAttendanceResult,
  ZCourse,
  ZCourseCreate,
  ZCourseDetail,
  ZCourseList,
  ZCoursePatch,
  ZError,
  ZHistoryEntry,
  ZId,
  ZInviteBody,
  ZInviteeList,
  ZInviteeQuery,
  ZInviteResult,
  ZMyRsvpBody,
  ZMyTraining,
  ZMyTrainingList,
  ZPersonTraining,
  ZRsvpBody,
  ZSearchText,
  ZSession,
  ZSessionCreate,
  ZSessionPatch,
  ZTrainingCoverage,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { invite, recordAttendance, recordMyRsvp, recordRsvp } from './attendance';
import { createCourse, createSession, updateCourse, updateSession } from './operations';
import {
  courseHistory,
  getCourse,
  getSession,
  getTrainingCoverage,
  listCourses,
  listInvitees,
  listMyTrainings,
  listPersonTrainings,
  sessionHistory,
} from './queries';

const tags = ['training'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });
const history = { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors };

export const trainingRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.post('/api/v1/trainings', { schema: { tags, body: ZCourseCreate, response: { 201: ZCourse, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createCourse(requireCtx(req), req.body)),
  );

  app.get(
    '/api/v1/trainings',
    {
      schema: {
        tags,
        querystring: z.object({
          unit: ZId.optional(),
          q: ZSearchText.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(30).optional(),
        }),
        response: { 200: ZCourseList, ...errors },
      },
    },
    async (req) => listCourses(requireCtx(req), req.query),
  );

  app.get('/api/v1/trainings/:id', { schema: { tags, params: idParams, response: { 200: ZCourseDetail, ...errors } } }, async (req) =>
    getCourse(requireCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/trainings/:id',
    { schema: { tags, params: idParams, body: ZCoursePatch, response: { 200: ZCourse, ...errors } } },
    async (req) => updateCourse(requireCtx(req), req.params.id, req.body),
  );

  app.get('/api/v1/trainings/:id/history', { schema: { tags, params: idParams, response: history } }, async (req) => ({
    items: await courseHistory(requireCtx(req), req.params.id),
  }));

  app.post(
    '/api/v1/trainings/:id/sessions',
    { schema: { tags, params: idParams, body: ZSessionCreate, response: { 201: ZSession, ...errors } } },
    async (req, reply) => reply.code(201).send(await createSession(requireCtx(req), req.params.id, req.body)),
  );

  app.get('/api/v1/training-sessions/:id', { schema: { tags, params: idParams, response: { 200: ZSession, ...errors } } }, async (req) =>
    getSession(requireCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/training-sessions/:id',
    { schema: { tags, params: idParams, body: ZSessionPatch, response: { 200: ZSession, ...errors } } },
    async (req) => updateSession(requireCtx(req), req.params.id, req.body),
  );

  app.get('/api/v1/training-sessions/:id/history', { schema: { tags, params: idParams, response: history } }, async (req) => ({
    items: await sessionHistory(requireCtx(req), req.params.id),
  }));

  app.get(
    '/api/v1/training-sessions/:id/invitees',
    { schema: { tags, params: idParams, querystring: ZInviteeQuery, response: { 200: ZInviteeList, ...errors } } },
    async (req) => listInvitees(requireCtx(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/training-sessions/:id/invitees',
    { schema: { tags, params: idParams, body: ZInviteBody, response: { 200: ZInviteResult, ...errors } } },
    async (req) => invite(requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/training-sessions/:id/rsvp',
    { schema: { tags, params: idParams, body: ZRsvpBody, response: { 200: ZSession, ...errors, 409: ZError } } },
    async (req) => recordRsvp(requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/my/trainings',
    {
      schema: {
        tags,
        querystring: z.object({
          when: z.enum(['upcoming', 'all']).default('upcoming'),
          limit: z.coerce.number().int().min(1).max(100).default(30),
          cursor: z.string().max(30).optional(),
        }),
        response: { 200: ZMyTrainingList, ...errors },
      },
    },
    async (req) => listMyTrainings(requireCtx(req), req.query),
  );

  app.post(
    '/api/v1/my/trainings/:id/rsvp',
    { schema: { tags, params: idParams, body: ZMyRsvpBody, response: { 200: ZMyTraining, ...errors, 409: ZError } } },
    async (req) => recordMyRsvp(requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/training-sessions/:id/attendance',
    { schema: { tags, params: idParams, body: ZAttendanceBody, response: { 200: ZAttendanceResult, ...errors } } },
    async (req) => recordAttendance(requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/people/:id/trainings',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZPersonTraining) }), ...errors } } },
    async (req) => ({ items: await listPersonTrainings(requireCtx(req), req.params.id) }),
  );

  app.get(
    '/api/v1/units/:id/training-coverage',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ course: ZId.optional() }),
        response: { 200: ZTrainingCoverage, ...errors },
      },
    },
    async (req) => getTrainingCoverage(requireCtx(req), req.params.id, req.query.course ?? null),
  );
};
