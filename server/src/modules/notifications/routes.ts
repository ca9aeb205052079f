import { ZError, ZId, ZNotificationList } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { listNotifications, markRead, unreadCount } from './queries';

const tags = ['notifications'];
const ZMarked = z.object({ marked: z.number(), unread: z.number() });

export const notificationRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        querystring: z.object({
          unread: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(30),
          cursor: z.string().max(30).optional(),
        }),
        response: { 200: ZNotificationList, 400: ZError, 401: ZError },
      },
    },
    async (req) => listNotifications(requireCtx(req), req.query),
  );

  app.get(
    '/api/v1/me/notifications/unread-count',
    { schema: { tags, description: 'For the bell in the header.', response: { 200: z.object({ unread: z.number() }), 401: ZError } } },
    async (req) => ({ unread: await unreadCount(requireCtx(req)) }),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, params: z.object({ id: ZId }), response: { 200: ZMarked, 400: ZError, 401: ZError, 404: ZError } } },
    async (req) => markRead(requireCtx(req), req.params.id),
  );

  app.post('/api/v1/me/notifications/read-all', { schema: { tags, response: { 200: ZMarked, 401: ZError } } }, async (req) =>
    markRead(requireCtx(req), null),
  );
};
