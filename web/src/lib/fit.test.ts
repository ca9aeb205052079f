import { describe, expect, it } from 'vitest';
import { fitCount } from './fit';

describe('fitCount', () => {
  it('keeps every item when they all fit, without room for "More"', () => {
    expect(fitCount([100, 100, 100], 80, 308, 4)).toBe(3);
  });
  it('keeps as many as fit beside "More" when they do not all fit', () => {
    // 100 + 4 + 100 + 4 + 80 = 288 fits; a third item does not.
    expect(fitCount([100, 100, 100], 80, 300, 4)).toBe(2);
    expect(fitCount([100, 100, 100], 80, 287, 4)).toBe(1);
  });
  it('keeps the order: a narrow item after a wide one that does not fit stays under "More"', () => {
    expect(fitCount([50, 300, 20], 60, 200, 4)).toBe(1);
  });
  it('shows nothing inline when not even one item fits beside "More", and all of an empty list', () => {
    expect(fitCount([200, 200], 80, 150, 4)).toBe(0);
    expect(fitCount([], 80, 0, 4)).toBe(0);
  });
});
