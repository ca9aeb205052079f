import { describe, expect, it } from 'vitest';
import { phoneticKey, searchKey, toDevanagari } from './index';

/** pg_trgm's similarity(): words padded with two spaces in front and one behind, set of 3-grams, |A∩B|/|A∪B|. */
function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}
function trigramSimilarity(a: string, b: string): number {
  const A = trigrams(a);
  const B = trigrams(b);
  if (A.size === 0 && B.size === 0) return 0;
  let inter = 0;
  for (const g of A) if (B.has(g)) inter++;
  return inter / (A.size + B.size - inter);
}

const DEVANAGARI_ONLY = /^[\u0900-\u097F\s\d.,()\-/A-Za-z]*$/;

/** Spellings of one name that must produce the same key. */
const EQUAL: string[][] = [
  ['Mehtab', 'Mahtab', 'मेहताब', 'महताब', 'MEHTAB'],
  ['Mohammad', 'Mohammed', 'Mohd', 'Mohd.', 'Md', 'Muhammad', 'मोहम्मद', 'मुहम्मद'],
  ['Ansari', 'अंसारी'],
  ['Chauhan', 'Chouhan', 'चौहान'],
  ['Tyagi', 'त्यागी'],
  ['Qasmi', 'Kasmi', 'कासमी'],
  ['Ajay', 'Ajai', 'अजय'],
  ['Muzaffarnagar', 'मुजफ्फरनगर', 'मुज़फ़्फ़रनगर', 'MUZAFFARNAGAR'],
  ['Varanasi', 'वाराणसी'],
  ['Gorakhpur', 'गोरखपुर'],
  ['Lucknow', 'Lakhnau', 'लखनऊ'],
  ['Sharma', 'शर्मा'],
  ['Verma', 'Varma', 'वर्मा'],
  ['Singh', 'सिंह'],
  ['Yadav', 'यादव'],
  ['Kumar', 'कुमार'],
  ['Priya', 'प्रिया'],
  ['Lakshmi', 'Laxmi', 'लक्ष्मी'],
  ['Shivraj', 'शिवराज'],
  ['Rajasthan', 'राजस्थान'],
  ['Uttar Pradesh', 'उत्तर प्रदेश'],
  // beyond the brief's list
  ['Mehtab Chauhan', 'Mahtab Chouhan', 'मेहताब चौहान', 'महताब चौहान'],
  ['Shivraj Singh Chouhan', 'शिवराज सिंह चौहान'],
  ['Kamala', 'Kamla', 'कमला'],
  ['Ramnagar', 'रामनगर'],
  ['Ramcharan', 'रामचरण'],
  ['Samajwadi', 'समाजवादी'],
  ['Gupta', 'गुप्ता', 'गुप्त'],
  ['Mishra', 'मिश्र', 'मिश्रा'],
  ['Krishna', 'कृष्ण'],
  ['Anand', 'आनंद', 'आनन्द'],
  ['Pandey', 'Pande', 'पांडेय', 'पाण्डेय', 'पांडे'],
  ['Chaudhary', 'Chowdhary', 'चौधरी'],
  ['Bachchan', 'बच्चन'],
  ['Siddharth', 'सिद्धार्थ'],
  ['Kanhaiya', 'कन्हैया'],
  ['Sukhdeo', 'Sukhdev', 'सुखदेव'],
  ['Rehman', 'Rahman', 'रहमान', 'रेहमान'],
  ['Shamli', 'शामली'],
  ['Kairana', 'कैराना'],
  ['Hazratganj', 'हजरतगंज', 'हज़रतगंज'],
  ['Aligarh', 'अलीगढ़', 'अलीगढ़'], // precomposed and decomposed ढ़
  ['Sampat', 'संपत', 'सम्पत'],
  ['Gyan', 'ज्ञान'],
  ['R. K. Sharma', 'R K Sharma', 'आर. के. शर्मा'],
  ['Rai', 'Ray', 'राय'],
  ['Agrawal', 'Agarwal', 'Aggarwal', 'अग्रवाल'],
  ['Meerut', 'मेरठ'],
  ['Priya', 'Pria'],
  ['Ballia', 'बलिया', 'बल्लिया'],
];

/** Names that must stay apart. */
const DIFFERENT: [string, string][] = [
  ['Ram', 'Raman'],
  ['Sharma', 'Verma'],
  ['Kumar', 'Kumari'], // decided: keep the feminine form distinct
  ['राम', 'रमन'],
  ['Ajay', 'Vijay'],
  ['Singh', 'Sinha'],
  ['Mohammad', 'Mahmood'],
  ['Gupta', 'Gupti'],
];

/** Known misses: not equal, but close enough for the trigram index. */
const NEAR: [string, string][] = [
  ['Bulandshahr', 'बुलंदशहर'],
  ['Bhatta', 'भट्ट'],
  ['Datta', 'दत्त'],
];

