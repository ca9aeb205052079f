import { describe, expect, it } from 'vitest';
import { geoPath } from './paths';

describe('geoPath', () => {
  it('maps each code form to its page', () => {
    expect(geoPath('S24')).toBe('/geo/S24');
    expect(geoPath('u05')).toBe('/geo/U05');
    expect(geoPath('S24-PC-3')).toBe('/geo/S24/pc/3');
    expect(geoPath('S24-AC-012')).toBe('/geo/S24/ac/12');
    expect(geoPath('S24-AC-12-PS-45')).toBe('/geo/S24/ac/12');
    expect(geoPath('DIST-133')).toBe('/geo?q=DIST-133');
  });
});
