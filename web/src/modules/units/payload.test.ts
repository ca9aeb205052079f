import { describe, expect, it } from 'vitest';
import { formValuesOf, toCreateBody, toPatchBody } from './payload';

const unit = {
  level: 'district',
  name: 'Rampur',
  nameHi: 'रामपुर',
  geo: { code: 'DIST-133', kind: 'district' as const, name: 'Rampur', nameHi: null },
};

describe('toCreateBody', () => {
  it('trims, uppercases the geo code and drops empty optionals', () => {
    expect(toCreateBody(4, { level: 'booth', name: '  Booth   12 ', nameHi: ' ', geo: '' })).toEqual({
      parentId: 4,
      level: 'booth',
      name: 'Booth 12',
    });
    expect(toCreateBody(4, { level: 'assembly', name: 'Budhana', nameHi: 'बुढ़ाना', geo: 's24-ac-12' })).toEqual({
      parentId: 4,
      level: 'assembly',
      name: 'Budhana',
      nameHi: 'बुढ़ाना',
      geo: 'S24-AC-12',
    });
  });
});

describe('toPatchBody', () => {
  it('is empty when nothing changed', () => {
    expect(toPatchBody(unit, formValuesOf(unit))).toEqual({});
  });
  it('sends only changed fields and null for cleared ones', () => {
    expect(toPatchBody(unit, { level: 'district', name: 'Rampur City', nameHi: '', geo: '' })).toEqual({
      name: 'Rampur City',
      nameHi: null,
      geo: null,
    });
  });
  it('sets a geography where there was none', () => {
    expect(toPatchBody({ ...unit, geo: null }, { ...formValuesOf(unit), geo: 'dist-133' })).toEqual({ geo: 'DIST-133' });
  });
});
