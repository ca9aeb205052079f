import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api';

/**
 * Text for any failure, in the UI language: the server's own message when it sent one
 * (it is already in the user's language), else a translated message chosen by kind or status.
 */
export const errorText = (error: unknown, t: TFunction): string => {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    return t('errors.generic');
  }
  if (error instanceof NetworkError) return t('errors.network');
  return t('errors.generic');
};

/** The form field a validation error names, if any. */
export const errorField = (error: unknown): string | undefined =>
  error instanceof ApiError && error.status === 400 ? error.field : undefined;

/** 4xx answers will not change on retry; network errors and 5xx may. */
export const isRetryable = (error: unknown): boolean => !(error instanceof ApiError && error.status < 500);

/**
 * Splits a failed submit into a message for one of the form's own fields (shown inline) or,
 * when the server names no field or one the form does not have, a message for an alert.
 */
export const formError = <F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction,
): { field: F | null; message: string } | null => {
  if (!error) return null;
  const named = errorField(error);
  const field = fields.find((f) => f === named) ?? null;
  return { field, message: errorText(error, t) };
};

/** A 409 naming the record that already holds what the request tried to use (a phone, an EPIC…), or null. */
export const conflictOf = (error: unknown): { existingId: number; field: string | undefined; message: string } | null =>
  error instanceof ApiError && error.status === 409 && error.existingId !== undefined
    ? { existingId: error.existingId, field: error.field, message: error.message }
    : null;
