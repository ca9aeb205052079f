import { describe, expect, it } from 'vitest';
import { boothDigits, joinFieldOf, phoneProblem, splitName, toSelfEnrolBody, validateJoin } from './join';

const good = { phone: '+91 98765 43210', otp: ' 123456 ', name: 'राम  कुमार', booth: '412', consent: true };

describe('self-enrolment form', () => {
  it('accepts a complete form and builds the body, the name in the field of its script', () => {
    expect(validateJoin(good)).toEqual({});
    expect(toSelfEnrolBody(good)).toEqual({ phone: '+919876543210', otp: '123456', nameHi: 'राम कुमार', unitId: 412, consent: true });
    expect(toSelfEnrolBody({ ...good, name: ' Ram Kumar ' })).toMatchObject({ name: 'Ram Kumar' });
  });
  it('names each problem', () => {
    expect(validateJoin({ phone: '', otp: '12345', name: ' ', booth: '0', consent: false })).toEqual({
      phone: 'phoneRequired',
      otp: 'otpInvalid',
      name: 'nameRequired',
      booth: 'boothInvalid',
      consent: 'consentRequired',
    });
    expect(phoneProblem('12345')).toBe('phoneInvalid');
    expect(phoneProblem('9876543210')).toBeNull();
  });
  it('keeps only the digits of a booth code', () => {
    expect(boothDigits('बूथ 41')).toBe('41');
    expect(boothDigits(null)).toBe('');
    expect(splitName('Mehtab')).toEqual({ name: 'Mehtab' });
  });
  it('maps the server’s fields onto the form', () => {
    expect(joinFieldOf('unitId')).toBe('booth');
    expect(joinFieldOf('nameHi')).toBe('name');
    expect(joinFieldOf('otp')).toBe('otp');
    expect(joinFieldOf(undefined)).toBeNull();
    expect(joinFieldOf('body')).toBeNull();
  });
});
