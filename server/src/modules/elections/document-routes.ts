import { DEFAULT_MAX_UPLOAD_BYTES, ZAspirantDocument, ZAspirantDocumentList, ZError, ZId } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { requireFileStore } from '../files/routes';
import { acceptRawUploads, readDocumentUpload } from '../files/upload';
import { addAspirantDocument, listAspirantDocuments, MAX_ASPIRANT_DOCUMENTS, removeAspirantDocument } from './documents';

const tags = ['elections'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };

/** The upload is a raw-body route: its own plugin, since it replaces the body parsers. */
const uploadRoutes = async (fastify: FastifyInstance) => {
  acceptRawUploads(fastify, fastify.files?.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
  zod(fastify).post(
    '/api/v1/aspirants/:id/documents',
    {
      schema: {
        tags,
        description: `Adds a document to an aspirant: a PDF, JPEG, PNG or WebP as the raw body, checked by its bytes; \`name\` is the file's name (its extension must match). At most ${MAX_ASPIRANT_DOCUMENTS}; data entry and above over the seat.`,
        consumes: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
        params: z.object({ id: ZId }),
        body: z.custom<unknown>(() => true).describe('the file itself'),
        querystring: z.object({ name: z.string().trim().min(1).max(255), label: z.string().trim().min(1).max(120).optional() }),
        response: { 201: ZAspirantDocument, ...errors, 413: ZError, 415: ZError },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await addAspirantDocument(
            requireCtx(req),
            requireFileStore(req.server),
            req.params.id,
            readDocumentUpload(req, req.query.name),
            req.query,
          ),
        ),
  );
};

export const documentRoutes = async (fastify: FastifyInstance) => {
  await fastify.register(uploadRoutes);
  const app = zod(fastify);
  app.get(
    '/api/v1/aspirants/:id/documents',
    {
      schema: {
        tags,
        description: "An aspirant's documents (download each through GET /api/v1/files/:fileId), paged.",
        params: z.object({ id: ZId }),
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().max(20).optional() }),
        response: { 200: ZAspirantDocumentList, ...errors },
      },
    },
    async (req) => listAspirantDocuments(requireCtx(req), req.params.id, req.query),
  );
  app.delete(
    '/api/v1/aspirants/:id/documents/:documentId',
    {
      schema: {
        tags,
        description: 'Removes a document (soft: the record and its audit stay; the file is no longer served).',
        params: z.object({ id: ZId, documentId: ZId }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await removeAspirantDocument(requireCtx(req), requireFileStore(req.server), req.params.id, req.params.documentId);
      return reply.code(204).send(null);
    },
  );
};