describe('phoneticKey', () => {
  it.each(EQUAL.map((g) => [g[0], g] as const))('%s: all spellings give one key', (_, group) => {
    const keys = group.map((n) => phoneticKey(n));
    expect(new Set(keys).size, `${group.join(' / ')} → ${keys.join(' / ')}`).toBe(1);
  });

  it('meets the ≥ 90% exact-pair target on the brief’s list (it is 100%)', () => {
    const brief = EQUAL.slice(0, 21);
    let pairs = 0;
    let exact = 0;
    for (const g of brief)
      for (let i = 1; i < g.length; i++) {
        pairs++;
        if (phoneticKey(g[0] as string) === phoneticKey(g[i] as string)) exact++;
      }
    expect(exact / pairs).toBeGreaterThanOrEqual(0.9);
    expect(exact).toBe(pairs);
  });

  it.each(DIFFERENT)('%s ≠ %s', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  it.each(NEAR)('%s ~ %s (trigram similarity ≥ 0.5)', (a, b) => {
    const ka = phoneticKey(a);
    const kb = phoneticKey(b);
    expect(trigramSimilarity(ka, kb), `${ka} vs ${kb}`).toBeGreaterThanOrEqual(0.5);
  });

  it('gives readable keys for simple names', () => {
    expect(phoneticKey('मेहताब')).toBe('mahtab');
    expect(phoneticKey('अंसारी')).toBe('ansari');
    expect(phoneticKey('चौहान')).toBe('cohan');
    expect(phoneticKey('  Ajay   KUMAR  ')).toBe('aje kumar');
  });

  it('handles empty input, digits, punctuation and other junk', () => {
    expect(phoneticKey('')).toBe('');
    expect(phoneticKey('   ')).toBe('');
    expect(phoneticKey('.,;-!?')).toBe('');
    expect(phoneticKey('Ward 12')).toBe('vard 12');
    expect(phoneticKey('वार्ड १२')).toBe(phoneticKey('Ward 12'));
    expect(phoneticKey('Booth-No.107')).toBe('but no 107');
    expect(phoneticKey("D'Souza")).toBe(phoneticKey('Dsouza'));
    expect(phoneticKey('🙏 Ajay 🙏')).toBe('aje');
    expect(phoneticKey('।॥')).toBe('');
  });

  it('strips Latin diacritics, compatibility forms, nukta and zero-width joiners', () => {
    expect(phoneticKey('Mehtāb Chauhān')).toBe(phoneticKey('Mehtab Chauhan'));
    expect(phoneticKey('Mehta\u0304b')).toBe(phoneticKey('Mehtab')); // decomposed macron
    expect(phoneticKey('Ａｊａｙ')).toBe(phoneticKey('Ajay')); // full-width
    expect(phoneticKey('क़ासमी')).toBe(phoneticKey('कासमी'));
    expect(phoneticKey('मुज\u093Cफ\u093C\u094Dफ\u093Cरनगर')).toBe(phoneticKey('मुजफ्फरनगर'));
    expect(phoneticKey('शर्\u200Dमा')).toBe(phoneticKey('शर्मा'));
  });

  it('handles mixed scripts in one string and in one word', () => {
    expect(phoneticKey('Mehtab चौहान')).toBe(phoneticKey('मेहताब Chauhan'));
    expect(phoneticKey('Ramनगर')).toBe(phoneticKey('Ramnagar'));
  });

  it('handles a 500-character input', () => {
    const long = 'मेहताब चौहान Mohammad Ansari '.repeat(20).slice(0, 500);
    const key = phoneticKey(long);
    expect(key.startsWith('mahtab cohan mohmad ansari mahtab')).toBe(true);
    expect(key).not.toMatch(/ {2}/);
    const huge = 'क'.repeat(5000);
    expect(phoneticKey(huge).length).toBeGreaterThan(1000);
  });

  it('is fast enough for bulk imports (well under 10 µs per name, ~1 µs measured)', () => {
    const names = ['Mehtab Chauhan', 'मेहताब चौहान', 'Mohammad Ansari', 'मुज़फ़्फ़रनगर', 'प्रिया शर्मा'];
    const N = 20000;
    let sink = 0;
    const t = performance.now();
    for (let i = 0; i < N; i++) sink += phoneticKey(names[i % names.length] as string).length;
    const usPerName = ((performance.now() - t) * 1000) / N;
    expect(sink).toBeGreaterThan(0);
    expect(usPerName).toBeLessThan(10);
  });
});

describe('searchKey', () => {
  it('joins the distinct keys of a record’s names', () => {
    expect(searchKey('Mehtab Chauhan', 'मेहताब चौहान')).toBe('mahtab cohan');
    expect(searchKey('Lucknow East', 'लखनऊ पूर्व')).toBe('lakno east lakno purv');
    expect(searchKey(null, undefined, '', 'Ajay')).toBe('aje');
    expect(searchKey()).toBe('');
  });

  it('finds a record by a name typed in the other script', () => {
    const stored = searchKey('Mahtab Chouhan', 'महताब चौहान');
    expect(trigramSimilarity(stored, phoneticKey('मेहताब'))).toBeGreaterThan(0.3);
    expect(stored.includes(phoneticKey('Mehtab'))).toBe(true);
  });
});

describe('toDevanagari', () => {
  it('transliterates the brief’s examples', () => {
    expect(toDevanagari('Muzaffarnagar')).toBe('मुजफ्फरनगर');
    expect(toDevanagari('MUZAFFARNAGAR')).toBe('मुजफ्फरनगर');
    expect(toDevanagari('Kairana')).toBe('कैराना');
    expect(toDevanagari('Shamli')).toBe('शामली');
    expect(toDevanagari('Gorakhpur')).toBe('गोरखपुर');
    expect(toDevanagari('Sirpur')).toBe('सिरपुर');
    expect(['वाराणसी', 'वारानसी']).toContain(toDevanagari('Varanasi'));
    expect(toDevanagari('Lucknow East')).toBe('लखनऊ पूर्व');
    expect(toDevanagari('Uttar Pradesh')).toBe('उत्तर प्रदेश');
  });

  it('uses the common endings and conjunct rules', () => {
    expect(toDevanagari('Saharanpur')).toBe('सहारनपुर');
    expect(toDevanagari('Mathura')).toBe('मथुरा');
    expect(toDevanagari('Rampur')).toBe('रामपुर');
    expect(toDevanagari('Aligarh')).toBe('अलीगढ़');
    expect(toDevanagari('Hazratganj')).toBe('हजरतगंज');
    expect(toDevanagari('Basti')).toBe('बस्ती');
    expect(toDevanagari('Amroha')).toBe('अमरोहा');
    expect(toDevanagari('Deoria')).toBe('देवरिया');
    expect(toDevanagari('Sharma')).toBe('शर्मा');
    expect(toDevanagari('Lakshmi')).toBe('लक्ष्मी');
  });

  it('keeps digits, punctuation, parenthesised parts and Devanagari as they are', () => {
    expect(toDevanagari('')).toBe('');
    expect(toDevanagari('Kairana (SC)')).toBe('कैराना (SC)');
    expect(toDevanagari('Ward 12, Shamli')).toBe('वर्द 12, शामली');
    expect(toDevanagari('123-A/4')).toBe('123-ए/4');
    expect(phoneticKey(toDevanagari('R. K. Puram'))).toBe(phoneticKey('R. K. Puram'));
    expect(toDevanagari('शामली')).toBe('शामली');
    expect(toDevanagari('Shāmlī')).toBe('शामली');
  });

  // Names the rules handle without the small dictionary of well-known places.
  const PLACES = [
    'Muzaffarnagar',
    'Kairana',
    'Shamli',
    'Gorakhpur',
    'Sirpur',
    'Saharanpur',
    'Mathura',
    'Rampur',
    'Kanpur',
    'Jhansi',
    'Amroha',
    'Basti',
    'Ballia',
    'Deoria',
    'Aligarh',
    'Moradabad',
    'Pratapgarh',
    'Hazratganj',
    'Lalitpur',
    'Sitapur',
    'Bahraich',
    'Hardoi',
    'Budhana',
    'Sardhana',
    'Khatauli',
    'Thana Bhawan',
    'Charthawal',
    'Baghpat',
    'Bulandshahr',
    'Etawah',
    'Farrukhabad',
    'Firozabad',
    'Mainpuri',
    'Raebareli',
    'Sultanpur',
    'Azamgarh',
    'Ghazipur',
    'Jaunpur',
    'Mirzapur',
    'Sonbhadra',
    'Chandauli',
    'Kushinagar',
    'Maharajganj',
    'Siddharthnagar',
    'Shravasti',
    'Balrampur',
    'Gonda',
    'Barabanki',
    'Faizabad',
    'Ambedkar Nagar',
    'Uttar Pradesh',
    'Kairana (SC)',
  ];

  it('produces Devanagari that round-trips through phoneticKey for ≥ 90% of place names', () => {
    let same = 0;
    const misses: string[] = [];
    for (const p of PLACES) {
      const dev = toDevanagari(p);
      expect(dev, p).toMatch(DEVANAGARI_ONLY);
      expect(dev, p).toMatch(/[\u0900-\u097F]/);
      if (phoneticKey(dev) === phoneticKey(p)) same++;
      else misses.push(`${p} → ${dev}`);
    }
    // measured: 51/52 (Bulandshahr: the Latin spelling drops the a of shahar)
    expect(same / PLACES.length, misses.join('; ')).toBeGreaterThanOrEqual(0.9);
  });
});
