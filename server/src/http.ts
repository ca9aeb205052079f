import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TCtx } from './context';
import { AppError } from './errors';

export type TApp = FastifyInstance;
export type TZodApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

/** The operation context of an authenticated request; 401 when there is no valid session. */
export const requireCtx = (req: FastifyRequest): TCtx => {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'UNAUTHENTICATED');
  return { db: req.server.db, actor: req.actor, log: req.log, requestId: req.id, locale: req.locale };
};

export const zod = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
