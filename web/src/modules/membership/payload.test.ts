import { describe, expect, it } from 'vitest';
import {
  emptyDriveForm,
  emptyMemberForm,
  isRejectReasonOk,
  memberFieldOf,
  parseTarget,
  toDriveBody,
  toEnrolNewBody,
  validateDriveForm,
  validateMemberForm,
} from './payload';

const today = '2025-09-10';

describe('drive form', () => {
  const good = { ...emptyDriveForm(today), name: '  Membership  drive 2025 ', nameHi: 'सदस्यता अभियान', unitId: '4', endsOn: '2025-10-31' };
  it('starts today with the usual active-member rule and self-enrolment on', () => {
    expect(emptyDriveForm(today)).toMatchObject({ startsOn: today, activeRuleMinVerified: '25', allowSelfEnrol: true });
  });
  it('accepts a complete form and builds the body', () => {
    expect(validateDriveForm(good)).toEqual({});
    expect(toDriveBody(good)).toEqual({
      name: 'Membership drive 2025',
      nameHi: 'सदस्यता अभियान',
      unitId: 4,
      startsOn: today,
      endsOn: '2025-10-31',
      activeRuleMinVerified: 25,
      allowSelfEnrol: true,
    });
    expect(toDriveBody({ ...good, nameHi: ' ' })).not.toHaveProperty('nameHi');
  });
  it('names each problem', () => {
    expect(validateDriveForm({ ...good, name: ' ', unitId: '', endsOn: '2025-09-01', activeRuleMinVerified: '0' })).toEqual({
      name: 'nameRequired',
      unitId: 'unitRequired',
      endsOn: 'endBeforeStart',
      activeRuleMinVerified: 'ruleInvalid',
    });
    expect(validateDriveForm({ ...good, startsOn: '2025-02-30', endsOn: '' })).toEqual({ startsOn: 'dateInvalid', endsOn: 'dateInvalid' });
  });
});

describe('new member form', () => {
  const good = {
    ...emptyMemberForm(today),
    nameHi: ' महताब  सिंह ',
    phone: '098765-43210',
    epic: 'abc1234567',
    'consent.purpose': 'Party membership',
    'consent.method': 'written',
  };
  it('accepts a Hindi name alone and builds an inline enrolment', () => {
    expect(validateMemberForm(good, today)).toEqual({});
    expect(toEnrolNewBody(good, 9)).toEqual({
      unitId: 9,
      person: {
        nameHi: 'महताब सिंह',
        phone: '+919876543210',
        epic: 'ABC1234567',
        consent: { purpose: 'Party membership', date: today, method: 'written' },
      },
    });
  });
  it('names each problem', () => {
    expect(
      validateMemberForm(
        { ...good, nameHi: '', phone: '12345', epic: 'X1', 'consent.purpose': 'a', 'consent.date': '2099-01-01', 'consent.method': '' },
        today,
      ),
    ).toEqual({
      name: 'nameRequired',
      phone: 'phoneInvalid',
      epic: 'epicInvalid',
      'consent.purpose': 'purposeRequired',
      'consent.date': 'dateFuture',
      'consent.method': 'methodRequired',
    });
    expect(validateMemberForm({ ...good, phone: ' ' }, today)).toEqual({ phone: 'phoneRequired' });
  });
  it('maps the server’s field names onto the form', () => {
    expect(memberFieldOf('person.phone')).toBe('phone');
    expect(memberFieldOf('person.consent.date')).toBe('consent.date');
    expect(memberFieldOf('person')).toBeNull();
    expect(memberFieldOf('unitId')).toBeNull();
    expect(memberFieldOf(undefined)).toBeNull();
  });
});

describe('parseTarget and isRejectReasonOk', () => {
  it('reads whole numbers, with Indian or Western grouping', () => {
    expect(parseTarget('1,20,000')).toBe(120000);
    expect(parseTarget(' 500 ')).toBe(500);
    expect(parseTarget('0')).toBe(0);
    expect(parseTarget('')).toBeNull();
    expect(parseTarget('12.5')).toBeNull();
    expect(parseTarget('-3')).toBeNull();
    expect(parseTarget('2000000000')).toBeNull();
  });
  it('wants a short reason to reject', () => {
    expect(isRejectReasonOk('  ')).toBe(false);
    expect(isRejectReasonOk('duplicate form')).toBe(true);
    expect(isRejectReasonOk('x'.repeat(501))).toBe(false);
  });
});
