import {
  DEFAULT_MAX_UPLOAD_BYTES,
  IMAGE_TYPES,
  ZCluster,
  ZClusterCreate,
  ZClusterDetail,
  ZClusterListQuery,
  ZClusterPatch,
  ZClusterTarget,
  ZClusterTargets,
  ZClusterTargetsQuery,
  ZError,
  ZHistoryEntry,
  ZId,
  ZInstance,
  ZInstanceBrief,
  ZInstanceListQuery,
  ZInstancePatch,
  ZInstanceReport,
  ZMapQuery,
  ZProgramme,
  ZProgrammeCreate,
  ZProgrammeListQuery,
  ZProgrammePatch,
  ZProgrammeProgress,
  ZProgrammeMap,
  ZProgrammeProgressQuery,
  ZRollout,
  ZRolloutJob,
  ZRolloutResult,
  ZSegment,
  ZSegmentCreate,
  ZUnitRef,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { requireFileStore } from '../files/routes';
import { acceptRawUploads, readImageUpload } from '../files/upload';
import { reportInstance, updateInstance } from './instances';
import {
  changeClusterTargets,
  clusterHistory,
  createCluster,
  deleteCluster,
  getCluster,
  listClusterTargets,
  updateCluster,
} from './clusters';
import { createProgramme, createSegment, updateProgramme } from './operations';
import { addInstancePhoto, MAX_INSTANCE_PHOTOS, removeInstancePhoto } from './photos';
import { programmeProgress, progressMap } from './progress';
import {
  getInstance,
  getProgramme,
  instanceHistory,
  listClusters,
  listInstances,
  listProgrammes,
  listSegments,
  programmeHistory,
} from './queries';
import { getRolloutJob, rollOut } from './rollout';

const tags = ['programmes'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });
const ZProgrammeListItem = z.object({ id: z.number(), name: z.string(), nameHi: z.string(), unit: ZUnitRef, createdAt: z.string() });

