import { describe, expect, it } from 'vitest';
import { maskEpic, maskPhone, normalizeEpic, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('reads every common way of writing one number as the same E.164', () => {
    for (const s of ['+91 98765 43210', '098765-43210', '9876543210', '+919876543210', '0091 98765 43210', '91-98765-43210', '(+91) 98765.43210', ' 98765 43210 ']) {
      expect(normalizePhone(s), s).toEqual({ ok: true, e164: '+919876543210' });
    }
  });
  it('refuses what is not an Indian mobile number, with the reason', () => {
    expect(normalizePhone('98765')).toEqual({ ok: false, reason: 'length' });
    expect(normalizePhone('98765432101')).toEqual({ ok: false, reason: 'length' });
    expect(normalizePhone('5876543210')).toEqual({ ok: false, reason: 'prefix' });
    expect(normalizePhone('+1 415 555 0100')).toEqual({ ok: false, reason: 'prefix' });
    expect(normalizePhone('98765abcde')).toEqual({ ok: false, reason: 'characters' });
    expect(normalizePhone('')).toEqual({ ok: false, reason: 'characters' });
    expect(normalizePhone('९८७६५४३२१०')).toEqual({ ok: false, reason: 'characters' });
  });
  it('masks', () => {
    expect(maskPhone('+919876543210')).toBe('+91 98XXX XX210');
  });
});

describe('normalizeEpic', () => {
  it('upper-cases and checks three letters and seven digits', () => {
    expect(normalizeEpic('abc1234567')).toBe('ABC1234567');
    expect(normalizeEpic(' ABC 123 4567 ')).toBe('ABC1234567');
    expect(normalizeEpic('AB12345678')).toBeNull();
    expect(normalizeEpic('ABC123456')).toBeNull();
    expect(maskEpic('ABC1234567')).toBe('ABCXXXX567');
  });
});
