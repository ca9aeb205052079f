import {
  ZError,
  ZHistoryEntry,
  ZId,
  ZMeeting,
  ZMeetingAttendance,
  ZMeetingAttendanceBody,
  ZMeetingCreate,
  ZMeetingInviteeSpec,
  ZMeetingList,
  ZMeetingListQuery,
  ZMeetingMinutesBody,
  ZMeetingPatch,
  ZMeetingPdfQuery,
  ZMeetingResolution,
  ZMeetingResolutionCreate,
  ZMeetingResolutionList,
  ZMeetingResolutionPatch,
  ZMeetingResolutionWithdraw,
  ZMeetingStatusMove,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { getAttendance, recordAttendance } from './attendance';
import { meetingPdf, type TMeetingDocument } from './documents';
import { updateInvitees } from './invitees';
import { createMeeting, moveMeetingStatus, setMinutes, updateMeeting } from './operations';
import { getMeeting, listUnitMeetings, meetingHistory } from './queries';
import { addResolution, editResolution, listResolutions, withdrawResolution } from './resolutions';

const tags = ['meetings'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError };
const idParams = z.object({ id: ZId });
const resParams = z.object({ id: ZId, rid: ZId });
/** The file itself: Fastify sends a Buffer as is, without the JSON serializer. */
const ZPdf = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('the PDF');

export const meetingRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.post('/api/v1/meetings', { schema: { tags, body: ZMeetingCreate, response: { 201: ZMeeting, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createMeeting(requireCtx(req), req.body)),
  );

  app.get(
    '/api/v1/units/:id/meetings',
    { schema: { tags, params: idParams, querystring: ZMeetingListQuery, response: { 200: ZMeetingList, ...errors } } },
    async (req) => listUnitMeetings(requireCtx(req), req.params.id, req.query),
  );

  app.get('/api/v1/meetings/:id', { schema: { tags, params: idParams, response: { 200: ZMeeting, ...errors } } }, async (req) =>
    getMeeting(requireCtx(req), req.params.id),
  );

  app.patch('/api/v1/meetings/:id', { schema: { tags, params: idParams, body: ZMeetingPatch, response: { 200: ZMeeting, ...errors } } }, async (req) =>
    updateMeeting(requireCtx(req), req.params.id, req.body),
  );

  app.put(
    '/api/v1/meetings/:id/invitees',
    { schema: { tags, description: 'Rebuild the invitee list of a planned meeting from rules and individuals.', params: idParams, body: ZMeetingInviteeSpec, response: { 200: ZMeeting, ...errors } } },
    async (req) => updateInvitees(requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/meetings/:id/status',
    { schema: { tags, params: idParams, body: ZMeetingStatusMove, response: { 200: ZMeeting, ...errors } } },
    async (req) => moveMeetingStatus(requireCtx(req), req.params.id, req.body),
  );

  app.put('/api/v1/meetings/:id/minutes', { schema: { tags, params: idParams, body: ZMeetingMinutesBody, response: { 200: ZMeeting, ...errors } } }, async (req) =>
    setMinutes(requireCtx(req), req.params.id, req.body),
  );

  app.get('/api/v1/meetings/:id/attendance', { schema: { tags, params: idParams, response: { 200: ZMeetingAttendance, ...errors } } }, async (req) =>
    getAttendance(requireCtx(req), req.params.id),
  );

  app.put(
    '/api/v1/meetings/:id/attendance',
    { schema: { tags, params: idParams, body: ZMeetingAttendanceBody, response: { 200: ZMeetingAttendance, ...errors, 409: ZError } } },
    async (req) => recordAttendance(requireCtx(req), req.params.id, req.body),
  );

  app.get('/api/v1/meetings/:id/resolutions', { schema: { tags, params: idParams, response: { 200: ZMeetingResolutionList, ...errors } } }, async (req) =>
    listResolutions(requireCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/meetings/:id/resolutions',
    { schema: { tags, params: idParams, body: ZMeetingResolutionCreate, response: { 201: ZMeetingResolution, ...errors } } },
    async (req, reply) => reply.code(201).send(await addResolution(requireCtx(req), req.params.id, req.body.text)),
  );

  app.patch(
    '/api/v1/meetings/:id/resolutions/:rid',
    { schema: { tags, params: resParams, body: ZMeetingResolutionPatch, response: { 200: ZMeetingResolution, ...errors } } },
    async (req) => editResolution(requireCtx(req), req.params.id, req.params.rid, req.body.text),
  );

  app.post(
    '/api/v1/meetings/:id/resolutions/:rid/withdraw',
    { schema: { tags, params: resParams, body: ZMeetingResolutionWithdraw, response: { 200: ZMeetingResolution, ...errors } } },
    async (req) => withdrawResolution(requireCtx(req), req.params.id, req.params.rid, req.body.reason),
  );

  app.get(
    '/api/v1/meetings/:id/history',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ZHistoryEntry) }), ...errors } } },
    async (req) => ({ items: await meetingHistory(requireCtx(req), req.params.id) }),
  );

  for (const kind of ['attendance-sheet', 'minutes'] as const satisfies readonly TMeetingDocument[]) {
    app.get(
      `/api/v1/meetings/:id/${kind}.pdf`,
      { schema: { tags, params: idParams, querystring: ZMeetingPdfQuery, response: { 200: ZPdf, ...errors, 503: ZError } } },
      async (req, reply) => {
        const ctx = requireCtx(req);
        const pdf = await meetingPdf(ctx, req.params.id, kind, req.query.lang ?? ctx.actor.locale);
        reply.header('content-disposition', `inline; filename="meeting-${req.params.id}-${kind}.pdf"`);
        return reply.type('application/pdf').send(pdf);
      },
    );
  }
};
