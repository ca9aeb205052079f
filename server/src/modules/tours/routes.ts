import {
  ZCalendar,
  ZCalendarQuery,
  ZConflictError,
  ZError,
  ZHistoryEntry,
  ZId,
  ZStop,
  ZStopCreate,
  ZStopPatch,
  ZStopProgrammeCreate,
  ZStopProgrammeInstanceList,
  ZInstanceTourStop,
  ZStopReportBody,
  ZTour,
  ZTourCreate,
  ZTourDetail,
  ZTourList,
  ZTourPatch,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { itineraryIcs, itineraryPdf } from './documents';
import { addStop, createTour, reportStop, updateStop, updateTour } from './operations';
import { stopPhotoRoutes } from './photo-routes';
import { createStopInstance, listInstanceTourStops, listStopInstanceOptions } from './programme-link';
import { getTour, leaderCalendar, listTours, stopHistory, tourHistory, unitCalendar } from './queries';

const tags = ['tours'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });
const history = { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors };
const ZPdf = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('the PDF');
const ZLangQuery = z.object({ lang: z.enum(['hi', 'en']).optional() });

export const tourRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.post('/api/v1/tours', { schema: { tags, body: ZTourCreate, response: { 201: ZTour, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createTour(requireCtx(req), req.body)),
  );

  app.get(
    '/api/v1/tours',
    {
      schema: {
        tags,
        querystring: z.object({
          unit: ZId.optional(),
          leader: ZId.optional(),
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(30).optional(),
        }),
        response: { 200: ZTourList, ...errors },
      },
    },
    async (req) => listTours(requireCtx(req), req.query),
  );

  app.get('/api/v1/tours/:id', { schema: { tags, params: idParams, response: { 200: ZTourDetail, ...errors } } }, async (req) =>
    getTour(requireCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/tours/:id',
    { schema: { tags, params: idParams, body: ZTourPatch, response: { 200: ZTour, ...errors } } },
    async (req) => updateTour(requireCtx(req), req.params.id, req.body),
  );

  app.get('/api/v1/tours/:id/history', { schema: { tags, params: idParams, response: history } }, async (req) => ({
    items: await tourHistory(requireCtx(req), req.params.id),
  }));

  app.post(
    '/api/v1/tours/:id/stops',
    {
      schema: {
        tags,
        description:
          "Adds a stop. Clashes with the leader's other stops are a 409 listing them, unless `confirm: true` (then they are stored with the stop).",
        params: idParams,
        body: ZStopCreate,
        response: { 201: ZStop, ...errors, 409: ZConflictError },
      },
    },
    async (req, reply) => reply.code(201).send(await addStop(requireCtx(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/tour-stops/:id',
    { schema: { tags, params: idParams, body: ZStopPatch, response: { 200: ZStop, ...errors, 409: ZConflictError } } },
    async (req) => updateStop(requireCtx(req), req.params.id, req.body),
  );

  app.get('/api/v1/tour-stops/:id/history', { schema: { tags, params: idParams, response: history } }, async (req) => ({
    items: await stopHistory(requireCtx(req), req.params.id),
  }));

  app.post(
    '/api/v1/tour-stops/:id/report',
    { schema: { tags, params: idParams, body: ZStopReportBody, response: { 200: ZStop, ...errors } } },
    async (req) => reportStop(requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/tour-stops/programme-instances',
    {
      schema: {
        tags,
        description:
          'Programme instances a stop at `unit` may visit: at the unit, above it on its chain, or below it; live ones, newest first.',
        querystring: z.object({
          unit: ZId,
          limit: z.coerce.number().int().min(1).max(100).default(30),
          cursor: z.string().max(30).optional(),
        }),
        response: { 200: ZStopProgrammeInstanceList, ...errors },
      },
    },
    async (req) => listStopInstanceOptions(requireCtx(req), req.query),
  );

  app.post(
    '/api/v1/tour-stops/:id/programme-instance',
    {
      schema: {
        tags,
        description:
          "Creates the programme phase's instance for the stop's unit (a one-unit roll-out; an existing one is reused) and links it to the stop.",
        params: idParams,
        body: ZStopProgrammeCreate,
        response: { 200: ZStop, ...errors, 409: ZError },
      },
    },
    async (req) => createStopInstance(requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/programme-instances/:id/tour-stops',
    {
      schema: {
        tags,
        description: 'The tour stops that visit a programme instance.',
        params: idParams,
        response: { 200: z.object({ items: z.array(ZInstanceTourStop) }), ...errors },
      },
    },
    async (req) => ({ items: await listInstanceTourStops(requireCtx(req), req.params.id) }),
  );

  app.get(
    '/api/v1/units/:id/tours',
    {
      schema: {
        tags,
        description: 'Who is visiting this unit (or below it) between two dates.',
        params: idParams,
        querystring: ZCalendarQuery,
        response: { 200: ZCalendar, ...errors },
      },
    },
    async (req) => unitCalendar(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/people/:id/tours',
    {
      schema: {
        tags,
        description: "A leader's stops between two dates.",
        params: idParams,
        querystring: ZCalendarQuery,
        response: { 200: ZCalendar, ...errors },
      },
    },
    async (req) => leaderCalendar(requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/tours/:id/itinerary.pdf',
    { schema: { tags, params: idParams, querystring: ZLangQuery, response: { 200: ZPdf, ...errors, 503: ZError } } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const pdf = await itineraryPdf(ctx, req.params.id, req.query.lang ?? ctx.locale);
      reply.header('content-disposition', `inline; filename="tour-${req.params.id}.pdf"`);
      return reply.type('application/pdf').send(pdf);
    },
  );

  app.get(
    '/api/v1/tours/:id/itinerary.ics',
    { schema: { tags, params: idParams, querystring: ZLangQuery, response: { 200: z.string(), ...errors } } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const ics = await itineraryIcs(ctx, req.params.id, req.query.lang ?? ctx.locale);
      reply.header('content-disposition', `attachment; filename="tour-${req.params.id}.ics"`);
      return reply.type('text/calendar; charset=utf-8').send(ics);
    },
  );

  // Its own plugin: raw image bodies are accepted there only.
  await fastify.register(stopPhotoRoutes);
};
