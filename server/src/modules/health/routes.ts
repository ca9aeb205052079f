import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { zod } from '../../http';

export const healthRoutes = async (fastify: FastifyInstance) => {
  zod(fastify).get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async (req) => {
      await sql`select 1`.execute(req.server.db);
      return { status: 'ok' as const, database: req.server.dbKind };
    },
  );
};
