import { describe, expect, it } from 'vitest';
import { DIVERGING_COLOURS, escapeHtml, scaleRange, SEQUENTIAL_COLOURS } from './scale';

describe('map colour scales', () => {
  it('sequential: from the smallest to the largest value, or a fixed range', () => {
    expect(scaleRange([12, 40, 33], 'sequential')).toEqual({ min: 12, max: 40, colours: SEQUENTIAL_COLOURS });
    expect(scaleRange([12, 40], 'sequential', { min: 0, max: 100 })).toMatchObject({ min: 0, max: 100 });
    expect(scaleRange([-5, 10], 'sequential')).toMatchObject({ min: -5, max: 10 });
    expect(scaleRange([0, 0], 'sequential')).toMatchObject({ min: 0, max: 1 });
    expect(scaleRange([], 'sequential')).toMatchObject({ min: 0, max: 1 });
    expect(scaleRange([0.2, 0.6], 'sequential', { max: 1 })).toMatchObject({ min: 0.2, max: 1 });
    expect(scaleRange([5, 5], 'sequential')).toMatchObject({ min: 5, max: 6 });
  });
  it('diverging: symmetric around zero', () => {
    expect(scaleRange([-3.5, 8, 2], 'diverging')).toEqual({ min: -8, max: 8, colours: DIVERGING_COLOURS });
    expect(scaleRange([-12, 4], 'diverging')).toMatchObject({ min: -12, max: 12 });
    expect(scaleRange([Number.NaN], 'diverging')).toMatchObject({ min: -1, max: 1 });
  });
  it('escapes names for the tooltip', () => {
    expect(escapeHtml('<b>"A" & \'B\'</b>')).toBe('&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;');
    expect(escapeHtml('मुजफ्फरनगर')).toBe('मुजफ्फरनगर');
  });
});
