import { describe, expect, it } from 'vitest';
import { displayName, pickNames } from './names';

describe('pickNames', () => {
  const unit = { name: 'Muzaffarnagar', nameHi: 'मुजफ्फरनगर' };
  it('puts the Hindi name first in Hindi', () => {
    expect(pickNames(unit, 'hi')).toEqual({ primary: 'मुजफ्फरनगर', secondary: 'Muzaffarnagar' });
  });
  it('puts the English name first in English', () => {
    expect(pickNames(unit, 'en')).toEqual({ primary: 'Muzaffarnagar', secondary: 'मुजफ्फरनगर' });
  });
  it('falls back to the Latin name when there is no Hindi one', () => {
    expect(pickNames({ name: 'Booth 45', nameHi: null }, 'hi')).toEqual({ primary: 'Booth 45', secondary: null });
    expect(pickNames({ name: 'Booth 45', nameHi: '  ' }, 'hi').primary).toBe('Booth 45');
    expect(displayName({ name: 'X', nameHi: 'X' }, 'en')).toBe('X');
    expect(pickNames({ name: 'X', nameHi: 'X' }, 'en').secondary).toBeNull();
  });
});
