import {
  ZError,
  ZId,
  ZReplacement,
  ZReplacementCreate,
  ZReplacementList,
  ZReplacementReject,
  ZScorecardPage,
  ZScorecardQuery,
} from '@samiti/common';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCtx, zod } from '../../http';
import { t } from '../../i18n/messages';
import { toCsv, toXlsx } from '../../lib/export';
import { escapeHtml, printableDocument, renderPdf } from '../../lib/pdf';
import { recordAudit } from '../audit/record';
import { approveReplacement, getReplacement, listReplacements, proposeReplacement, rejectReplacement } from './replacements';
import { listScorecards, scorecardTable } from './scorecards';

const tags = ['org-health'];
const errors = { 400: ZError, 401: ZError, 403: ZError, 404: ZError, 409: ZError };
const idParams = z.object({ id: ZId });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The most rows one export carries; the list on screen pages instead. */
const EXPORT_MAX = 5000;
const ZFileOrPage = z.union([ZScorecardPage, z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('CSV, XLSX or PDF')]);

/** Office-bearer scorecards (with exports) and the replacement workflow. */
export const scorecardRoutes = async (fastify: FastifyInstance) => {
  const app = zod(fastify);

  app.get(
    '/api/v1/scorecards',
    { schema: { tags, querystring: ZScorecardQuery, response: { 200: ZFileOrPage, ...errors } } },
    async (req, reply) => {
      const q = req.query;
      const base = requireCtx(req);
      const ctx = q.lang ? { ...base, locale: q.lang } : base;
      if (q.format === 'json') return listScorecards(ctx, q);
      const page = await listScorecards(ctx, { ...q, cursor: undefined }, undefined, EXPORT_MAX);
      const table = scorecardTable(ctx.locale, page.items);
      await recordAudit(ctx.db, ctx, {
        action: 'export.scorecards',
        entityType: 'unit',
        entityId: q.underUnitId,
        after: { format: q.format, rows: table.rows.length },
      });
      reply.header('content-disposition', `attachment; filename="samiti-scorecards-unit-${q.underUnitId}.${q.format}"`);
      if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table));
      if (q.format === 'xlsx') return reply.type(XLSX_TYPE).send(await toXlsx(table, 'scorecards'));
      const title = t(ctx.locale, 'SCORECARD_TITLE');
      const head = table.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
      const body = table.rows.map((r) => `<tr>${table.columns.map((c) => `<td>${escapeHtml(r[c.key])}</td>`).join('')}</tr>`).join('');
      const html = printableDocument({
        locale: ctx.locale,
        title,
        body: `<h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(page.formula)}</p><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`,
      });
      return reply.type('application/pdf').send(await renderPdf(html, { landscape: true, footerText: title }));
    },
  );

  app.get(
    '/api/v1/replacements',
    {
      schema: {
        tags,
        querystring: z.object({
          underUnitId: ZId,
          status: z.enum(['proposed', 'approved', 'rejected']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(40).optional(),
        }),
        response: { 200: ZReplacementList, ...errors },
      },
    },
    async (req) => listReplacements(requireCtx(req), req.query),
  );

  app.get('/api/v1/replacements/:id', { schema: { tags, params: idParams, response: { 200: ZReplacement, ...errors } } }, async (req) =>
    getReplacement(requireCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/replacements',
    { schema: { tags, body: ZReplacementCreate, response: { 201: ZReplacement, ...errors } } },
    async (req, reply) => reply.code(201).send(await proposeReplacement(requireCtx(req), req.body)),
  );

  app.post(
    '/api/v1/replacements/:id/approve',
    { schema: { tags, params: idParams, response: { 200: ZReplacement, ...errors } } },
    async (req) => approveReplacement(requireCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/replacements/:id/reject',
    { schema: { tags, params: idParams, body: ZReplacementReject, response: { 200: ZReplacement, ...errors } } },
    async (req) => rejectReplacement(requireCtx(req), req.params.id, req.body.reason),
  );
};
