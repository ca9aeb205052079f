import { describe, expect, it } from 'vitest';
import en from './en.json';
import hi from './hi.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" → value. */
const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
};

const enFlat = flatten(en);
const hiFlat = flatten(hi);

/** Keys whose Hindi may legitimately have no Devanagari (codes, symbols, proper nouns kept in Latin). */
const NO_DEVANAGARI_OK = new Set<string>([]);

const DEVANAGARI = /[\u0900-\u097F]/;
const LATIN_LETTER = /[A-Za-z]/;
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('translations', () => {
  it('en and hi have exactly the same keys', () => {
    const onlyEn = [...enFlat.keys()].filter((k) => !hiFlat.has(k));
    const onlyHi = [...hiFlat.keys()].filter((k) => !enFlat.has(k));
    expect(onlyEn).toEqual([]);
    expect(onlyHi).toEqual([]);
  });

  it('has no empty strings', () => {
    const empty = [...enFlat, ...hiFlat].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('Hindi is written in Devanagari wherever the English has words', () => {
    const missing = [...enFlat]
      .filter(([key, value]) => LATIN_LETTER.test(value.replace(/\{\{\s*\w+\s*\}\}/g, '')) && !NO_DEVANAGARI_OK.has(key))
      .filter(([key]) => !DEVANAGARI.test(hiFlat.get(key) ?? ''))
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatched = [...enFlat]
      .filter(([key, value]) => placeholders(value).join() !== placeholders(hiFlat.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('the allow-list only names real keys', () => {
    for (const key of NO_DEVANAGARI_OK) expect(enFlat.has(key)).toBe(true);
  });
});
