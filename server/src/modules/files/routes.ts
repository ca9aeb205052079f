import { ZError, ZId } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { EXTENSIONS } from './image';
import { fileNotFound, loadVisibleFile } from './queries';
import type { TFileStore } from './storage';

const ZBytes = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('the file');

/** The store the app was built with; an app built without one (benchmarks) cannot serve or take files. */
export const requireFileStore = (app: FastifyInstance): TFileStore => {
  if (!app.files) throw new Error('this app was built without a file store (buildApp deps.files)');
  return app.files.store;
};

export const fileRoutes = async (fastify: FastifyInstance) => {
  zod(fastify).get(
    '/api/v1/files/:id',
    {
      schema: {
        tags: ['files'],
        description: 'The bytes of a stored file (a person\'s photo…), to whoever may see the record it belongs to. Never changes: cache it.',
        params: z.object({ id: ZId }),
        response: { 200: ZBytes, 304: z.null().describe('not modified'), 400: ZError, 401: ZError, 404: ZError },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = await loadVisibleFile(ctx, req.params.id);
      const etag = `"${file.sha256}"`;
      // A file id names one content forever (a new photo is a new file), so browsers may keep it;
      // `private` keeps shared caches from holding what only some users may see.
      // Vary: another user's session on the same browser must not be handed this user's cached copy.
      const cacheHeaders = { 'cache-control': 'private, max-age=31536000, immutable', etag, vary: 'cookie' };
      if (req.headers['if-none-match'] === etag) return reply.code(304).headers(cacheHeaders).send(null);
      const bytes = await requireFileStore(req.server).get(file.sha256);
      if (!bytes) {
        req.log.error({ fileId: file.id, sha256: file.sha256 }, 'stored file content is missing');
        throw fileNotFound(file.id);
      }
      reply
        .headers(cacheHeaders)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="file-${file.id}.${file.mime === 'application/pdf' ? 'pdf' : EXTENSIONS[file.mime][0]}"`);
      return reply.type(file.mime).send(bytes);
    },
  );
};
