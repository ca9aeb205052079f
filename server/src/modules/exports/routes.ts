import { ZError, ZId } from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { toCsv, toXlsx } from '../../lib/export';
import { recordAudit } from '../audit/record';
import { buildExport, EXPORT_KINDS } from './tables';

/** The file itself: Fastify sends a Buffer as is, without the JSON serializer. */
const ZFile = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('the CSV or XLSX file');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportRoutes = async (fastify: FastifyInstance) => {
  zod(fastify).get(
    '/api/v1/exports/:kind',
    {
      schema: {
        tags: ['exports'],
        description: 'Download people, current posts, vacancies, or a drive\'s members or leaderboard (with drive=) under a unit as CSV (UTF-8 with BOM) or XLSX. Every export is audited.',
        params: z.object({ kind: z.enum(EXPORT_KINDS) }),
        querystring: z.object({ unit: ZId, drive: ZId.optional(), format: z.enum(['csv', 'xlsx']).default('csv') }),
        response: { 200: ZFile, 400: ZError, 401: ZError, 404: ZError },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const { kind } = req.params;
      const { unit, format, drive } = req.query;
      const table = await buildExport(ctx, kind, unit, drive);
      await recordAudit(ctx.db, ctx, { action: `export.${kind}`, entityType: 'unit', entityId: unit, after: { format, rows: table.rows.length, drive: drive ?? null } });
      const name = `samiti-${kind}-unit-${unit}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'xlsx') return reply.type(XLSX_TYPE).send(await toXlsx(table, kind));
      return reply.type('text/csv; charset=utf-8').send(toCsv(table));
    },
  );
};
