import type { TLocale } from '@samiti/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type TErrorCode } from './errors';
import { type TMessageKey, type TParams, t } from './i18n/messages';

type TIssue = { code?: string; path?: PropertyKey[]; message?: string; minimum?: unknown; maximum?: unknown; origin?: string; expected?: unknown; values?: unknown[]; keys?: string[]; format?: string; input?: unknown };

const reasonOf = (locale: TLocale, issue: TIssue): string => {
  const r = (key: TMessageKey, params?: TParams) => t(locale, key, params);
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message ?? '') ? r('V_REQUIRED') : r('V_TYPE', { expected: String(issue.expected) });
    case 'too_small':
      return issue.origin === 'string' ? r('V_TOO_SHORT', { min: String(issue.minimum) }) : r('V_TOO_SMALL', { min: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? r('V_TOO_LONG', { max: String(issue.maximum) }) : r('V_TOO_BIG', { max: String(issue.maximum) });
    case 'invalid_value':
    case 'invalid_enum_value':
      return r('V_ONE_OF', { values: (issue.values ?? []).map(String).join(', ') });
    case 'invalid_format':
    case 'invalid_string':
      return r('V_FORMAT', { detail: issue.message ?? issue.format ?? '' });
    case 'unrecognized_keys':
      return r('V_UNKNOWN_KEYS', { keys: (issue.keys ?? []).join(', ') });
    default:
      return issue.message && /^[\x20-\x7e]+$/.test(issue.message) && locale === 'en' ? issue.message : r('V_INVALID');
  }
};

const send = (req: FastifyRequest, reply: FastifyReply, code: TErrorCode, status: number, message: string, extra: Record<string, unknown> = {}) =>
  reply.code(status).send({ error: code, message, requestId: req.id, ...extra });

/** The one place errors become responses: `{ error, message, requestId, field? }`, message in the user's language. */
export const errorHandler = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  const locale = req.locale ?? 'en';
  if (err instanceof AppError) {
    return send(req, reply, err.code, err.status, err.render(locale), { ...(err.field ? { field: err.field } : {}), ...err.extra });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0];
    const issue: TIssue = { ...(first?.params as TIssue | undefined), code: first?.keyword, message: first?.message };
    const where = err.validationContext === 'body' ? '' : `${err.validationContext ?? ''}.`;
    const path = (first?.instancePath ?? '').split('/').filter(Boolean).join('.');
    const field = path ? `${where}${path}` : (err.validationContext ?? 'body');
    const message = t(locale, 'VALIDATION', { field, reason: reasonOf(locale, issue) });
    return send(req, reply, 'VALIDATION', 400, message, { field });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(req, reply, 'PAYLOAD_TOO_LARGE', 413, t(locale, 'PAYLOAD_TOO_LARGE'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(req, reply, 'UNSUPPORTED_MEDIA_TYPE', 415, t(locale, 'UNSUPPORTED_MEDIA'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(req, reply, 'VALIDATION', 400, t(locale, 'BAD_JSON'), { field: 'body' });
  }
  if (err instanceof SyntaxError || err.statusCode === 400) {
    return send(req, reply, 'VALIDATION', 400, t(locale, 'BAD_JSON'), { field: 'body' });
  }
  if ((err as { code?: string }).code === '23505') {
    // A unique index caught a race the operation's own check missed.
    return send(req, reply, 'CONFLICT', 409, t(locale, 'DUPLICATE_SIBLING', { name: '' }));
  }
  req.log.error({ err }, 'unhandled error');
  return send(req, reply, 'INTERNAL', 500, t(locale, 'INTERNAL'));
};

export const notFoundHandler = (req: FastifyRequest, reply: FastifyReply) =>
  send(req, reply, 'NOT_FOUND', 404, t(req.locale ?? 'en', 'ROUTE_NOT_FOUND', { url: req.url.split('?')[0] ?? '' }));
