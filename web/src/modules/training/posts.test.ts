import { describe, expect, it } from 'vitest';
import { hasFreeSeat, percent } from './posts';

describe('training helpers', () => {
  it('counts free seats', () => {
    expect(hasFreeSeat({ yes: 1 }, 2)).toBe(true);
    expect(hasFreeSeat({ yes: 2 }, 2)).toBe(false);
    expect(percent(0.5)).toBe(50);
    expect(percent(2 / 3)).toBe(67);
  });
});
