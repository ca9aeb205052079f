import { describe, expect, it } from 'vitest';
import { isPublicPath, loginPath, safeNext } from './paths';

describe('loginPath', () => {
  it('remembers where the user was', () => {
    expect(loginPath('/units/5?tab=history')).toBe('/login?next=%2Funits%2F5%3Ftab%3Dhistory');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/login?next=x')).toBe('/login');
  });
});

describe('safeNext', () => {
  it('only follows same-site paths', () => {
    expect(safeNext('/units/5')).toBe('/units/5');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/login')).toBe('/');
  });
});

describe('isPublicPath', () => {
  it('knows the pages that need no sign-in', () => {
    expect(isPublicPath('/join/12')).toBe(true);
    expect(isPublicPath('/login')).toBe(true);
    expect(isPublicPath('/drives/12')).toBe(false);
    expect(isPublicPath('/joinery')).toBe(false);
  });
});
