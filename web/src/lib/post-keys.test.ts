import type { TPostTemplate } from '@samiti/common';
import { describe, expect, it } from 'vitest';
import { postKeyOptions } from './post-keys';

const template = (level: string, posts: [string, string, string][]): TPostTemplate => ({
  level,
  levelName: level,
  levelNameHi: level,
  wing: 'main',
  source: 'default',
  posts: posts.map(([key, name, nameHi]) => ({ key, name, nameHi, minSeats: 1, maxSeats: 1 })),
  minTotal: posts.length,
  maxTotal: posts.length,
  canEdit: false,
});

const templates = [
  template('district', [
    ['president', 'President', 'अध्यक्ष'],
    ['treasurer', 'Treasurer', 'कोषाध्यक्ष'],
  ]),
  template('booth', [
    ['president', 'Booth president', 'बूथ अध्यक्ष'],
    ['social-media', 'Social media', 'सोशल मीडिया'],
  ]),
];

describe('postKeyOptions', () => {
  it('offers each configured key once, in template order, in the user language', () => {
    expect(postKeyOptions(templates, 'en')).toEqual([
      { value: 'president', label: 'President' },
      { value: 'treasurer', label: 'Treasurer' },
      { value: 'social-media', label: 'Social media' },
    ]);
    expect(postKeyOptions(templates, 'hi').map((o) => o.label)).toEqual(['अध्यक्ष', 'कोषाध्यक्ष', 'सोशल मीडिया']);
  });

  it('keeps to the chosen levels', () => {
    expect(postKeyOptions(templates, 'en', ['booth'])).toEqual([
      { value: 'president', label: 'Booth president' },
      { value: 'social-media', label: 'Social media' },
    ]);
    expect(postKeyOptions([], 'en')).toEqual([]);
  });
});
