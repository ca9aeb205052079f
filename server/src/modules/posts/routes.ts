import { ZAppointBody, ZEndBody, ZError, ZId, ZReplaceBody, ZTenure, ZUnitPosts } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { appoint, endTenure, replaceTenure } from './operations';
import { getUnitPosts, listUnitTenures } from './queries';

const tags = ['posts'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });

export const postRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.get('/api/v1/units/:id/posts', { schema: { tags, params: idParams, response: { 200: ZUnitPosts, ...errors } } }, async (req) =>
    getUnitPosts(requireCtx(req), req.params.id),
  );

  app.get(
    '/api/v1/units/:id/tenures',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ includeEnded: z.enum(['true', 'false']).default('true') }),
        response: { 200: z.object({ items: z.array(ZTenure) }), ...errors },
      },
    },
    async (req) => ({ items: await listUnitTenures(requireCtx(req), req.params.id, req.query.includeEnded === 'true') }),
  );

  app.post('/api/v1/tenures', { schema: { tags, body: ZAppointBody, response: { 201: ZTenure, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await appoint(requireCtx(req), req.body)),
  );

  app.post('/api/v1/tenures/:id/end', { schema: { tags, params: idParams, body: ZEndBody, response: { 200: ZTenure, ...errors } } }, async (req) =>
    endTenure(requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/tenures/:id/replace',
    { schema: { tags, params: idParams, body: ZReplaceBody, response: { 200: z.object({ ended: ZTenure, started: ZTenure }), ...errors } } },
    async (req) => replaceTenure(requireCtx(req), req.params.id, req.body),
  );
};
