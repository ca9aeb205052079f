import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { DEFAULT_MAX_UPLOAD_BYTES, type TLocale } from '@samiti/common';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { TActor } from './context';
import type { TJobs } from './jobs';
import type { TDatabaseKind } from './db/connect';
import type { DB } from './db/types';
import { errorHandler, notFoundHandler } from './error-handler';
import { pickLocale } from './i18n/messages';
import { authRoutes } from './modules/auth/routes';
import { SESSION_COOKIE } from './modules/auth/queries';
import { createSessionCache, type TSessionCache } from './modules/auth/session-cache';
import { directiveRoutes } from './modules/directives/routes';
import { circularRoutes } from './modules/directives/circular-routes';
import { notificationRoutes } from './modules/notifications/routes';
import { geoRoutes } from './modules/geo/routes';
import { electionRoutes } from './modules/elections/routes';
import { exportRoutes } from './modules/exports/routes';
import { fileRoutes } from './modules/files/routes';
import type { TFileStore } from './modules/files/storage';
import { healthRoutes } from './modules/health/routes';
import { meetingRoutes } from './modules/meetings/routes';
import { orgHealthRoutes } from './modules/org-health/routes';
import { membershipRoutes } from './modules/membership/routes';
import { importRoutes } from './modules/imports/routes';
import { peopleRoutes } from './modules/people/routes';
import { postRoutes } from './modules/posts/routes';
import { programmeRoutes } from './modules/programmes/routes';
import { tourRoutes } from './modules/tours/routes';
import { trainingRoutes } from './modules/training/routes';
import { unitRoutes } from './modules/units/routes';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>;
    dbKind: TDatabaseKind;
    jobs: TJobs | null;
    sessions: TSessionCache;
    files: { store: TFileStore; maxBytes: number } | null;
  }
  interface FastifyRequest {
    actor: TActor | null;
    locale: TLocale;
  }
}

export type TAppDeps = {
  db: Kysely<DB>;
  dbKind: TDatabaseKind;
  /** The background job queue; without it, imports can be checked (dry run) but not run. */
  jobs?: TJobs;
  /** Folder of the built web app to serve at `/`; omitted in API tests. */
  webDist?: string;
  /** Where uploaded files (photos) are kept, and the largest upload (default 5 MB); without it no file can be stored or served. */
  files?: { store: TFileStore; maxBytes?: number };
  logger?: FastifyServerOptions['logger'];
};

/** Builds the HTTP app: plugins first, then each module's routes. */
export const buildApp = async (deps: TAppDeps) => {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
  });
  app.decorate('db', deps.db);
  app.decorate('dbKind', deps.dbKind);
  app.decorate('jobs', deps.jobs ?? null);
  app.decorate('sessions', createSessionCache(deps.db));
  app.decorate('files', deps.files ? { store: deps.files.store, maxBytes: deps.files.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES } : null);
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'en');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Samiti API', version: '1', description: 'The organisation, from national headquarters to the booth.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // Only the API needs the actor; the web app's files are served without touching the database.
    const token = req.url.startsWith('/api/') ? req.cookies[SESSION_COOKIE] : undefined;
    req.actor = token ? await app.sessions.resolve(token) : null;
    req.locale = pickLocale(req.headers['accept-language'], req.actor?.locale);
  });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(geoRoutes);
  await app.register(unitRoutes);
  await app.register(peopleRoutes);
  await app.register(postRoutes);
  await app.register(membershipRoutes);
  await app.register(meetingRoutes);
  await app.register(directiveRoutes);
  await app.register(circularRoutes);
  await app.register(notificationRoutes);
  await app.register(importRoutes);
  await app.register(exportRoutes);
  await app.register(electionRoutes);
  await app.register(fileRoutes);
  await app.register(trainingRoutes);
  await app.register(tourRoutes);
  await app.register(orgHealthRoutes);
  await app.register(programmeRoutes);

  if (deps.webDist && fs.existsSync(deps.webDist)) {
    await app.register(fastifyStatic, { root: deps.webDist, wildcard: false });
    // Client-side routes (/units/12, /geo/S24) get the app shell; unknown /api paths stay 404.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return notFoundHandler(req, reply);
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
};
