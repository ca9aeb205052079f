import {
  ZError,
  ZHistoryEntry,
  ZId,
  ZLevel,
  ZLevelKey,
  ZName,
  ZScaffoldBody,
  ZSearchText,
  ZScaffoldResult,
  ZPageQuery,
  ZUnit,
  ZUnitCreate,
  ZUnitList,
  ZUnitPatch,
  ZUnitSearchHit,
  ZWing,
  ZWingKey,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { createUnit, deleteUnit, restoreUnit, updateUnit } from './operations';
import { scaffoldUnits } from './scaffold';
import { getRootUnit, getUnit, listAncestors, listChildren, searchUnits, unitHistory } from './queries';
import { createLevel, createWing, listLevels, listWings } from './structure';

const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });
const tags = ['units'];
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const unitRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.get('/api/v1/levels', { schema: { tags, response: { 200: z.object({ items: z.array(ZLevel) }), 401: ZError } } }, async (req) => ({
    items: await listLevels(requireCtx(req)),
  }));

  app.post(
    '/api/v1/levels',
    {
      schema: {
        tags,
        body: z.object({ key: ZLevelKey, rank: z.number().int().min(1).max(1000), name: ZName, nameHi: ZName, geoKind: z.enum(['state', 'pc', 'ac', 'district', 'ps']).nullable().default(null) }),
        response: { 201: ZLevel, ...errors, 409: ZError },
      },
    },
    async (req, reply) => reply.code(201).send(await createLevel(requireCtx(req), req.body)),
  );

  app.get('/api/v1/wings', { schema: { tags, response: { 200: z.object({ items: z.array(ZWing) }), 401: ZError } } }, async (req) => ({
    items: await listWings(requireCtx(req)),
  }));

  app.post(
    '/api/v1/wings',
    { schema: { tags, body: z.object({ key: ZWingKey, name: ZName, nameHi: ZName }), response: { 201: ZWing, ...errors, 409: ZError } } },
    async (req, reply) => reply.code(201).send(await createWing(requireCtx(req), req.body)),
  );

  app.get(
    '/api/v1/units/root',
    { schema: { tags, querystring: z.object({ wing: ZWingKey.default('main') }), response: { 200: ZUnit, ...errors } } },
    async (req) => getRootUnit(requireCtx(req), req.query.wing),
  );

  app.get(
    '/api/v1/units/search',
    {
      schema: {
        tags,
        querystring: z.object({ q: ZSearchText, under: ZId.optional(), level: ZLevelKey.optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ items: z.array(ZUnitSearchHit) }), ...errors },
      },
    },
    async (req) => ({ items: await searchUnits(requireCtx(req), req.query) }),
  );

  app.get('/api/v1/units/:id', { schema: { tags, params: idParams, response: { 200: ZUnit, ...errors } } }, async (req) =>
    getUnit(requireCtx(req), req.params.id),
  );

  app.get(
    '/api/v1/units/:id/children',
    {
      schema: {
        tags,
        params: idParams,
        querystring: ZPageQuery.extend({ q: ZSearchText.optional().or(z.literal('')), includeDeleted: bool.default(false) }),
        response: { 200: ZUnitList, ...errors },
      },
    },
    async (req) => listChildren(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/units/:id/ancestors',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZUnit) }), ...errors } } },
    async (req) => ({ items: await listAncestors(requireCtx(req), req.params.id) }),
  );

  app.get(
    '/api/v1/units/:id/history',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors } } },
    async (req) => ({ items: await unitHistory(requireCtx(req), req.params.id) }),
  );

  app.post('/api/v1/units', { schema: { tags, body: ZUnitCreate, response: { 201: ZUnit, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createUnit(requireCtx(req), req.body)),
  );

  app.patch('/api/v1/units/:id', { schema: { tags, params: idParams, body: ZUnitPatch, response: { 200: ZUnit, ...errors } } }, async (req) =>
    updateUnit(requireCtx(req), req.params.id, req.body),
  );

  app.delete('/api/v1/units/:id', { schema: { tags, params: idParams, response: { 200: ZUnit, ...errors } } }, async (req) =>
    deleteUnit(requireCtx(req), req.params.id),
  );

  app.post('/api/v1/units/:id/restore', { schema: { tags, params: idParams, response: { 200: ZUnit, ...errors } } }, async (req) =>
    restoreUnit(requireCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/units/scaffold',
    { schema: { tags, body: ZScaffoldBody, response: { 200: ZScaffoldResult, ...errors } } },
    async (req) => scaffoldUnits(requireCtx(req), req.body),
  );
};
