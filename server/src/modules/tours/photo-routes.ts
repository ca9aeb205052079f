import { DEFAULT_MAX_UPLOAD_BYTES, IMAGE_TYPES, ZError, ZId, ZStop } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { requireFileStore } from '../files/routes';
import { acceptRawUploads, readImageUpload } from '../files/upload';
import { MAX_STOP_PHOTOS, addStopPhoto, removeStopPhoto } from './photos';

const tags = ['tours'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
/** Documents the raw body in OpenAPI; `readImageUpload` checks the bytes and gives the clearer errors. */
const ZImageBody = z.custom<unknown>(() => true).describe('the image file itself (JPEG, PNG or WebP)');

/** Photos of a stop report: the image is the request body (`content-type: image/jpeg` …), no multipart. */
export const stopPhotoRoutes = async (fastify: FastifyInstance) => {
  const maxBytes = fastify.files?.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  acceptRawUploads(fastify, maxBytes);
  const app = zod(fastify);

  app.post(
    '/api/v1/tour-stops/:id/photos',
    {
      schema: {
        tags,
        description: `Adds a photo to the stop's report (at most ${MAX_STOP_PHOTOS}): a JPEG, PNG or WebP of at most ${Math.round(maxBytes / 1024)} KB as the raw body. Optional \`name\`: the file name, whose extension must match the content.`,
        consumes: [...IMAGE_TYPES],
        params: z.object({ id: ZId }),
        body: ZImageBody,
        querystring: z.object({ name: z.string().trim().min(1).max(255).optional() }),
        response: { 200: ZStop, ...errors, 413: ZError, 415: ZError },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      return addStopPhoto(ctx, requireFileStore(req.server), req.params.id, readImageUpload(req, req.query.name));
    },
  );

  app.delete(
    '/api/v1/tour-stops/:id/photos/:fileId',
    { schema: { tags, params: z.object({ id: ZId, fileId: ZId }), response: { 200: ZStop, ...errors } } },
    async (req) => removeStopPhoto(requireCtx(req), requireFileStore(req.server), req.params.id, req.params.fileId),
  );
};
