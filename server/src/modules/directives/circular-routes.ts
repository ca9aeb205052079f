import { DEFAULT_MAX_UPLOAD_BYTES, IMAGE_TYPES, RECEIPT_STATUSES, ZCircular, ZCircularCreate, ZCircularList, ZError, ZId, ZRollup } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { inJurisdiction, pathRangeEnd, roleAt } from '../auth/policy';
import { loadVisibleUnit } from '../units/queries';
import { requireFileStore } from '../files/routes';
import { acceptRawUploads, readDocumentUpload } from '../files/upload';
import { addCircularAttachment, MAX_CIRCULAR_ATTACHMENTS } from './circular-files';
import { acknowledgeCircular, createCircular, getCircular, listUnitCirculars, loadVisibleCircular } from './circulars';
import { decodeIdCursor } from './dto';
import { rollupView } from './rollup-view';

const tags = ['circulars'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });
const page = { limit: z.coerce.number().int().min(1).max(500).default(50), cursor: z.string().max(300).optional() };
const ZReceipt = z.object({
  id: z.number(),
  unit: z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string() }),
  status: z.enum(RECEIPT_STATUSES),
  receivedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});

/** Attachments are raw-body uploads: their own plugin, since it replaces the body parsers. */
const attachmentRoutes = async (fastify: FastifyInstance) => {
  const maxBytes = fastify.files?.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  acceptRawUploads(fastify, maxBytes);
  zod(fastify).post(
    '/api/v1/circulars/:id/attachments',
    {
      schema: {
        tags,
        description: `Attaches an image (JPEG, PNG or WebP, the raw body) to a circular, at most ${MAX_CIRCULAR_ATTACHMENTS}; office bearers of the sending unit.`,
        consumes: [...IMAGE_TYPES],
        params: idParams,
        body: z.custom<unknown>(() => true).describe('the image file itself'),
        querystring: z.object({ name: z.string().trim().min(1).max(255).optional() }),
        response: { 200: ZCircular, ...errors, 413: ZError, 415: ZError },
      },
    },
    async (req) => addCircularAttachment(requireCtx(req), requireFileStore(req.server), req.params.id, readDocumentUpload(req, req.query.name)),
  );
};

export const circularRoutes = async (fastify: FastifyInstance) => {
  await fastify.register(attachmentRoutes);
  const app = zod(fastify);

  app.post('/api/v1/circulars', { schema: { tags, body: ZCircularCreate, response: { 201: ZCircular, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createCircular(requireCtx(req), req.body)),
  );

  app.get(
    '/api/v1/circulars/:id',
    { schema: { tags, description: 'Opening a circular marks it received for the units the reader answers for.', params: idParams, response: { 200: ZCircular, ...errors } } },
    async (req) => getCircular(requireCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/circulars/:id/acknowledge',
    { schema: { tags, params: idParams, body: z.object({ unitId: z.number().int().positive() }), response: { 200: ZCircular, ...errors } } },
    async (req) => acknowledgeCircular(requireCtx(req), req.params.id, req.body.unitId),
  );

  app.get(
    '/api/v1/circulars/:id/rollup',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ unitId: ZId.optional(), limit: z.coerce.number().int().min(1).max(1000).default(500), cursor: page.cursor }),
        response: { 200: ZRollup, ...errors },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      const c = await loadVisibleCircular(ctx, req.params.id);
      return rollupView(ctx, { subject: 'circular', subjectId: c.id, issuerId: c.unit_id, issuerPath: c.path, isPastDue: false }, req.query);
    },
  );

  app.get(
    '/api/v1/circulars/:id/receipts',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ unitId: ZId.optional(), status: z.enum(RECEIPT_STATUSES).optional(), ...page }),
        response: { 200: z.object({ items: z.array(ZReceipt), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      const c = await loadVisibleCircular(ctx, req.params.id);
      let qb = ctx.db
        .selectFrom('circular_receipt as r')
        .innerJoin('unit as u', 'u.id', 'r.unit_id')
        .select(['r.id', 'r.unit_id', 'r.status', 'r.received_at', 'r.acknowledged_at', 'u.name', 'u.name_hi', 'u.level'])
        .where('r.circular_id', '=', c.id);
      if (roleAt(ctx.actor, c.path) === null) qb = qb.where(inJurisdiction(ctx.actor, 'u.path'));
      if (req.query.unitId !== undefined) {
        const under = await loadVisibleUnit(ctx, req.query.unitId);
        qb = qb.where('u.path', '>=', under.path).where('u.path', '<', pathRangeEnd(under.path));
      }
      if (req.query.status) qb = qb.where('r.status', '=', req.query.status);
      if (req.query.cursor) qb = qb.where('r.id', '>', decodeIdCursor(req.query.cursor));
      const rows = await qb.orderBy('r.id').limit(req.query.limit + 1).execute();
      const items = rows.slice(0, req.query.limit);
      return {
        items: items.map((r) => ({
          id: r.id,
          unit: { id: r.unit_id, name: r.name, nameHi: r.name_hi, level: r.level },
          status: r.status,
          receivedAt: r.received_at ? new Date(r.received_at).toISOString() : null,
          acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
        })),
        nextCursor: rows.length > req.query.limit ? String(items.at(-1)?.id) : null,
      };
    },
  );

  app.get(
    '/api/v1/units/:id/circulars',
    { schema: { tags, params: idParams, querystring: z.object({ scope: z.enum(['sent', 'received']).default('received'), ...page }), response: { 200: ZCircularList, ...errors } } },
    async (req) => listUnitCirculars(requireCtx(req), req.params.id, req.query),
  );
};
