import { describe, expect, it } from 'vitest';
import { fitWithin, initials } from './photo';

describe('fitWithin', () => {
  it('shrinks the long side to 1600 px keeping the shape, and never enlarges', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 3)).toEqual({ width: 1600, height: 1 });
  });
});

describe('initials', () => {
  it('takes the first letter (a whole Devanagari syllable sign) of the first two words', () => {
    expect(initials('Mehtab Chauhan')).toBe('MC');
    expect(initials('  ajay  ')).toBe('A');
    expect(initials('मेहताब चौहान')).toBe('मेचौ');
    // Conjuncts stay whole (Unicode 15.1 grapheme rules): क्षि, not a bare क्.
    expect(initials('क्षितिज त्यागी')).toBe('क्षित्या');
    expect(initials('')).toBe('');
  });
});
