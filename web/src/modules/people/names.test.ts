import { describe, expect, it } from 'vitest';
import { formatPhone, personName, personNames } from './names';

describe('personNames', () => {
  const both = { name: 'Mehtab Singh', nameHi: 'महताब सिंह' };
  it('puts the UI language first and the other script second', () => {
    expect(personNames(both, 'en')).toEqual({ primary: 'Mehtab Singh', secondary: 'महताब सिंह' });
    expect(personNames(both, 'hi')).toEqual({ primary: 'महताब सिंह', secondary: 'Mehtab Singh' });
  });
  it('falls back to the only name there is', () => {
    expect(personNames({ name: null, nameHi: 'अजय' }, 'en')).toEqual({ primary: 'अजय', secondary: null });
    expect(personNames({ name: 'Ajai', nameHi: '  ' }, 'hi')).toEqual({ primary: 'Ajai', secondary: null });
  });
  it('does not repeat an identical name', () => {
    expect(personNames({ name: 'Ram', nameHi: 'Ram' }, 'hi')).toEqual({ primary: 'Ram', secondary: null });
    expect(personName({ name: null, nameHi: null }, 'en')).toBe('');
  });
});

describe('formatPhone', () => {
  it('groups an E.164 Indian mobile and leaves masked numbers alone', () => {
    expect(formatPhone('+919876543210')).toBe('+91 98765 43210');
    expect(formatPhone('+91 98XXX XX210')).toBe('+91 98XXX XX210');
  });
});
