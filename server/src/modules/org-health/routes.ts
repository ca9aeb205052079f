import {
  ZChildrenHealthQuery,
  ZError,
  ZHealthMap,
  ZHealthMapQuery,
  ZHealthThresholdList,
  ZHealthThresholdPut,
  ZHealthThresholdQuery,
  ZId,
  ZUnitHealth,
  ZUnitHealthPage,
  ZWeakQuery,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { getUnitHealth, healthMap, listChildrenHealth, listWeak } from './queries';
import { scorecardRoutes } from './scorecard-routes';
import { listThresholds, putThresholds } from './thresholds';

const tags = ['org-health'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });

/** Unit health, children's health, weak units in a subtree, thresholds. */
export const orgHealthRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.get('/api/v1/units/:id/health', { schema: { tags, params: idParams, response: { 200: ZUnitHealth, ...errors } } }, async (req) =>
    getUnitHealth(requireCtx(req), req.params.id),
  );

  app.get(
    '/api/v1/units/:id/children/health',
    { schema: { tags, params: idParams, querystring: ZChildrenHealthQuery, response: { 200: ZUnitHealthPage, ...errors } } },
    async (req) => listChildrenHealth(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/units/:id/weak',
    { schema: { tags, params: idParams, querystring: ZWeakQuery, response: { 200: ZUnitHealthPage, ...errors } } },
    async (req) => listWeak(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/units/:id/health/map',
    {
      schema: {
        tags,
        params: idParams,
        querystring: ZHealthMapQuery,
        response: { 200: ZHealthMap, ...errors },
      },
    },
    async (req) => healthMap(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/health/thresholds',
    { schema: { tags, querystring: ZHealthThresholdQuery, response: { 200: ZHealthThresholdList, ...errors } } },
    async (req) => listThresholds(requireCtx(req), req.query.wing ?? null),
  );

  app.put(
    '/api/v1/health/thresholds',
    { schema: { tags, body: ZHealthThresholdPut, response: { 200: ZHealthThresholdList, ...errors } } },
    async (req) => putThresholds(requireCtx(req), req.body),
  );

  await fastify.register(scorecardRoutes);
};
