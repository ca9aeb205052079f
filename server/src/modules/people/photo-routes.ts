import { DEFAULT_MAX_UPLOAD_BYTES, IMAGE_TYPES, ZError, ZId, ZPerson } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { requireFileStore } from '../files/routes';
import { acceptRawUploads, readImageUpload } from '../files/upload';
import { removePersonPhoto, setPersonPhoto } from './photo';

const tags = ['people'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });
/** Documents the raw body in OpenAPI; the bytes are checked by `readImageUpload`, which gives the clearer errors. */
const ZImageBody = z.custom<unknown>(() => true).describe('the image file itself (JPEG, PNG or WebP)');

/** A person's photo: the image itself is the request body (`content-type: image/jpeg` …), no multipart. */
export const personPhotoRoutes = async (fastify: FastifyInstance) => {
  const maxBytes = fastify.files?.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  acceptRawUploads(fastify, maxBytes);
  const app = zod(fastify);

  app.put(
    '/api/v1/people/:id/photo',
    {
      schema: {
        tags,
        description: `Sets or replaces the person's photo: a JPEG, PNG or WebP image (checked by its bytes) of at most ${Math.round(maxBytes / 1024)} KB as the raw body. Optional \`name\`: the file name, whose extension must match the content.`,
        consumes: [...IMAGE_TYPES],
        params: idParams,
        body: ZImageBody,
        querystring: z.object({ name: z.string().trim().min(1).max(255).optional() }),
        response: { 200: ZPerson, ...errors, 413: ZError, 415: ZError },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      const upload = readImageUpload(req, req.query.name);
      return setPersonPhoto(ctx, requireFileStore(req.server), req.params.id, upload);
    },
  );

  app.delete('/api/v1/people/:id/photo', { schema: { tags, params: idParams, response: { 200: ZPerson, ...errors } } }, async (req) =>
    removePersonPhoto(requireCtx(req), requireFileStore(req.server), req.params.id),
  );
};
