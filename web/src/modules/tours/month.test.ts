import { describe, expect, it } from 'vitest';
import { byDay, indiaDay, indiaInstant, indiaTime, isMonth, monthGrid, monthRange, shiftMonth } from './month';

describe('month grid', () => {
  it('lays out December 2026 from Monday, padded to whole weeks', () => {
    const weeks = monthGrid('2026-12');
    // 1 December 2026 is a Tuesday.
    expect(weeks[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks.at(-1)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('knows month lengths and moves across years', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-07')).toBe(true);
  });

  it('reads instants as days and times in India', () => {
    expect(indiaDay('2026-12-05T20:00:00Z')).toBe('2026-12-06');
    expect(indiaTime('2026-12-05T04:30:00Z')).toBe('10:00');
    expect(indiaInstant('2026-12-05', '10:00')).toBe('2026-12-05T10:00:00+05:30');
    const grouped = byDay([{ startsAt: '2026-12-05T04:30:00Z' }, { startsAt: '2026-12-05T19:00:00Z' }]);
    expect([...grouped.keys()]).toEqual(['2026-12-05', '2026-12-06']);
  });
});
