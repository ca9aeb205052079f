import { randomBytes } from 'node:crypto';
import { ROLES, ZError, ZLoginBody, ZMe, ZPatchMe } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors';
import { requireCtx, zod } from '../../http';
import { recordAudit } from '../audit/record';
import { hashPassword, verifyPassword } from './password';
import { createSession, deleteSession, describeMe, loadActor, SESSION_COOKIE } from './queries';
import { createUser } from './users';

const tags = ['auth'];
// Checked against when the username is unknown, so that it costs as much time as a wrong password.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
};

export const authRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.post(
    '/api/v1/auth/login',
    { schema: { tags, body: ZLoginBody, response: { 200: ZMe, 400: ZError, 401: ZError } } },
    async (req, reply) => {
      const { db } = req.server;
      const user = await db
        .selectFrom('app_user')
        .select(['id', 'password_hash'])
        .where((eb) => eb(eb.fn('lower', ['username']), '=', req.body.username.toLowerCase()))
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      const ok = await verifyPassword(user?.password_hash ?? (await getDummyHash()), req.body.password);
      const actor = ok && user ? await loadActor(db, user.id) : null;
      if (!actor) throw new AppError('UNAUTHENTICATED', 'BAD_CREDENTIALS');
      const session = await createSession(db, actor.userId);
      await recordAudit(db, { actor, requestId: req.id }, { action: 'auth.login', entityType: 'user', entityId: actor.userId });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        expires: session.expiresAt,
      });
      return describeMe(db, actor);
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags, response: { 204: z.null(), 401: ZError } } }, async (req, reply) => {
    requireCtx(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      await deleteSession(req.server.db, token);
      req.server.sessions.forgetToken(token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', { schema: { tags, response: { 200: ZMe, 401: ZError } } }, async (req) => {
    const ctx = requireCtx(req);
    return describeMe(ctx.db, ctx.actor);
  });

  app.patch('/api/v1/auth/me', { schema: { tags, body: ZPatchMe, response: { 200: ZMe, 400: ZError, 401: ZError } } }, async (req) => {
    const ctx = requireCtx(req);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({ locale: req.body.locale }).where('id', '=', ctx.actor.userId).execute();
      await recordAudit(trx, ctx, {
        action: 'user.locale',
        entityType: 'user',
        entityId: ctx.actor.userId,
        before: { locale: ctx.actor.locale },
        after: { locale: req.body.locale },
      });
    });
    req.server.sessions.forgetUser(ctx.actor.userId);
    return describeMe(ctx.db, { ...ctx.actor, locale: req.body.locale });
  });

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        body: z.object({
          username: z.string().trim().min(3).max(60).regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, . _ -'),
          password: z.string().min(8).max(200),
          displayName: z.string().trim().min(1).max(200).optional(),
          locale: z.enum(['en', 'hi']).optional(),
          role: z.enum(ROLES),
          unitId: z.number().int().positive().optional(),
          wing: z.string().max(40).optional(),
        }),
        response: {
          201: z.object({ id: z.number(), username: z.string(), role: z.enum(ROLES), unitId: z.number().nullable() }),
          400: ZError,
          401: ZError,
          403: ZError,
          404: ZError,
          409: ZError,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await createUser(requireCtx(req), req.body)),
  );
};

