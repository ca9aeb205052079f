import { describe, expect, it } from 'vitest';
import { barSections, donePercent, isJob, parseNumbers } from './rollup';

const counts = { total: 8, vacant: 1, new: 3, acknowledged: 1, inProgress: 1, done: 2, declined: 1, overdue: 0 };

describe('roll-up helpers', () => {
  it('computes the done percent and bar sections', () => {
    expect(donePercent(counts)).toBe(25);
    expect(donePercent({ ...counts, total: 0, done: 0 })).toBe(0);
    expect(barSections(counts)).toEqual({ done: 25, declined: 12.5, working: 25 });
  });
  it('parses report numbers and names the bad row', () => {
    expect(parseNumbers([{ key: 'booths', value: '1,200' }, { key: '', value: '' }])).toEqual({ numbers: { booths: 1200 } });
    expect(parseNumbers([{ key: 'booths', value: '12' }, { key: 'x', value: 'many' }])).toEqual({ badRow: 2 });
    expect(parseNumbers([{ key: '', value: '3' }])).toEqual({ badRow: 1 });
  });
  it('tells a job from a directive', () => {
    expect(isJob({ id: 1, status: 'creating', created: 0, total: 9000, error: null } as { id: number; status: string })).toBe(true);
    expect(isJob({ id: 1, status: 'ready', text: 'x' } as { id: number; status: string })).toBe(false);
  });
});
