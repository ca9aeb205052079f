import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api';
import { conflictOf, errorField, errorText, formError, isRetryable } from './errors';

const t = ((key: string) => `t:${key}`) as unknown as TFunction;

describe('errorText', () => {
  it("prefers the server's message", () => {
    expect(errorText(new ApiError({ status: 400, error: 'VALIDATION', message: 'नाम लिखें', field: 'name' }), t)).toBe('नाम लिखें');
  });
  it('words message-less failures by status or kind', () => {
    expect(errorText(new ApiError({ status: 404, error: 'HTTP_404', message: '' }), t)).toBe('t:errors.notFound');
    expect(errorText(new ApiError({ status: 403, error: 'HTTP_403', message: '' }), t)).toBe('t:errors.forbidden');
    expect(errorText(new ApiError({ status: 502, error: 'HTTP_502', message: '' }), t)).toBe('t:errors.generic');
    expect(errorText(new NetworkError(new TypeError('fetch failed')), t)).toBe('t:errors.network');
    expect(errorText(new Error('boom'), t)).toBe('t:errors.generic');
  });
});

describe('errorField / isRetryable', () => {
  it('names the field only for validation errors', () => {
    expect(errorField(new ApiError({ status: 400, error: 'VALIDATION', message: 'x', field: 'geo' }))).toBe('geo');
    expect(errorField(new ApiError({ status: 409, error: 'CONFLICT', message: 'x', field: 'name' }))).toBeUndefined();
  });
  it('does not retry client errors', () => {
    expect(isRetryable(new ApiError({ status: 404, error: 'NOT_FOUND', message: '' }))).toBe(false);
    expect(isRetryable(new ApiError({ status: 503, error: 'HTTP_503', message: '' }))).toBe(true);
    expect(isRetryable(new NetworkError(null))).toBe(true);
  });
});

describe('formError', () => {
  it('puts a validation error on the named field when the form has it', () => {
    const err = new ApiError({ status: 400, error: 'VALIDATION', message: 'गलत कोड', field: 'geo' });
    expect(formError(err, ['name', 'geo'], t)).toEqual({ field: 'geo', message: 'गलत कोड' });
    expect(formError(err, ['name'], t)).toEqual({ field: null, message: 'गलत कोड' });
  });
  it('sends other errors to the alert, and nothing when there is no error', () => {
    const err = new ApiError({ status: 409, error: 'CONFLICT', message: 'exists', field: 'name' });
    expect(formError(err, ['name'], t)).toEqual({ field: null, message: 'exists' });
    expect(formError(null, ['name'], t)).toBeNull();
  });
});

describe('conflictOf', () => {
  it('finds the existing record of a 409', () => {
    const clash = new ApiError({ status: 409, error: 'CONFLICT', message: 'यह मोबाइल पहले से दर्ज है', field: 'phone', existingId: 42 });
    expect(conflictOf(clash)).toEqual({ existingId: 42, field: 'phone', message: 'यह मोबाइल पहले से दर्ज है' });
  });
  it('is null for anything else', () => {
    expect(conflictOf(new ApiError({ status: 409, error: 'CONFLICT', message: 'x' }))).toBeNull();
    expect(conflictOf(new ApiError({ status: 400, error: 'VALIDATION', message: 'x', existingId: 3 }))).toBeNull();
    expect(conflictOf(null)).toBeNull();
  });
});
