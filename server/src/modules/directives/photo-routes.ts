import { DEFAULT_MAX_UPLOAD_BYTES, IMAGE_TYPES, ZAssignment, ZError, ZId } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { requireFileStore } from '../files/routes';
import { acceptRawUploads, readImageUpload } from '../files/upload';
import { addAssignmentPhoto, MAX_ASSIGNMENT_PHOTOS, removeAssignmentPhoto } from './photos';

const tags = ['directives'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
/** Documents the raw body in OpenAPI; `readImageUpload` checks the bytes and gives the clearer errors. */
const ZImageBody = z.custom<unknown>(() => true).describe('the image file itself (JPEG, PNG or WebP)');

/** Photos of an assignment's report: the image is the request body, no multipart. Its own plugin: it takes raw bodies. */
export const assignmentPhotoRoutes = async (fastify: FastifyInstance) => {
  const maxBytes = fastify.files?.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  acceptRawUploads(fastify, maxBytes);
  const app = zod(fastify);
  app.post(
    '/api/v1/assignments/:id/photos',
    {
      schema: {
        tags,
        description: `Adds a photo to the report of an open assignment (at most ${MAX_ASSIGNMENT_PHOTOS}), by its addressee: a JPEG, PNG or WebP as the raw body.`,
        consumes: [...IMAGE_TYPES],
        params: z.object({ id: ZId }),
        body: ZImageBody,
        querystring: z.object({ name: z.string().trim().min(1).max(255).optional() }),
        response: { 200: ZAssignment, ...errors, 413: ZError, 415: ZError },
      },
    },
    async (req) => addAssignmentPhoto(requireCtx(req), requireFileStore(req.server), req.params.id, readImageUpload(req, req.query.name)),
  );
  app.delete(
    '/api/v1/assignments/:id/photos/:fileId',
    { schema: { tags, params: z.object({ id: ZId, fileId: ZId }), response: { 200: ZAssignment, ...errors } } },
    async (req) => removeAssignmentPhoto(requireCtx(req), requireFileStore(req.server), req.params.id, req.params.fileId),
  );
};
