import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format';

describe('formatNumber', () => {
  it('groups in lakhs and crores in both languages', () => {
    expect(formatNumber(1234567, 'en')).toBe('12,34,567');
    expect(formatNumber(1234567, 'hi')).toBe('12,34,567');
    expect(formatNumber(105000000, 'en')).toBe('10,50,00,000');
    expect(formatNumber(0, 'hi')).toBe('0');
  });
});

describe('formatDateTime', () => {
  it('formats per language', () => {
    const en = formatDateTime('2024-06-04T10:30:00Z', 'en', 'Asia/Kolkata');
    const hi = formatDateTime('2024-06-04T10:30:00Z', 'hi', 'Asia/Kolkata');
    expect(en).toContain('2024');
    expect(en).toContain('Jun');
    expect(hi).toContain('2024');
    expect(hi).toMatch(/[\u0900-\u097F]/);
  });
  it('returns unparseable input unchanged', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('formatDate', () => {
  it('formats a calendar date per language without shifting the day', () => {
    expect(formatDate('2024-06-04', 'en')).toBe('4 Jun 2024');
    const hi = formatDate('2024-06-04', 'hi');
    expect(hi).toContain('4');
    expect(hi).toContain('2024');
    expect(hi).toMatch(/[\u0900-\u097F]/);
    expect(formatDate('2024-01-01', 'en')).toBe('1 Jan 2024');
  });
  it('returns unparseable input unchanged', () => {
    expect(formatDate('someday', 'en')).toBe('someday');
  });
});
