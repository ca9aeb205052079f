import { ZError, ZSearchText, ZGeoAc, ZGeoPc, ZGeoSearchHit, ZGeoShapeKind, ZGeoState } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors';
import { requireCtx, zod } from '../../http';
import { importPollingStations } from './polling-stations';
import { listAcs, listPcs, listStates, searchGeo, stateExists } from './queries';
import { cachedShapes } from './shapes';

const tags = ['geography'];
const ZStateCode = z.string().trim().toUpperCase().regex(/^[SU]\d{2}$/, 'a state code such as S24 or U05');
const ZImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  mergedDuplicates: z.number(),
  errors: z.array(z.object({ line: z.number(), messages: z.array(z.string()) })),
});
const errors = { 400: ZError, 401: ZError, 404: ZError };
/** Sent as prepared bytes (Fastify skips the serializer for a Buffer); the shape is ZGeoShapes in common. */
const ZShapesBody = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('GeoJSON FeatureCollection (ZGeoShapes): properties code, stateCode, name, nameHi');
/** Browsers keep a map for a day, then revalidate with If-None-Match (a 304 while the shipped file is unchanged). */
const SHAPES_CACHE_CONTROL = 'private, max-age=86400';

export const geoRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);
  const checkState = async (db: Parameters<typeof stateExists>[0], code: string) => {
    if (!(await stateExists(db, code))) throw new AppError('NOT_FOUND', 'UNKNOWN_STATE', { params: { code }, field: 'state' });
  };

  app.get('/api/v1/geo/states', { schema: { tags, response: { 200: z.object({ items: z.array(ZGeoState) }), 401: ZError } } }, async (req) => ({
    items: await listStates(requireCtx(req)),
  }));

  app.get(
    '/api/v1/geo/pcs',
    { schema: { tags, querystring: z.object({ state: ZStateCode }), response: { 200: z.object({ items: z.array(ZGeoPc), total: z.number() }), ...errors } } },
    async (req) => {
      const ctx = requireCtx(req);
      await checkState(ctx, req.query.state);
      const items = await listPcs(ctx, req.query.state);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/v1/geo/acs',
    {
      schema: {
        tags,
        querystring: z.object({ state: ZStateCode, pc: z.coerce.number().int().min(1).max(999).optional() }),
        response: { 200: z.object({ items: z.array(ZGeoAc), total: z.number() }), ...errors },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      await checkState(ctx, req.query.state);
      const items = await listAcs(ctx, req.query.state, req.query.pc);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/v1/geo/search',
    {
      schema: {
        tags,
        querystring: z.object({ q: ZSearchText, limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ items: z.array(ZGeoSearchHit) }), ...errors },
      },
    },
    async (req) => ({ items: await searchGeo(requireCtx(req), req.query.q, req.query.limit) }),
  );

  app.get(
    '/api/v1/geo/shapes/:kind',
    {
      schema: {
        tags,
        description:
          'Map shapes of Lok Sabha constituencies (pc), assembly constituencies (ac) or states (state), nationally or of one state. ' +
          'Coordinates have 4 decimals. Gzipped when the client accepts it; ETag and If-None-Match give a 304.',
        params: z.object({ kind: ZGeoShapeKind }),
        querystring: z.object({ state: ZStateCode.optional() }),
        response: { 200: ZShapesBody, 304: z.undefined().describe('not modified'), ...errors },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const state = req.query.state ?? null;
      if (state !== null) await checkState(ctx, state);
      const shapes = await cachedShapes(ctx.db, req.params.kind, state);
      reply.header('etag', shapes.etag).header('cache-control', SHAPES_CACHE_CONTROL).header('vary', 'Accept-Encoding');
      const match = req.headers['if-none-match'];
      if (match?.split(',').some((t) => t.trim() === shapes.etag)) return reply.code(304).send();
      reply.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(shapes.gzip);
      return reply.send(shapes.json);
    },
  );

  // CSV upload: the raw file is the body (Content-Type text/csv), up to 30 MB (about 2 lakh rows).
  fastify.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 30 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/api/v1/geo/polling-stations/import',
    {
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags,
        description: 'Import polling stations from a UTF-8 CSV sent as the body (state, ac, part, name[, lat, lon]); all or nothing.',
        querystring: z.object({ state: ZStateCode.optional(), dryRun: z.enum(['true', 'false']).default('false') }),
        response: { 200: ZImportReport, ...errors, 400: ZError.extend({ report: ZImportReport.optional() }), 403: ZError, 413: ZError, 415: ZError },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_MEDIA');
      const report = await importPollingStations(ctx, req.body, { defaultState: req.query.state, dryRun: req.query.dryRun === 'true' });
      if (report.errors.length) {
        throw new AppError('VALIDATION', 'CSV_ROWS_INVALID', { field: 'file', params: { count: report.errors.length }, extra: { report } });
      }
      return reply.send(report);
    },
  );
};