export const programmeRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.get(
    '/api/v1/audience-segments',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZSegment) }), ...errors } } },
    async (req) => ({
      items: await listSegments(requireCtx(req)),
    }),
  );
  app.post(
    '/api/v1/audience-segments',
    { schema: { tags, body: ZSegmentCreate, response: { 201: ZSegment, ...errors, 409: ZError } } },
    async (req, reply) => reply.code(201).send(await createSegment(requireCtx(req), req.body)),
  );

  app.post(
    '/api/v1/programmes',
    { schema: { tags, body: ZProgrammeCreate, response: { 201: ZProgramme, ...errors } } },
    async (req, reply) => reply.code(201).send(await createProgramme(requireCtx(req), req.body)),
  );
  app.get(
    '/api/v1/programmes',
    {
      schema: {
        tags,
        querystring: ZProgrammeListQuery,
        response: { 200: z.object({ items: z.array(ZProgrammeListItem), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => listProgrammes(requireCtx(req), req.query),
  );
  app.get('/api/v1/programmes/:id', { schema: { tags, params: idParams, response: { 200: ZProgramme, ...errors } } }, async (req) =>
    getProgramme(requireCtx(req), req.params.id),
  );
  app.patch(
    '/api/v1/programmes/:id',
    { schema: { tags, params: idParams, body: ZProgrammePatch, response: { 200: ZProgramme, ...errors } } },
    async (req) => updateProgramme(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programmes/:id/history',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors } } },
    async (req) => ({ items: await programmeHistory(requireCtx(req), req.params.id) }),
  );
  app.post(
    '/api/v1/programmes/:id/rollout',
    {
      schema: {
        tags,
        description:
          'Creates one instance per PC, AC, unit of a level or listed unit under `underUnitId`. A repeat creates nothing new. A level with more than 5,000 units answers 202 with `job`: built in the background all or nothing; poll GET /api/v1/programme-rollouts/:id.',
        params: idParams,
        body: ZRollout,
        response: { 200: ZRolloutResult, 202: ZRolloutResult, ...errors, 409: ZError, 503: ZError },
      },
    },
    async (req, reply) => {
      const r = await rollOut(requireCtx(req), req.params.id, req.body, { jobs: req.server.jobs });
      return reply.code(r.job ? 202 : 200).send(r);
    },
  );
  app.get(
    '/api/v1/programme-rollouts/:id',
    { schema: { tags, params: idParams, response: { 200: ZRolloutJob, ...errors } } },
    async (req) => getRolloutJob(requireCtx(req), req.params.id),
  );
  app.get(
    '/api/v1/programmes/:id/instances',
    {
      schema: {
        tags,
        params: idParams,
        querystring: ZInstanceListQuery,
        response: { 200: z.object({ items: z.array(ZInstanceBrief), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => listInstances(requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/programmes/:id/progress',
    { schema: { tags, params: idParams, querystring: ZProgrammeProgressQuery, response: { 200: ZProgrammeProgress, ...errors } } },
    async (req) => programmeProgress(requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/programmes/:id/map',
    { schema: { tags, params: idParams, querystring: ZMapQuery, response: { 200: ZProgrammeMap, ...errors } } },
    async (req) => progressMap(requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/programmes/:id/clusters',
    {
      schema: {
        tags,
        params: idParams,
        querystring: ZClusterListQuery,
        response: { 200: z.object({ items: z.array(ZCluster), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => listClusters(requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/programme-clusters/:id',
    { schema: { tags, params: idParams, response: { 200: ZClusterDetail, ...errors } } },
    async (req) => getCluster(requireCtx(req), req.params.id),
  );
  app.patch(
    '/api/v1/programme-clusters/:id',
    { schema: { tags, params: idParams, body: ZClusterPatch, response: { 200: ZClusterDetail, ...errors } } },
    async (req) => updateCluster(requireCtx(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/programme-clusters/:id',
    {
      schema: {
        tags,
        description: 'Deletes a cluster without members (kept on record; its in-charge tenure ends).',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteCluster(requireCtx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/programme-clusters/:id/targets',
    {
      schema: {
        tags,
        params: idParams,
        querystring: ZClusterTargetsQuery,
        response: { 200: z.object({ items: z.array(ZClusterTarget), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => listClusterTargets(requireCtx(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/programme-clusters/:id/targets',
    {
      schema: {
        tags,
        description: 'Adds members (in the area, in no other cluster) and removes members.',
        params: idParams,
        body: ZClusterTargets,
        response: { 200: ZClusterDetail, ...errors },
      },
    },
    async (req) => changeClusterTargets(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programme-clusters/:id/history',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors } } },
    async (req) => ({ items: await clusterHistory(requireCtx(req), req.params.id) }),
  );
  app.post(
    '/api/v1/programmes/:id/clusters',
    { schema: { tags, params: idParams, body: ZClusterCreate, response: { 201: ZCluster, ...errors } } },
    async (req, reply) => reply.code(201).send(await createCluster(requireCtx(req), req.params.id, req.body)),
  );

  app.get('/api/v1/programme-instances/:id', { schema: { tags, params: idParams, response: { 200: ZInstance, ...errors } } }, async (req) =>
    getInstance(requireCtx(req), req.params.id),
  );
  app.patch(
    '/api/v1/programme-instances/:id',
    { schema: { tags, params: idParams, body: ZInstancePatch, response: { 200: ZInstance, ...errors } } },
    async (req) => updateInstance(requireCtx(req), req.params.id, req.body, { jobs: req.server.jobs }),
  );
  app.post(
    '/api/v1/programme-instances/:id/report',
    { schema: { tags, params: idParams, body: ZInstanceReport, response: { 200: ZInstance, ...errors } } },
    async (req) => reportInstance(requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programme-instances/:id/history',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors } } },
    async (req) => ({ items: await instanceHistory(requireCtx(req), req.params.id) }),
  );

  await fastify.register(instancePhotoRoutes);
};

/** Report photos: the image is the raw request body (`content-type: image/jpeg` …), checked by its bytes. */
const instancePhotoRoutes = async (fastify: FastifyInstance) => {
  const maxBytes = fastify.files?.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  acceptRawUploads(fastify, maxBytes);
  const app = zod(fastify);
  app.post(
    '/api/v1/programme-instances/:id/photos',
    {
      schema: {
        tags,
        description: `Adds a photo to the report (at most ${MAX_INSTANCE_PHOTOS}): JPEG, PNG or WebP of at most ${Math.round(maxBytes / 1024)} KB as the raw body; optional \`name\` whose extension must match.`,
        consumes: [...IMAGE_TYPES],
        params: idParams,
        body: z.custom<unknown>(() => true).describe('the image file itself'),
        querystring: z.object({ name: z.string().trim().min(1).max(255).optional() }),
        response: { 200: ZInstance, ...errors, 413: ZError, 415: ZError },
      },
    },
    async (req) => addInstancePhoto(requireCtx(req), requireFileStore(req.server), req.params.id, readImageUpload(req, req.query.name)),
  );
  app.delete(
    '/api/v1/programme-instances/:id/photos/:fileId',
    { schema: { tags, params: z.object({ id: ZId, fileId: ZId }), response: { 200: ZInstance, ...errors } } },
    async (req) => removeInstancePhoto(requireCtx(req), requireFileStore(req.server), req.params.id, req.params.fileId),
  );
};
