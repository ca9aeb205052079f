import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalisePartyName, parseAliasCsv, partyKeyFor, slugParty } from './party-names';
import { ALIAS_FILE } from './seed-results';

describe('party names across years and spellings', () => {
  const table = parseAliasCsv(fs.readFileSync(ALIAS_FILE, 'utf8'));

  it('folds case, spaces, punctuation and "&"', () => {
    expect(normalisePartyName('Shivsena')).toBe(normalisePartyName('Shiv Sena'));
    expect(normalisePartyName("National People's Party")).toBe(normalisePartyName('National Peoples Party'));
    expect(normalisePartyName('Communist Party of India  (Marxist)')).toBe(normalisePartyName('communist party of india (marxist)'));
    expect(normalisePartyName('Jammu & Kashmir National Conference')).toBe(normalisePartyName('Jammu and Kashmir National Conference'));
    expect(normalisePartyName('Lok Jan Shakti Party')).not.toBe(normalisePartyName('Lok Janshakti Party(Ram Vilas)'));
  });

  it('finds a party by key, short name, full name, Hindi name or alias', () => {
    for (const name of ['bjp', 'BJP', 'Bharatiya Janata Party', 'भारतीय जनता पार्टी', 'भाजपा']) expect(partyKeyFor(table, name)).toBe('bjp');
    expect(partyKeyFor(table, 'Telangana Rashtra Samithi')).toBe('brs');
    expect(partyKeyFor(table, 'None of the Above')).toBe('nota');
    expect(partyKeyFor(table, 'Jan Adhikar Manch')).toBe('jan-adhikar-manch');
  });

  it('slugs unknown parties stably, apostrophes dropped', () => {
    expect(slugParty("Jharkhand People's Party")).toBe('jharkhand-peoples-party');
    expect(slugParty('  Aazad Samaj Party (Kanshi Ram) ')).toBe('aazad-samaj-party-kanshi-ram');
  });

  it('refuses an alias table that gives one name to two parties', () => {
    expect(() => parseAliasCsv('key,short,name,name_hi,aliases\na,A,Alpha,,Same\nb,B,Beta,,same')).toThrow(/names both a and b/);
  });
});
