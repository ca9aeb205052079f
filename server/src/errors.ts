import type { TLocale } from '@samiti/common';
import { type TMessageKey, type TParams, t } from './i18n/messages';

export const ERROR_CODES = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type TErrorCode = keyof typeof ERROR_CODES;

/** The one error type operations throw. The message is rendered in the caller's language at the edge. */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly messageKey: TMessageKey;
  readonly params: TParams;
  readonly field?: string;
  readonly extra?: Record<string, unknown>;
  constructor(
    code: TErrorCode,
    messageKey: TMessageKey,
    opts: { params?: TParams; field?: string; extra?: Record<string, unknown> } = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.code = code;
    this.messageKey = messageKey;
    this.params = opts.params ?? {};
    this.field = opts.field;
    this.extra = opts.extra;
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
  render(locale: TLocale): string {
    return t(locale, this.messageKey, this.params);
  }
}

export const notFound = (key: TMessageKey = 'NOT_FOUND', params?: TParams) => new AppError('NOT_FOUND', key, { params });
export const forbidden = () => new AppError('FORBIDDEN', 'FORBIDDEN');
export const invalid = (key: TMessageKey, field?: string, params?: TParams) =>
  new AppError('VALIDATION', key, { field, params });
