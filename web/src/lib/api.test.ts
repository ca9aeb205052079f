import { describe, expect, it } from 'vitest';
import { apiUrl } from './api';

describe('apiUrl', () => {
  it('prefixes the API version and drops empty query values', () => {
    expect(apiUrl('/units/5/children', { limit: 50, cursor: undefined, q: '', includeDeleted: false })).toBe(
      '/api/v1/units/5/children?limit=50&includeDeleted=false',
    );
    expect(apiUrl('/units/search', { q: 'मुजफ्फरनगर' })).toBe(
      '/api/v1/units/search?q=%E0%A4%AE%E0%A5%81%E0%A4%9C%E0%A4%AB%E0%A5%8D%E0%A4%AB%E0%A4%B0%E0%A4%A8%E0%A4%97%E0%A4%B0',
    );
    expect(apiUrl('/levels')).toBe('/api/v1/levels');
  });
});
