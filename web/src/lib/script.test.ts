import { describe, expect, it } from 'vitest';
import { hasDevanagari, scriptLang } from './script';

describe('script', () => {
  it('detects Devanagari', () => {
    expect(hasDevanagari('मुजफ्फरनगर')).toBe(true);
    expect(hasDevanagari('Booth 12 बूथ')).toBe(true);
    expect(hasDevanagari('Muzaffarnagar')).toBe(false);
    expect(scriptLang('रामपुर')).toBe('hi');
    expect(scriptLang('Rampur')).toBe('en');
  });
});
