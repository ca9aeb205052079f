import { describe, expect, it } from 'vitest';
import { crumbStart, progressColor, progressSections, sortChildren, verifiedPercent } from './progress';

const row = (id: number, verified: number, target: number | null, enrolled = verified) => ({ id, enrolled, verified, rejected: 0, target });

describe('verifiedPercent', () => {
  it('is verified over target, floored, and may pass 100', () => {
    expect(verifiedPercent(row(1, 25, 100))).toBe(25);
    expect(verifiedPercent(row(1, 2, 3))).toBe(66);
    expect(verifiedPercent(row(1, 150, 100))).toBe(150);
  });
  it('is null without a target or with a zero one', () => {
    expect(verifiedPercent(row(1, 5, null))).toBeNull();
    expect(verifiedPercent(row(1, 5, 0))).toBeNull();
  });
});

describe('progressSections', () => {
  it('shares the bar between verified and pending against the target', () => {
    expect(progressSections(row(1, 20, 100, 50))).toEqual({ verified: 20, pending: 30 });
  });
  it('never overflows: the bar stretches to the enrolled count when that is larger, or when there is no target', () => {
    expect(progressSections(row(1, 100, 50, 200))).toEqual({ verified: 50, pending: 50 });
    expect(progressSections(row(1, 1, null, 4))).toEqual({ verified: 25, pending: 75 });
    expect(progressSections(row(1, 0, null, 0))).toEqual({ verified: 0, pending: 0 });
  });
});

describe('progressColor', () => {
  it('goes red, orange, green with the share of the target', () => {
    expect(progressColor(null)).toBe('gray');
    expect(progressColor(10)).toBe('red');
    expect(progressColor(50)).toBe('orange');
    expect(progressColor(90)).toBe('green');
  });
});

describe('sortChildren', () => {
  const rows = [row(1, 50, 100), row(2, 10, 100), row(3, 7, null), row(4, 90, 100), row(5, 2, null), row(6, 5, 50)];
  it('keeps tree order by default', () => {
    expect(sortChildren(rows, 'tree').map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('puts the weakest first, ties in tree order, units without a target last (fewest verified first)', () => {
    expect(sortChildren(rows, 'weakest').map((r) => r.id)).toEqual([2, 6, 1, 4, 5, 3]);
  });
  it('puts the strongest first, units without a target still last', () => {
    expect(sortChildren(rows, 'strongest').map((r) => r.id)).toEqual([4, 1, 2, 6, 3, 5]);
  });
  it('does not change its input', () => {
    const copy = [...rows];
    sortChildren(rows, 'weakest');
    expect(rows).toEqual(copy);
  });
});

describe('crumbStart', () => {
  const chain = [1, 2, 3, 4, 5]; // national › state › district › assembly › booth
  it('starts at the drive unit for national admins and for grants above the drive', () => {
    expect(crumbStart(chain, 2, [], true)).toBe(1);
    expect(crumbStart(chain, 2, [1], false)).toBe(1);
  });
  it('starts at the user’s own unit when the drive is above their area', () => {
    expect(crumbStart(chain, 1, [3], false)).toBe(2);
  });
  it('falls back to the current unit when no grant is on the chain', () => {
    expect(crumbStart(chain, 1, [99], false)).toBe(4);
  });
});
