import {
  ZDuplicatePair,
  ZError,
  ZHistoryEntry,
  ZMergeResult,
  ZId,
  ZPerson,
  ZPersonCreate,
  ZPersonList,
  ZPersonPatch,
  ZSearchText,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { listPersonTenures } from '../posts/queries';
import { ZTenurePage, ZTenurePageQuery } from '../posts/routes';
import { listDuplicates, mergePerson, unmergePerson } from './merge';
import { createPerson, deletePerson, restorePerson, updatePerson } from './operations';
import { personPhotoRoutes } from './photo-routes';
import { getPerson, listPeople, personHistory } from './queries';

const tags = ['people'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });

export const peopleRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.post(
    '/api/v1/people',
    { schema: { tags, body: ZPersonCreate, response: { 201: ZPerson, ...errors, 409: ZError } } },
    async (req, reply) => reply.code(201).send(await createPerson(requireCtx(req), req.body)),
  );

  app.get(
    '/api/v1/people',
    {
      schema: {
        tags,
        querystring: z.object({
          q: ZSearchText.optional(),
          unit: ZId.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(30).optional(),
        }),
        response: { 200: ZPersonList, ...errors },
      },
    },
    async (req) => listPeople(requireCtx(req), req.query),
  );

  app.get('/api/v1/people/:id', { schema: { tags, params: idParams, response: { 200: ZPerson, ...errors } } }, async (req) =>
    getPerson(requireCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/people/:id',
    { schema: { tags, params: idParams, body: ZPersonPatch, response: { 200: ZPerson, ...errors, 409: ZError } } },
    async (req) => updatePerson(requireCtx(req), req.params.id, req.body),
  );

  app.delete('/api/v1/people/:id', { schema: { tags, params: idParams, response: { 200: ZPerson, ...errors } } }, async (req) =>
    deletePerson(requireCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/people/:id/restore',
    { schema: { tags, params: idParams, response: { 200: ZPerson, ...errors, 409: ZError } } },
    async (req) => restorePerson(requireCtx(req), req.params.id),
  );

  app.get(
    '/api/v1/people/:id/history',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(20).optional() }),
        response: { 200: z.object({ items: z.array(ZHistoryEntry), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => personHistory(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/people/:id/tenures',
    { schema: { tags, params: idParams, querystring: z.object(ZTenurePageQuery), response: { 200: ZTenurePage, ...errors } } },
    async (req) => listPersonTenures(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/units/:id/duplicates',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZDuplicatePair) }), ...errors } } },
    async (req) => ({ items: await listDuplicates(requireCtx(req), req.params.id) }),
  );

  app.post(
    '/api/v1/people/:id/merge',
    {
      schema: {
        tags,
        params: idParams,
        body: z.object({ intoId: z.number().int().positive() }),
        response: { 200: ZMergeResult, ...errors },
      },
    },
    async (req) => mergePerson(requireCtx(req), req.params.id, req.body.intoId),
  );

  app.post(
    '/api/v1/people/:id/unmerge',
    { schema: { tags, params: idParams, response: { 200: ZPerson, ...errors, 409: ZError } } },
    async (req) => unmergePerson(requireCtx(req), req.params.id),
  );

  // In a plugin of its own: its raw-image body parser must not replace JSON for the routes above.
  await fastify.register(personPhotoRoutes);
};
