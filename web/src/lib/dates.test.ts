import { describe, expect, it } from 'vitest';
import { isIsoDate, todayIso, yearOf, yearSpan } from './dates';

describe('todayIso', () => {
  it('uses the local calendar day, zero-padded', () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(todayIso(new Date(2024, 11, 31, 0, 1))).toBe('2024-12-31');
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('01/04/2025')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('yearSpan', () => {
  it('shows the years a tenure covered', () => {
    expect(yearSpan('2019-04-01', '2024-03-31')).toBe('2019–2024');
    expect(yearSpan('2021-01-10', null)).toBe('2021–');
    expect(yearSpan('2022-01-10', '2022-09-01')).toBe('2022');
    expect(yearSpan('bad', null)).toBe('');
  });
  it('reads the year of dates and timestamps', () => {
    expect(yearOf('2020-05-06T10:00:00Z')).toBe(2020);
    expect(yearOf(null)).toBeNull();
  });
});
