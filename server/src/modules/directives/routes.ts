import {
  ASSIGNMENT_STATUSES,
  ZAssignment,
  ZAssignmentList,
  ZCompleteBody,
  ZDeclineBody,
  ZDirective,
  ZDirectiveCreate,
  ZDirectiveJob,
  ZDirectiveList,
  ZDirectivePatch,
  ZError,
  ZHistoryEntry,
  ZId,
  ZProgressBody,
  ZRollup,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { actOnAssignment, assignmentHistory, getAssignment } from './assignments';
import { directiveHistory, updateDirective } from './edit';
import { createDirective } from './create';
import { assignmentPhotoRoutes } from './photo-routes';
import { getDirective, getDirectiveJob, getDirectiveRollup, listDirectiveAssignments, listMeetingDirectives, listMyAssignments, listUnitDirectives } from './queries';
import { setUserPerson } from './users';

const tags = ['directives'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });
const page = { limit: z.coerce.number().int().min(1).max(500).default(50), cursor: z.string().max(300).optional() };
const ZBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const directiveRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);
  await fastify.register(assignmentPhotoRoutes);

  app.post(
    '/api/v1/directives',
    {
      schema: {
        tags,
        description: 'Issues a directive. A cascade to more than 5,000 units answers 202 with the job; poll GET /api/v1/directives/:id/job.',
        body: ZDirectiveCreate,
        response: { 201: ZDirective, 202: ZDirectiveJob, ...errors, 503: ZError },
      },
    },
    async (req, reply) => {
      const r = await createDirective(requireCtx(req), req.body, { jobs: req.server.jobs });
      return r.kind === 'ready' ? reply.code(201).send(r.directive) : reply.code(202).send(r.job);
    },
  );

  app.get('/api/v1/directives/:id', { schema: { tags, params: idParams, response: { 200: ZDirective, ...errors } } }, async (req) =>
    getDirective(requireCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/directives/:id',
    {
      schema: {
        tags,
        description: "Corrects the text or moves the due date; the assignments stay.",
        params: idParams,
        body: ZDirectivePatch,
        response: { 200: ZDirective, ...errors },
      },
    },
    async (req) => updateDirective(requireCtx(req), req.params.id, req.body),
  );

  app.get('/api/v1/directives/:id/history', { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors } } }, async (req) => ({
    items: await directiveHistory(requireCtx(req), req.params.id),
  }));

  app.get('/api/v1/assignments/:id/history', { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors } } }, async (req) => ({
    items: await assignmentHistory(requireCtx(req), req.params.id),
  }));

  app.get('/api/v1/directives/:id/job', { schema: { tags, params: idParams, response: { 200: ZDirectiveJob, ...errors } } }, async (req) =>
    getDirectiveJob(requireCtx(req), req.params.id),
  );

  app.get(
    '/api/v1/directives/:id/rollup',
    {
      schema: {
        tags,
        description: 'n of N done per child of unitId (default: the issuing unit), with overdue and vacant counts.',
        params: idParams,
        querystring: z.object({ unitId: ZId.optional(), limit: z.coerce.number().int().min(1).max(1000).default(500), cursor: page.cursor }),
        response: { 200: ZRollup, ...errors },
      },
    },
    async (req) => getDirectiveRollup(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/directives/:id/assignments',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ unitId: ZId.optional(), status: z.enum(ASSIGNMENT_STATUSES).optional(), overdue: ZBool.optional(), vacant: ZBool.optional(), ...page }),
        response: { 200: ZAssignmentList, ...errors },
      },
    },
    async (req) => listDirectiveAssignments(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/units/:id/directives',
    {
      schema: {
        tags,
        description: 'Directives the unit issued (scope=issued) or that reach it from above (scope=received), newest first.',
        params: idParams,
        querystring: z.object({ scope: z.enum(['issued', 'received']).default('issued'), overdue: ZBool.optional(), meetingId: ZId.optional(), ...page }),
        response: { 200: ZDirectiveList, ...errors },
      },
    },
    async (req) => listUnitDirectives(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/meetings/:id/directives',
    { schema: { tags, params: idParams, querystring: z.object({ overdue: ZBool.optional(), ...page }), response: { 200: ZDirectiveList, ...errors } } },
    async (req) => listMeetingDirectives(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/me/assignments',
    {
      schema: {
        tags,
        description: 'Assignments addressed to the logged-in person: open first, soonest due first.',
        querystring: z.object({ status: z.enum(ASSIGNMENT_STATUSES).optional(), ...page }),
        response: { 200: ZAssignmentList, 401: ZError, 400: ZError },
      },
    },
    async (req) => listMyAssignments(requireCtx(req), req.query),
  );

  app.get('/api/v1/assignments/:id', { schema: { tags, params: idParams, response: { 200: ZAssignment, ...errors } } }, async (req) =>
    getAssignment(requireCtx(req), req.params.id),
  );

  const act = { params: idParams, response: { 200: ZAssignment, ...errors } };
  app.post('/api/v1/assignments/:id/acknowledge', { schema: { tags, ...act } }, async (req) =>
    actOnAssignment(requireCtx(req), req.params.id, { kind: 'acknowledge' }),
  );
  app.post('/api/v1/assignments/:id/progress', { schema: { tags, ...act, body: ZProgressBody } }, async (req) =>
    actOnAssignment(requireCtx(req), req.params.id, { kind: 'progress', ...req.body }),
  );
  app.post('/api/v1/assignments/:id/complete', { schema: { tags, ...act, body: ZCompleteBody } }, async (req) =>
    actOnAssignment(requireCtx(req), req.params.id, { kind: 'complete', ...req.body }),
  );
  app.post('/api/v1/assignments/:id/decline', { schema: { tags, ...act, body: ZDeclineBody } }, async (req) =>
    actOnAssignment(requireCtx(req), req.params.id, { kind: 'decline', ...req.body }),
  );

  app.put(
    '/api/v1/users/:id/person',
    {
      schema: {
        tags: ['auth'],
        description: 'Which person this login is (null: none). Their assignments then reach them.',
        params: idParams,
        body: z.object({ personId: z.number().int().positive().nullable() }),
        response: { 200: z.object({ id: z.number(), username: z.string(), personId: z.number().nullable() }), ...errors, 409: ZError },
      },
    },
    async (req) => {
      const r = await setUserPerson(requireCtx(req), req.params.id, req.body.personId);
      req.server.sessions.forgetUser(req.params.id);
      return r;
    },
  );
};
