import type { TPerson } from '@samiti/common';
import { describe, expect, it } from 'vitest';
import { emptyPersonForm, formValuesOf, prefillFromSearch, toCreateBody, toPatchBody, validatePersonForm } from './payload';

const TODAY = '2025-06-15';

const person: TPerson = {
  id: 7,
  name: 'Mehtab Singh',
  nameHi: 'महताब सिंह',
  derivedName: null,
  gender: 'male',
  birthYear: 1980,
  phone: '+919876543210',
  epic: 'ABC1234567',
  isContactMasked: false,
  homeUnit: { id: 12, name: 'Booth 12', nameHi: null, level: 'booth' },
  consent: { purpose: 'Party work', date: '2025-01-02', method: 'written' },
  photoFileId: null,
  deletedAt: null,
  createdAt: '2025-01-02T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
  actions: { canEdit: true, canDelete: true, canRestore: false, canAppoint: true },
};

describe('validatePersonForm', () => {
  const filled = {
    ...emptyPersonForm(12, TODAY),
    nameHi: 'अजय',
    phone: '098765-43210',
    'consent.purpose': 'Booth committee work',
    'consent.method': 'verbal',
  };
  it('accepts a complete form with a name in either script', () => {
    expect(validatePersonForm(filled, { mode: 'create', today: TODAY })).toEqual({});
  });
  it('needs a name, a valid phone, consent and a home unit', () => {
    expect(validatePersonForm(emptyPersonForm(null, TODAY), { mode: 'create', today: TODAY })).toEqual({
      name: 'nameRequired',
      phone: 'phoneRequired',
      homeUnitId: 'homeUnitRequired',
      'consent.purpose': 'purposeRequired',
      'consent.method': 'methodRequired',
    });
    expect(validatePersonForm({ ...filled, phone: '12345' }, { mode: 'create', today: TODAY }).phone).toBe('phoneInvalid');
  });
  it('checks EPIC, birth year and consent date', () => {
    const bad = { ...filled, epic: 'AB123', birthYear: '1850', 'consent.date': '2025-06-16' };
    expect(validatePersonForm(bad, { mode: 'create', today: TODAY })).toEqual({
      epic: 'epicInvalid',
      birthYear: 'birthYearInvalid',
      'consent.date': 'dateFuture',
    });
    expect(validatePersonForm({ ...filled, 'consent.date': '2025-02-30' }, { mode: 'create', today: TODAY })['consent.date']).toBe(
      'dateInvalid',
    );
  });
  it('lets an edit keep a hidden phone by leaving it empty', () => {
    const values = { ...formValuesOf({ ...person, isContactMasked: true, phone: '+91 98XXX XX210' }) };
    expect(values.phone).toBe('');
    expect(validatePersonForm(values, { mode: 'edit', today: TODAY, isMasked: true })).toEqual({});
    expect(validatePersonForm({ ...values }, { mode: 'edit', today: TODAY, isMasked: false }).phone).toBe('phoneRequired');
  });
});

describe('toCreateBody', () => {
  it('normalises phone and EPIC and drops empty optionals', () => {
    const values = {
      ...emptyPersonForm(12, TODAY),
      name: '  Ajay   Kumar ',
      phone: '+91 98765 43210',
      epic: 'abc 123 4567',
      birthYear: '1990',
      gender: 'male',
      'consent.purpose': ' Booth work ',
      'consent.method': 'sms-otp',
    };
    expect(toCreateBody(values)).toEqual({
      name: 'Ajay Kumar',
      gender: 'male',
      birthYear: 1990,
      phone: '+919876543210',
      epic: 'ABC1234567',
      homeUnitId: 12,
      consent: { purpose: 'Booth work', date: TODAY, method: 'sms-otp' },
    });
  });
});

describe('toPatchBody', () => {
  it('is empty when nothing changed, whatever way the phone is written', () => {
    expect(toPatchBody(person, formValuesOf(person))).toEqual({});
    expect(toPatchBody(person, { ...formValuesOf(person), phone: '09876543210' })).toEqual({});
  });
  it('sends what changed; clearing sends null', () => {
    const values = { ...formValuesOf(person), name: '', epic: '', gender: '', birthYear: '', phone: '9123456789', homeUnitId: '15' };
    expect(toPatchBody(person, values)).toEqual({
      name: null,
      epic: null,
      gender: null,
      birthYear: null,
      phone: '+919123456789',
      homeUnitId: 15,
    });
  });
  it('never clears hidden contact details', () => {
    const masked = { ...person, isContactMasked: true, phone: '+91 98XXX XX210', epic: 'ABCXXXX567' };
    expect(toPatchBody(masked, formValuesOf(masked))).toEqual({});
    expect(toPatchBody(masked, { ...formValuesOf(masked), epic: 'xyz7654321' })).toEqual({ epic: 'XYZ7654321' });
  });
});

describe('prefillFromSearch', () => {
  it('puts search text in the field it belongs to', () => {
    expect(prefillFromSearch('98765 43210')).toEqual({ phone: '98765 43210' });
    expect(prefillFromSearch('abc1234567')).toEqual({ epic: 'ABC1234567' });
    expect(prefillFromSearch('महताब')).toEqual({ nameHi: 'महताब' });
    expect(prefillFromSearch(' Mahtab ')).toEqual({ name: 'Mahtab' });
    expect(prefillFromSearch('  ')).toEqual({});
  });
});
