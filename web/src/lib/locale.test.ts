import { describe, expect, it } from 'vitest';
import { intlTag, languageAfterLogin, otherLanguage, startupLanguage } from './locale';

describe('startupLanguage', () => {
  it('prefers what was stored on this device', () => {
    expect(startupLanguage('hi', ['en-US'])).toBe('hi');
    expect(startupLanguage('en', ['hi-IN'])).toBe('en');
  });
  it('falls back to the browser, then English', () => {
    expect(startupLanguage(null, ['en-GB', 'hi'])).toBe('hi');
    expect(startupLanguage('fr', ['en-IN'])).toBe('en');
    expect(startupLanguage(null, [])).toBe('en');
  });
});

describe('languageAfterLogin', () => {
  it('keeps the device choice and saves it to the account when they differ', () => {
    expect(languageAfterLogin('hi', 'en')).toEqual({ language: 'hi', saveToAccount: true });
    expect(languageAfterLogin('hi', 'hi')).toEqual({ language: 'hi', saveToAccount: false });
  });
  it('uses the account language when the device has none', () => {
    expect(languageAfterLogin(null, 'hi')).toEqual({ language: 'hi', saveToAccount: false });
  });
});

describe('intlTag / otherLanguage', () => {
  it('maps UI languages to Indian locales and toggles', () => {
    expect(intlTag('hi')).toBe('hi-IN');
    expect(intlTag('en')).toBe('en-IN');
    expect(otherLanguage('hi')).toBe('en');
    expect(otherLanguage('en')).toBe('hi');
  });
});
