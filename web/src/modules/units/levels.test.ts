import { describe, expect, it } from 'vitest';
import { levelLabel, levelsBelow } from './levels';

const levels = [
  { key: 'booth', rank: 90, name: 'Booth', nameHi: 'बूथ', geoKind: 'ps' },
  { key: 'national', rank: 10, name: 'National', nameHi: 'राष्ट्रीय', geoKind: null },
  { key: 'state', rank: 20, name: 'State', nameHi: 'प्रदेश', geoKind: 'state' },
  { key: 'district', rank: 50, name: 'District', nameHi: 'जिला', geoKind: 'district' },
];

describe('levelsBelow', () => {
  it('returns lower-ranked levels, top first', () => {
    expect(levelsBelow(levels, 'state').map((l) => l.key)).toEqual(['district', 'booth']);
    expect(levelsBelow(levels, 'booth')).toEqual([]);
    expect(levelsBelow(levels, 'unknown')).toEqual([]);
  });
});

describe('levelLabel', () => {
  it('translates by UI language and falls back to the key', () => {
    expect(levelLabel(levels, 'district', 'hi')).toBe('जिला');
    expect(levelLabel(levels, 'district', 'en')).toBe('District');
    expect(levelLabel(levels, 'ward', 'hi')).toBe('ward');
    expect(levelLabel(undefined, 'ward', 'en')).toBe('ward');
  });
});
