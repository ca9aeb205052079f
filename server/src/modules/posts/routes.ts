import {
  ZAppointBody,
  ZEndBody,
  ZError,
  ZId,
  ZLevelKey,
  ZPostTemplate,
  ZPostTemplateBody,
  ZReplaceBody,
  ZTenure,
  ZUnitPosts,
  ZWingKey,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { appoint, endTenure, replaceTenure } from './operations';
import { getUnitPosts, listUnitTenures } from './queries';
import { getPostTemplate, listPostTemplates, resetWingTemplate, setPostTemplate } from './templates';

const tags = ['posts'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });

/** A page of tenures: newest first, `nextCursor` until the last page. */
export const ZTenurePage = z.object({ items: z.array(ZTenure), nextCursor: z.string().nullable() });
export const ZTenurePageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(40).optional(),
};
const levelParams = z.object({ level: ZLevelKey });
const wingQuery = z.object({ wing: ZWingKey.default('main').describe('the wing whose template this is; `main` (the default template)') });
const templateErrors = { ...errors, 409: ZError };

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
        querystring: z.object({ includeEnded: z.enum(['true', 'false']).default('true'), ...ZTenurePageQuery }),
        response: { 200: ZTenurePage, ...errors },
      },
    },
    async (req) => listUnitTenures(requireCtx(req), req.params.id, req.query.includeEnded === 'true', req.query),
  );

  app.get(
    '/api/v1/post-templates',
    {
      schema: {
        tags,
        description: 'The post template of every level (in level order; as many as levels are configured) that units of the wing follow.',
        querystring: wingQuery,
        response: { 200: z.object({ items: z.array(ZPostTemplate) }), ...errors },
      },
    },
    async (req) => ({ items: await listPostTemplates(requireCtx(req), req.query.wing) }),
  );

  app.get(
    '/api/v1/post-templates/:level',
    { schema: { tags, params: levelParams, querystring: wingQuery, response: { 200: ZPostTemplate, ...errors } } },
    async (req) => getPostTemplate(requireCtx(req), req.query.wing, req.params.level),
  );

  app.put(
    '/api/v1/post-templates/:level',
    {
      schema: {
        tags,
        description:
          "Replaces the posts of a level's template (the default with wing=main, else the wing's own), in order. Admins of the national unit (or of the wing's root unit for its own). A post key held by a current office bearer cannot be removed, nor a maximum set below a unit's current holders: 409.",
        params: levelParams,
        querystring: wingQuery,
        body: ZPostTemplateBody,
        response: { 200: ZPostTemplate, ...templateErrors },
      },
    },
    async (req) => setPostTemplate(requireCtx(req), req.query.wing, req.params.level, req.body),
  );

  app.delete(
    '/api/v1/post-templates/:level',
    {
      schema: {
        tags,
        description:
          "Drops a wing's own template for the level: its units follow the default again (409 when a current holder's post would not fit it).",
        params: levelParams,
        querystring: z.object({ wing: ZWingKey }),
        response: { 200: ZPostTemplate, ...templateErrors },
      },
    },
    async (req) => resetWingTemplate(requireCtx(req), req.query.wing, req.params.level),
  );

  app.post('/api/v1/tenures', { schema: { tags, body: ZAppointBody, response: { 201: ZTenure, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await appoint(requireCtx(req), req.body)),
  );

  app.post(
    '/api/v1/tenures/:id/end',
    { schema: { tags, params: idParams, body: ZEndBody, response: { 200: ZTenure, ...errors } } },
    async (req) => endTenure(requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/tenures/:id/replace',
    {
      schema: { tags, params: idParams, body: ZReplaceBody, response: { 200: z.object({ ended: ZTenure, started: ZTenure }), ...errors } },
    },
    async (req) => replaceTenure(requireCtx(req), req.params.id, req.body),
  );
};
