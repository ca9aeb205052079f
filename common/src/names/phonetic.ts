/**
 * Phonetic keys for Indian names written in Devanagari or Latin script.
 *
 * `phoneticKey` maps "Mehtab Chauhan", "Mahtab Chouhan", "मेहताब चौहान" and "महताब चौहान" to
 * one lowercase Latin form ("mahtab cohan"). The key is meant to be stored in one column per
 * record and searched with a trigram index (pg_trgm): equal keys are an exact phonetic match,
 * near keys still score high. It is not meant to be read by people.
 *
 * The pipeline (all tables precomputed, no regex or allocation-heavy work per call):
 *
 *  A. Script → rough lowercase ASCII. Latin: lower-case, diacritics stripped (ā→a, ṣ→s, é→e),
 *     apostrophes dropped, anything else is a word break. Devanagari: romanised akshara by
 *     akshara (क→k, ख→kh, श/ष→sh, च→ch, फ़/फ→ph|f, ज़→j, क़→k, ड़→r, ढ़→rh, ज्ञ→gy, ं/ँ→n, ः dropped,
 *     nukta dropped) with Hindi schwa deletion: the word-final inherent `a` is dropped (kept after
 *     a final conjunct ending in र/य/व/ल/म/न — Mishra, Surendra, Shukla, Krishna, Gupta — and
 *     dropped after a nasal/sibilant/reph/geminate cluster — Anand, Vasant, Siddharth, Bhatt,
 *     Daksh), and a medial inherent `a` is dropped in the context VC_CV, scanning right to left
 *     (Ohala's rule: मेहताब → mehtab, कासमी → kasmi, शिवराज → shivraj). Compound suffixes whose
 *     first syllable has a schwa (नगर, चरण, शरण, रतन, करण, दयाल, लखन, सहाय…) are processed as
 *     separate morphemes (रामनगर → ram+nagar, not ramangar). Anusvara before ह gives "ng"
 *     (सिंह → singh). A single Latin letter (an initial, "R. K.") is spelled the way Hindi writes
 *     it (आर, के), so "R K Sharma" meets "आर के शर्मा".
 *  B. Folding, the same for both scripts, word by word:
 *     - consonants: h after a consonant is dropped (kh→k, gh→g, chh/ch→c, jh→j, th→t, dh→d,
 *       bh→b, sh→s, rh→r, ngh→ng); ph→f, lone c/ck→k, q→k, x→ks, z→j, w→v, "ow" before a
 *       consonant or at the end → "ou"; m before p/b/f/v → n (Sampat = संपत).
 *     - vowels: ee/ii→i, oo/uu→u, any doubled letter collapses (aa→a, ff→f, mm→m); ai/ae/ei→e,
 *       ay/ey before a consonant or at the end → e (Ajay = Ajai = अजय, Pandey = पांडे), au/ou→o
 *       (Chauhan = Chouhan = चौहान); e before h → a (Mehtab = Mahtab, Rehman = Rahman); e before
 *       r+consonant → a (Verma = Varma = वर्मा); word-final y after a consonant → i.
 *     - a word-final h after a vowel is dropped (Shah = शाह either way).
 *     - a generic schwa deletion: a single `a` in VC_CV is dropped (right to left). This runs on
 *       both scripts, after vowel-length folding, so Sanskritic Latin spellings meet the spoken
 *       Devanagari form: Varanasi = वाराणसी (varansi), Kamala = Kamla = कमला (kamla),
 *       Muzaffarnagar = मुजफ्फरनगर (mujfarnagar), Mohammad = मोहम्मद (mohmad).
 *     - aliases on whole words: Mohd/Md/Mohammed/Muhammad… → Mohammad; Smt → Shrimati;
 *       Agarwal/Aggarwal → Agrawal (अग्रवाल); anglicised spellings no rule can reach:
 *       Lucknow → Lakhnau, Meerut → मेरठ, Cawnpore → Kanpur.
 *
 * Known misses: Jaiswal/जायसवाल (jesval/jayasval: Ohala keeps the schwa of य), Bulandshahr/
 * बुलंदशहर (the Latin drops the a of shahar), Bhatta/भट्ट (Bhatt matches), Datta/दत्त (Dutt
 * matches), other anglicised spellings (Benares, Muttra), English words translated rather than
 * transliterated (East/पूर्व). "Mo."/"मो०" for Mohammad is not aliased: "mo" is also Mau.
 */

// ---------------------------------------------------------------------------------------------
// Character classes over ASCII codes.

const VOWEL = new Uint8Array(256);
const CONS = new Uint8Array(256);
for (let c = 97; c <= 122; c++) CONS[c] = 1;
for (const ch of 'aeiou') {
  const c = ch.charCodeAt(0);
  VOWEL[c] = 1;
  CONS[c] = 0;
}

const SEP = 32;
const SKIP = 255;

/** ASCII → code to write (lower-case letter or digit), SEP for a word break, SKIP to ignore. */
const ASCII_MAP = new Uint8Array(128).fill(SEP);
for (let c = 48; c <= 57; c++) ASCII_MAP[c] = c;
for (let c = 97; c <= 122; c++) ASCII_MAP[c] = c;
for (let c = 65; c <= 90; c++) ASCII_MAP[c] = c + 32;
ASCII_MAP[39] = SKIP; // '
ASCII_MAP[96] = SKIP; // `

/** How Hindi writes the English letter names (A → ए, R → आर, K → के), for initials. */
const LETTER_NAMES = [
  'e',
  'bi',
  'si',
  'di',
  'i',
  'ef',
  'ji',
  'ech',
  'ai',
  'je',
  'ke',
  'el',
  'em',
  'en',
  'o',
  'pi',
  'kyu',
  'ar',
  'es',
  'ti',
  'yu',
  'vi',
  'dablyu',
  'eks',
  'vai',
  'jed',
].map((s) => Uint8Array.from(s, (ch) => ch.charCodeAt(0)));

// ---------------------------------------------------------------------------------------------
// Devanagari tables (index = code point - 0x900).

// kind 0: anything else in the block is a word break
const K_CONS = 1;
const K_VOWEL = 2; // independent vowel
const K_MATRA = 3;
const K_VIRAMA = 4;
const K_NASAL = 5; // anusvara, chandrabindu
const K_VISARGA = 6;
const K_NUKTA = 7;
const K_DIGIT = 8;
const K_IGNORE = 9; // avagraha, accents
const K_OM = 10;

const DEV_KIND = new Uint8Array(128);
/** Romanisation of consonants and vowels, as upper-case ASCII codes (upper case marks "came from Devanagari"). */
const DEV_ROM: (Uint8Array | undefined)[] = new Array(128);

// consonant classes, by the same index
const C_NASAL = 1;
const C_SIB = 2;
const C_R = 4;
const C_KEEP_YRV = 8; // final conjunct ending in य/र keeps its schwa (Mishra, Surya)
const C_KEEP_LMN = 16; // … and in व/ल/म/न/ण unless it starts with reph (Vishwa, Shukla, Brahma, Krishna; not Purv)
const C_H = 32;
const DEV_CCLASS = new Uint8Array(128);

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const NUKTA = 0x93c;
const IDX_DDA = 0x21; // ड
const IDX_DDHA = 0x22; // ढ
const IDX_RRA = 0x5c; // ड़
const IDX_RHA = 0x5d; // ढ़
const IDX_JA = 0x1c; // ज
const IDX_NYA = 0x1e; // ञ
const IDX_GA = 0x17; // ग
const IDX_YA = 0x2f; // य

function up(s: string): Uint8Array {
  return Uint8Array.from(s.toUpperCase(), (ch) => ch.charCodeAt(0));
}

{
  const cons: [number, string, number?][] = [
    [0x15, 'k'],
    [0x16, 'kh'],
    [0x17, 'g'],
    [0x18, 'gh'],
    [0x19, 'n', C_NASAL | C_KEEP_LMN],
    [0x1a, 'ch'],
    [0x1b, 'chh'],
    [0x1c, 'j'],
    [0x1d, 'jh'],
    [0x1e, 'n', C_NASAL | C_KEEP_LMN],
    [0x1f, 't'],
    [0x20, 'th'],
    [0x21, 'd'],
    [0x22, 'dh'],
    [0x23, 'n', C_NASAL | C_KEEP_LMN],
    [0x24, 't'],
    [0x25, 'th'],
    [0x26, 'd'],
    [0x27, 'dh'],
    [0x28, 'n', C_NASAL | C_KEEP_LMN],
    [0x29, 'n', C_NASAL | C_KEEP_LMN],
    [0x2a, 'p'],
    [0x2b, 'ph'],
    [0x2c, 'b'],
    [0x2d, 'bh'],
    [0x2e, 'm', C_NASAL | C_KEEP_LMN],
    [0x2f, 'y', C_KEEP_YRV],
    [0x30, 'r', C_R | C_KEEP_YRV],
    [0x31, 'r', C_R | C_KEEP_YRV],
    [0x32, 'l', C_KEEP_LMN],
    [0x33, 'l', C_KEEP_LMN],
    [0x34, 'l', C_KEEP_LMN],
    [0x35, 'v', C_KEEP_LMN],
    [0x36, 'sh', C_SIB],
    [0x37, 'sh', C_SIB],
    [0x38, 's', C_SIB],
    [0x39, 'h', C_H],
    // precomposed nukta letters
    [0x58, 'k'],
    [0x59, 'kh'],
    [0x5a, 'g'],
    [0x5b, 'j'],
    [0x5c, 'r'],
    [0x5d, 'rh'],
    [0x5e, 'f'],
    [0x5f, 'y', C_KEEP_YRV],
    // rare letters (Sindhi, Kashmiri…)
    [0x79, 'j'],
    [0x7a, 'y'],
    [0x7b, 'g'],
    [0x7c, 'j'],
    [0x7e, 'd'],
    [0x7f, 'b'],
  ];
  for (const [i, r, cls] of cons) {
    DEV_KIND[i] = K_CONS;
    DEV_ROM[i] = up(r);
    DEV_CCLASS[i] = cls ?? 0;
  }
  const vowels: [number, string][] = [
    [0x04, 'a'],
    [0x05, 'a'],
    [0x06, 'aa'],
    [0x07, 'i'],
    [0x08, 'ii'],
    [0x09, 'u'],
    [0x0a, 'uu'],
    [0x0b, 'ri'],
    [0x0c, 'li'],
    [0x0d, 'e'],
    [0x0e, 'e'],
    [0x0f, 'e'],
    [0x10, 'ai'],
    [0x11, 'o'],
    [0x12, 'o'],
    [0x13, 'o'],
    [0x14, 'au'],
    [0x60, 'ri'],
    [0x61, 'li'],
    [0x72, 'e'],
    [0x73, 'a'],
    [0x74, 'aa'],
    [0x75, 'aa'],
    [0x76, 'i'],
    [0x77, 'ii'],
  ];
  for (const [i, r] of vowels) {
    DEV_KIND[i] = K_VOWEL;
    DEV_ROM[i] = up(r);
  }
  const matras: [number, string][] = [
    [0x3a, 'e'],
    [0x3b, 'u'],
    [0x3e, 'aa'],
    [0x3f, 'i'],
    [0x40, 'ii'],
    [0x41, 'u'],
    [0x42, 'uu'],
    [0x43, 'ri'],
    [0x44, 'ri'],
    [0x45, 'e'],
    [0x46, 'e'],
    [0x47, 'e'],
    [0x48, 'ai'],
    [0x49, 'o'],
    [0x4a, 'o'],
    [0x4b, 'o'],
    [0x4c, 'au'],
    [0x4e, 'e'],
    [0x4f, 'au'],
    [0x55, 'e'],
    [0x56, 'u'],
    [0x57, 'uu'],
    [0x62, 'li'],
    [0x63, 'li'],
  ];
  for (const [i, r] of matras) {
    DEV_KIND[i] = K_MATRA;
    DEV_ROM[i] = up(r);
  }
  DEV_KIND[0x00] = K_NASAL;
  DEV_KIND[0x01] = K_NASAL;
  DEV_KIND[0x02] = K_NASAL;
  DEV_KIND[0x03] = K_VISARGA;
  DEV_KIND[0x3c] = K_NUKTA;
  DEV_KIND[0x3d] = K_IGNORE;
  DEV_KIND[0x4d] = K_VIRAMA;
  DEV_KIND[0x50] = K_OM;
  for (let i = 0x51; i <= 0x54; i++) DEV_KIND[i] = K_IGNORE;
  for (let i = 0x66; i <= 0x6f; i++) DEV_KIND[i] = K_DIGIT;
  DEV_KIND[0x71] = K_IGNORE;
  DEV_KIND[0x7d] = K_IGNORE;
  // 0x64 ।, 0x65 ॥, 0x70 ॰ and the rest stay K_OTHER (word break)
}

const ROM_NASAL = up('n');
const ROM_NASAL_H = up('ng');
const ROM_A = 65; // 'A'
const ROM_OM = up('om');

/**
 * Compound second parts whose first syllable carries a schwa: the right-to-left schwa rule
 * would otherwise eat the wrong one (रामनगर → ramangar). Processed as separate morphemes.
 */
const DEV_SUFFIXES = [
  'नगर',
  'चरण',
  'चरन',
  'शरण',
  'शरन',
  'रतन',
  'करण',
  'करन',
  'दयाल',
  'लखन',
  'सहाय',
  'नयन',
  'वचन',
  'बचन',
  'भजन',
  'कमल',
  'सजन',
  'शहर',
];

// ---------------------------------------------------------------------------------------------
// Reused buffers (the functions are synchronous and not re-entrant).

let RAW = new Uint8Array(256);
let rawLen = 0;
let W1 = new Uint8Array(256);
let W2 = new Uint8Array(256);

// aksharas of the current Devanagari word
let akC0 = new Int32Array(64); // first consonant in consBuf
let akNC = new Int32Array(64); // number of consonants (0 = independent vowel)
let akV = new Int32Array(64); // vowel: V_NONE, V_INH, or the table index of a matra / vowel
let akFlags = new Uint8Array(64);
let akPos = new Int32Array(64); // index of the akshara's first char in the text
let consBuf = new Int32Array(128);

const V_NONE = -1; // virama: no vowel
const V_INH = -2; // inherent schwa
const F_NASAL = 1;
const F_VISARGA = 2;
const F_DEL = 4;

function growRaw(need: number): void {
  let size = RAW.length * 2;
  while (size < need) size *= 2;
  const next = new Uint8Array(size);
  next.set(RAW.subarray(0, rawLen));
  RAW = next;
}

function pushRaw(c: number): void {
  if (rawLen >= RAW.length) growRaw(rawLen + 1);
  RAW[rawLen++] = c;
}

function pushRawArr(a: Uint8Array): void {
  if (rawLen + a.length > RAW.length) growRaw(rawLen + a.length);
  RAW.set(a, rawLen);
  rawLen += a.length;
}

function growAk(): void {
  const n = akC0.length * 2;
  const g32 = (a: Int32Array) => {
    const b = new Int32Array(n);
    b.set(a);
    return b;
  };
  akC0 = g32(akC0);
  akNC = g32(akNC);
  akV = g32(akV);
  akPos = g32(akPos);
  const f = new Uint8Array(n);
  f.set(akFlags);
  akFlags = f;
}

function pushCons(nCons: number, idx: number): void {
  if (nCons >= consBuf.length) {
    const b = new Int32Array(consBuf.length * 2);
    b.set(consBuf);
    consBuf = b;
  }
  consBuf[nCons] = idx;
}

// ---------------------------------------------------------------------------------------------
// Other scripts: a lazily filled cache of code point → ASCII (NFKD, marks dropped).

const OTHER_CACHE = new Map<number, Uint8Array | number>();
const MANUAL_FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  ı: 'i',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ħ: 'h',
  ŋ: 'n',
};
const MARK_RE = /^\p{M}+$/u;
const SKIP_CPS = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad, 0x2018, 0x2019, 0x2bc, 0x2b9]);

function foldOther(cp: number): Uint8Array | number {
  const hit = OTHER_CACHE.get(cp);
  if (hit !== undefined) return hit;
  let res: Uint8Array | number;
  const ch = String.fromCodePoint(cp);
  if (SKIP_CPS.has(cp) || MARK_RE.test(ch)) res = SKIP;
  else {
    const manual = MANUAL_FOLD[ch];
    const nf = manual ?? ch.normalize('NFKD');
    const out: number[] = [];
    for (let i = 0; i < nf.length; i++) {
      const c = nf.charCodeAt(i);
      if (c < 128) {
        const m = ASCII_MAP[c] as number;
        if (m !== SEP && m !== SKIP) out.push(m);
      }
    }
    res = out.length ? Uint8Array.from(out) : SEP;
  }
  if (OTHER_CACHE.size < 20000) OTHER_CACHE.set(cp, res);
  return res;
}

// ---------------------------------------------------------------------------------------------
// Stage A: text → RAW (lower-case ASCII from Latin, upper-case ASCII from Devanagari, 32 = break)

function stageA(text: string): void {
  rawLen = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const m = ASCII_MAP[c] as number;
      if (m !== SKIP) pushRaw(m);
      i++;
    } else if (c >= 0x900 && c <= 0x97f) {
      i = devRun(text, i, n);
    } else if (c === ZWJ || c === ZWNJ) {
      i++;
    } else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        cp = text.codePointAt(i) as number;
        i += 2;
      } else i++;
      const r = foldOther(cp);
      if (typeof r === 'number') {
        if (r !== SKIP) pushRaw(r);
      } else pushRawArr(r);
    }
  }
}

function isDevLetterKind(k: number): boolean {
  return k >= K_CONS && k <= K_NUKTA;
}

/** Consumes a run of Devanagari (and ZWJ/ZWNJ) starting at i; returns the index after it. */
function devRun(text: string, i: number, n: number): number {
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === ZWJ || c === ZWNJ) {
      i++;
      continue;
    }
    if (c < 0x900 || c > 0x97f) break;
    const k = DEV_KIND[c - 0x900] as number;
    if (isDevLetterKind(k)) {
      i = devWord(text, i, n);
    } else {
      if (k === K_DIGIT) {
        // "मो०", "कु०": a zero right after letters is the abbreviation mark, not a digit
        const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
        const prevLetter = prev >= 0x900 && prev <= 0x97f && isDevLetterKind(DEV_KIND[prev - 0x900] as number);
        if (c === 0x966 && prevLetter) pushRaw(SEP);
        else pushRaw(48 + c - 0x966);
      } else if (k === K_OM) pushRawArr(ROM_OM);
      else if (k !== K_IGNORE) pushRaw(SEP);
      i++;
    }
  }
  return i;
}

function skipZw(text: string, i: number, n: number): number {
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== ZWJ && c !== ZWNJ) break;
    i++;
  }
  return i;
}

function devKindAt(text: string, i: number, n: number): number {
  if (i >= n) return -1;
  const c = text.charCodeAt(i);
  if (c < 0x900 || c > 0x97f) return -1;
  return DEV_KIND[c - 0x900] as number;
}

/** Parses one Devanagari word into aksharas, applies schwa deletion, writes its romanisation. */
function devWord(text: string, i: number, n: number): number {
  let na = 0;
  let nc = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === ZWJ || c === ZWNJ) {
      i++;
      continue;
    }
    if (c < 0x900 || c > 0x97f) break;
    const idx = c - 0x900;
    const k = DEV_KIND[idx] as number;
    if (!isDevLetterKind(k)) {
      if (k === K_IGNORE) {
        i++;
        continue;
      }
      break;
    }
    if (k === K_NUKTA) {
      i++;
      continue;
    }
    if (k === K_NASAL || k === K_VISARGA || k === K_VIRAMA) {
      // a sign with no base: attach to the previous akshara, or make a bare one
      if (na === 0) {
        if (na >= akC0.length) growAk();
        akC0[na] = nc;
        akNC[na] = 0;
        akV[na] = V_NONE;
        akFlags[na] = 0;
        akPos[na] = i;
        na++;
      }
      if (k === K_NASAL) akFlags[na - 1] = (akFlags[na - 1] as number) | F_NASAL;
      else if (k === K_VISARGA) akFlags[na - 1] = (akFlags[na - 1] as number) | F_VISARGA;
      i++;
      continue;
    }
    if (na >= akC0.length) growAk();
    akC0[na] = nc;
    akFlags[na] = 0;
    akPos[na] = i;
    if (k === K_VOWEL || k === K_MATRA) {
      akNC[na] = 0;
      akV[na] = idx;
      i++;
    } else {
      // consonant cluster: C (nukta) (् C (nukta))*
      let cur = idx;
      i++;
      if (i < n && text.charCodeAt(i) === NUKTA) {
        if (cur === IDX_DDA) cur = IDX_RRA;
        else if (cur === IDX_DDHA) cur = IDX_RHA;
        i++;
      }
      pushCons(nc++, cur);
      let count = 1;
      let vowel = V_INH;
      for (;;) {
        i = skipZw(text, i, n);
        const kk = devKindAt(text, i, n);
        if (kk === K_VIRAMA) {
          const j = skipZw(text, i + 1, n);
          if (devKindAt(text, j, n) === K_CONS) {
            let nxt = text.charCodeAt(j) - 0x900;
            i = j + 1;
            if (i < n && text.charCodeAt(i) === NUKTA) {
              if (nxt === IDX_DDA) nxt = IDX_RRA;
              else if (nxt === IDX_DDHA) nxt = IDX_RHA;
              i++;
            }
            if (nxt === IDX_NYA && consBuf[nc - 1] === IDX_JA) {
              consBuf[nc - 1] = IDX_GA; // ज्ञ is "gy" in Hindi
              nxt = IDX_YA;
            }
            pushCons(nc++, nxt);
            count++;
            continue;
          }
          vowel = V_NONE;
          i = j;
          break;
        }
        if (kk === K_MATRA) {
          vowel = text.charCodeAt(i) - 0x900;
          i++;
        } else if (kk === K_NUKTA) {
          i++;
          continue;
        }
        break;
      }
      akNC[na] = count;
      akV[na] = vowel;
    }
    // trailing signs
    for (;;) {
      i = skipZw(text, i, n);
      const kk = devKindAt(text, i, n);
      if (kk === K_NASAL) akFlags[na] = (akFlags[na] as number) | F_NASAL;
      else if (kk === K_VISARGA) akFlags[na] = (akFlags[na] as number) | F_VISARGA;
      else if (kk !== K_NUKTA && kk !== K_IGNORE) break;
      i++;
    }
    na++;
  }
  if (na === 0) return i;

  // morpheme split for compound suffixes
  let split = 0;
  if (na >= 3) {
    for (const suf of DEV_SUFFIXES) {
      if (text.endsWith(suf, i)) {
        const p = i - suf.length;
        for (let a = 1; a < na; a++) {
          if (akPos[a] === p) {
            split = a;
            break;
          }
        }
        if (split) break;
      }
    }
  }
  if (split) {
    deleteSchwas(0, split);
    deleteSchwas(split, na);
  } else deleteSchwas(0, na);

  for (let a = 0; a < na; a++) {
    const c0 = akC0[a] as number;
    const cn = akNC[a] as number;
    for (let j = 0; j < cn; j++) pushRawArr(DEV_ROM[consBuf[c0 + j] as number] as Uint8Array);
    const v = akV[a] as number;
    const f = akFlags[a] as number;
    if (v === V_INH) {
      if (!(f & F_DEL)) pushRaw(ROM_A);
    } else if (v !== V_NONE) pushRawArr(DEV_ROM[v] as Uint8Array);
    if (f & F_NASAL) {
      const nextH = a + 1 < na && (akNC[a + 1] as number) > 0 && DEV_CCLASS[consBuf[akC0[a + 1] as number] as number] === C_H;
      pushRawArr(nextH ? ROM_NASAL_H : ROM_NASAL);
    }
  }
  return i;
}

/** Should the final inherent schwa after a conjunct be dropped? (akshara a has ≥ 2 consonants) */
function dropAfterCluster(a: number): boolean {
  const c0 = akC0[a] as number;
  const first = DEV_CCLASS[consBuf[c0] as number] as number;
  const lastIdx = consBuf[c0 + (akNC[a] as number) - 1] as number;
  const last = DEV_CCLASS[lastIdx] as number;
  if (last & C_KEEP_YRV) return false; // Mishra, Chandra, Surya, Aditya
  if (first & C_R) return true; // Siddharth, Dharm, Harsh, Purv
  if (last & C_KEEP_LMN) return false; // Vishwa, Shukla, Brahma, Krishna, Padma
  if (first & (C_NASAL | C_SIB)) return true; // Anand, Vasant, Mast
  if (last & C_SIB) return true; // Daksh, Adhyaksh
  if (consBuf[c0] === lastIdx) return true; // Bhatt, Dutt
  return false; // Gupta, Mukta
}

/** Hindi schwa deletion on aksharas [from, to): final schwa, then VC_CV right to left. */
function deleteSchwas(from: number, to: number): void {
  const last = to - 1;
  const lf = akFlags[last] as number;
  if (to - from > 1 && akV[last] === V_INH && !(lf & (F_NASAL | F_VISARGA))) {
    if (akNC[last] === 1 || dropAfterCluster(last)) akFlags[last] = lf | F_DEL;
  }
  for (let k = to - 2; k > from; k--) {
    const f = akFlags[k] as number;
    if (akV[k] !== V_INH || f & (F_NASAL | F_VISARGA) || akNC[k] !== 1) continue;
    const p = k - 1;
    const pf = akFlags[p] as number;
    if (akV[p] === V_NONE || pf & (F_DEL | F_NASAL | F_VISARGA)) continue;
    const q = k + 1;
    if (akNC[q] !== 1 || akV[q] === V_NONE || (akFlags[q] as number) & F_DEL) continue;
    akFlags[k] = f | F_DEL;
  }
}

// ---------------------------------------------------------------------------------------------
// Stage B: fold one word of RAW.

function ensureW(n: number): void {
  if (W1.length < n) {
    let size = W1.length;
    while (size < n) size *= 2;
    W1 = new Uint8Array(size);
    W2 = new Uint8Array(size);
  }
}

function foldWord(src: Uint8Array, s: number, e: number): string {
  if (e - s === 1) {
    const c = src[s] as number;
    if (c >= 97 && c <= 122) {
      src = LETTER_NAMES[c - 97] as Uint8Array; // a Latin initial
      s = 0;
      e = src.length;
    }
  }
  ensureW(2 * (e - s) + 4);
  const A = W1;
  const B = W2;

  // 1. consonants
  let n = 0;
  for (let i = s; i < e; i++) {
    let c = src[i] as number;
    if (c >= 65 && c <= 90) c += 32;
    const nx = i + 1 < e ? (src[i + 1] as number) | 32 : 0;
    switch (c) {
      case 104: // h after a consonant: aspiration, dropped
        if (n > 0 && CONS[A[n - 1] as number]) break;
        A[n++] = 104;
        break;
      case 99: // c: ch/chh → c, cch → c, otherwise k
        if (nx === 104 || (nx === 99 && i + 2 < e && ((src[i + 2] as number) | 32) === 104)) A[n++] = 99;
        else A[n++] = 107;
        break;
      case 112: // ph → f
        if (nx === 104) {
          A[n++] = 102;
          i++;
        } else A[n++] = 112;
        break;
      case 120: // x → ks
        A[n++] = 107;
        A[n++] = 115;
        break;
      case 113: // q → k
        A[n++] = 107;
        break;
      case 122: // z → j
        A[n++] = 106;
        break;
      case 119: // w → v, but "ow" before a consonant / at the end is a vowel (Chowdhary, Lucknow)
        c = n > 0 && A[n - 1] === 111 && !VOWEL[nx] ? 117 : 118;
        A[n++] = c;
        break;
      default:
        A[n++] = c;
    }
  }

  // 2. ee → i, oo → u, collapse doubled letters
  let m = 0;
  for (let i = 0; i < n; i++) {
    let c = A[i] as number;
    const nx = i + 1 < n ? (A[i + 1] as number) : 0;
    if (c === 101 && nx === 101) {
      c = 105;
      i++;
    } else if (c === 111 && nx === 111) {
      c = 117;
      i++;
    }
    if (c >= 97 && m > 0 && B[m - 1] === c) continue;
    B[m++] = c;
  }

  // 3. diphthongs and vowel colour
  n = 0;
  for (let i = 0; i < m; i++) {
    const c = B[i] as number;
    const nx = i + 1 < m ? (B[i + 1] as number) : 0;
    const nx2 = i + 2 < m ? (B[i + 2] as number) : 0;
    let out = c;
    if (c === 97) {
      if (nx === 105 || nx === 101) {
        out = 101; // ai, ae → e
        i++;
      } else if (nx === 121 && (nx2 === 0 || CONS[nx2])) {
        out = 101; // ay → e (Ajay = Ajai)
        i++;
      } else if (nx === 117) {
        out = 111; // au → o
        i++;
      }
    } else if (c === 101) {
      if (nx === 111 && (nx2 === 0 || CONS[nx2])) {
        A[n++] = 101; // eo → ev (Sukhdeo = Sukhdev, Deoria = देवरिया)
        out = 118;
        i++;
      } else if (nx === 105)
        i++; // ei → e
      else if (nx === 121 && (nx2 === 0 || CONS[nx2]))
        i++; // ey → e (Pandey)
      else if (nx === 104)
        out = 97; // eh → ah (Mehtab = Mahtab)
      else if (nx === 114 && CONS[nx2]) out = 97; // er+C → ar (Verma = Varma)
    } else if (c === 111) {
      if (nx === 117) i++; // ou → o
    } else if (c === 109) {
      if (nx === 112 || nx === 98 || nx === 102 || nx === 118) out = 110; // mp, mb → np, nb
    } else if (c === 121) {
      if (i === m - 1 && n > 0 && CONS[A[n - 1] as number])
        out = 105; // final y → i
      else if (n > 0 && A[n - 1] === 105 && VOWEL[nx]) continue; // iya → ia (Priya = Pria, Ballia = बलिया)
    }
    if (out >= 97 && n > 0 && A[n - 1] === out) continue;
    A[n++] = out;
  }

  // 4. final h after a vowel
  if (n > 1 && A[n - 1] === 104 && VOWEL[A[n - 2] as number]) n--;

  // 5. generic schwa deletion: a → ∅ / VC_CV, right to left
  for (let i = n - 3; i >= 2; i--) {
    if (A[i] !== 97) continue;
    if (!CONS[A[i - 1] as number] || !VOWEL[A[i - 2] as number]) continue;
    if (!CONS[A[i + 1] as number] || !VOWEL[A[i + 2] as number]) continue;
    A[i] = 0;
  }

  let out = '';
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = A[i] as number;
    if (c === 0 || (c >= 97 && c === prev)) continue;
    out += String.fromCharCode(c);
    prev = c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Aliases (applied to folded words).

const ALIAS = new Map<string, string>();

function keyOf(text: string, useAlias: boolean): string {
  if (!text) return '';
  stageA(text);
  let out = '';
  let start = -1;
  const raw = RAW;
  for (let i = 0; i <= rawLen; i++) {
    const c = i < rawLen ? (raw[i] as number) : SEP;
    if (c === SEP) {
      if (start >= 0) {
        let w = foldWord(raw, start, i);
        if (useAlias && w.length <= 10) w = ALIAS.get(w) ?? w;
        if (w) out = out ? `${out} ${w}` : w;
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  return out;
}

{
  const groups: [string, string[]][] = [
    [
      'mohammad',
      [
        'mohd',
        'md',
        'mhd',
        'mohamed',
        'mohammed',
        'muhammad',
        'muhammed',
        'muhamad',
        'mohmad',
        'mohmed',
        'mohmmad',
        'mohamad',
        'mohammad',
        'मोहम्मद',
        'मुहम्मद',
        'मोहमद',
      ],
    ],
    ['shrimati', ['smt', 'shrimati', 'shrimti', 'srimati', 'श्रीमती']],
    ['lakhnau', ['lucknow', 'lakhnow', 'लखनऊ']],
    ['मेरठ', ['meerut', 'merath']],
    ['agrawal', ['agarwal', 'aggarwal', 'agarwala', 'agrawala', 'अग्रवाल', 'अगरवाल']],
    ['kanpur', ['cawnpore', 'cawnpur']],
  ];
  for (const [canon, variants] of groups) {
    const target = keyOf(canon, false);
    for (const v of variants) {
      const k = keyOf(v, false);
      if (k && k !== target && !k.includes(' ')) ALIAS.set(k, target);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * One simplified lowercase Latin form of a name written in Devanagari, Latin or both; words
 * joined by single spaces. Equal keys = same name as spoken (Mehtab = महताब, Ajay = Ajai).
 */
export function phoneticKey(text: string): string {
  return keyOf(text, true);
}

/**
 * The distinct phonetic keys of the given names (e.g. a record's English and Hindi name),
 * joined with ' ': the value to store in one trigram-indexed search column.
 */
export function searchKey(...names: (string | null | undefined)[]): string {
  let out = '';
  const seen: string[] = [];
  for (const name of names) {
    if (!name) continue;
    const k = keyOf(name, true);
    if (!k || seen.includes(k)) continue;
    seen.push(k);
    out = out ? `${out} ${k}` : k;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Romanised Hindi → Devanagari (best effort, for derived Hindi names of places)

const DEV_CONS: Record<string, string> = {
  k: 'क',
  kh: 'ख',
  g: 'ग',
  gh: 'घ',
  ch: 'च',
  chh: 'छ',
  j: 'ज',
  jh: 'झ',
  t: 'त',
  th: 'थ',
  d: 'द',
  dh: 'ध',
  n: 'न',
  p: 'प',
  ph: 'फ',
  f: 'फ',
  b: 'ब',
  bh: 'भ',
  m: 'म',
  y: 'य',
  r: 'र',
  l: 'ल',
  v: 'व',
  sh: 'श',
  s: 'स',
  h: 'ह',
  ksh: 'क्ष',
  rh: 'ढ़',
};
const DEV_MATRA: Record<string, string> = {
  a: '',
  aa: 'ा',
  i: 'ि',
  ii: 'ी',
  u: 'ु',
  uu: 'ू',
  e: 'े',
  ai: 'ै',
  o: 'ो',
  au: 'ौ',
};
const DEV_INDEP: Record<string, string> = {
  a: 'अ',
  aa: 'आ',
  i: 'इ',
  ii: 'ई',
  u: 'उ',
  uu: 'ऊ',
  e: 'ए',
  ai: 'ऐ',
  o: 'ओ',
  au: 'औ',
};
const STOPS = new Set(['k', 'kh', 'g', 'gh', 'ch', 'chh', 'j', 'jh', 't', 'th', 'd', 'dh', 'p', 'ph', 'f', 'b', 'bh']);
const DIGRAPHS = new Set(['kh', 'gh', 'ch', 'jh', 'th', 'dh', 'ph', 'bh', 'sh', 'rh', 'ck']);
const VOWEL_PAIRS: Record<string, string> = {
  aa: 'aa',
  ai: 'ai',
  ae: 'ai',
  au: 'au',
  ee: 'ii',
  ii: 'ii',
  oo: 'uu',
  uu: 'uu',
  ou: 'au',
  ei: 'e',
};

/** Well-known names and words the rules get wrong (or that are translated, not transliterated). */
const DEV_DICT: Record<string, string> = {
  lucknow: 'लखनऊ',
  varanasi: 'वाराणसी',
  banaras: 'बनारस',
  agra: 'आगरा',
  delhi: 'दिल्ली',
  meerut: 'मेरठ',
  prayagraj: 'प्रयागराज',
  allahabad: 'इलाहाबाद',
  ayodhya: 'अयोध्या',
  jaipur: 'जयपुर',
  mau: 'मऊ',
  mumbai: 'मुंबई',
  kolkata: 'कोलकाता',
  chennai: 'चेन्नई',
  bengaluru: 'बेंगलुरु',
  hyderabad: 'हैदराबाद',
  patna: 'पटना',
  bhopal: 'भोपाल',
  ghaziabad: 'गाजियाबाद',
  noida: 'नोएडा',
  gurugram: 'गुरुग्राम',
  dehradun: 'देहरादून',
  singh: 'सिंह',
  bihar: 'बिहार',
  jharkhand: 'झारखंड',
  uttarakhand: 'उत्तराखंड',
  madhya: 'मध्य',
  maharashtra: 'महाराष्ट्र',
  gujarat: 'गुजरात',
  punjab: 'पंजाब',
  haryana: 'हरियाणा',
  himachal: 'हिमाचल',
  rajasthan: 'राजस्थान',
  bengal: 'बंगाल',
  odisha: 'ओडिशा',
  assam: 'असम',
  kerala: 'केरल',
  tamil: 'तमिल',
  nadu: 'नाडु',
  karnataka: 'कर्नाटक',
  andhra: 'आंध्र',
  telangana: 'तेलंगाना',
  goa: 'गोवा',
  sikkim: 'सिक्किम',
  tripura: 'त्रिपुरा',
  manipur: 'मणिपुर',
  meghalaya: 'मेघालय',
  mizoram: 'मिजोरम',
  nagaland: 'नागालैंड',
  arunachal: 'अरुणाचल',
  chhattisgarh: 'छत्तीसगढ़',
  jammu: 'जम्मू',
  kashmir: 'कश्मीर',
  ladakh: 'लद्दाख',
  chandigarh: 'चंडीगढ़',
  puducherry: 'पुडुचेरी',
  // words translated the way ECI's Hindi constituency names do
  east: 'पूर्व',
  west: 'पश्चिम',
  north: 'उत्तर',
  south: 'दक्षिण',
  central: 'मध्य',
  cantt: 'कैंट',
  cantonment: 'कैंट',
  rural: 'ग्रामीण',
  city: 'शहर',
  sadar: 'सदर',
  dehat: 'देहात',
};

/** Common place-name endings, checked longest first; the stem is transliterated on its own. */
const DEV_ENDINGS: [string, string][] = [
  ['nagar', 'नगर'],
  ['abad', 'ाबाद'],
  ['khera', 'खेड़ा'],
  ['khurd', 'खुर्द'],
  ['kalan', 'कलां'],
  ['ganj', 'गंज'],
  ['garh', 'गढ़'],
  ['gaon', 'गांव'],
  ['pura', 'पुरा'],
  ['puri', 'पुरी'],
  ['pur', 'पुर'],
  ['kot', 'कोट'],
  ['ghat', 'घाट'],
  ['bagh', 'बाग'],
];

const isLatinVowel = (ch: string | undefined): boolean => ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u';
const isLatinCons = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z' && !isLatinVowel(ch);

/** Splits a lower-case Latin word into consonant and vowel tokens (keys of the tables above). */
function tokenize(w: string): { keys: string[]; vowel: boolean[] } {
  const keys: string[] = [];
  const vowel: boolean[] = [];
  const push = (k: string, v: boolean) => {
    keys.push(k);
    vowel.push(v);
  };
  const L = w.length;
  let i = 0;
  while (i < L) {
    const c = w[i] as string;
    const n1 = w[i + 1];
    const n2 = w[i + 2];
    if (isLatinVowel(c)) {
      const pair = VOWEL_PAIRS[c + (n1 ?? '')];
      if (pair) {
        push(pair, true);
        i += 2;
      } else if ((c === 'a' || c === 'e') && n1 === 'y' && (n2 === undefined || isLatinCons(n2))) {
        push(c === 'a' ? 'ai' : 'e', true);
        i += 2;
      } else if (c === 'o' && n1 === 'w' && (n2 === undefined || isLatinCons(n2))) {
        push('au', true);
        i += 2;
      } else if (c === 'e' && n1 === 'o' && isLatinCons(n2)) {
        push('e', true); // Deoria → देवरिया, Deoband → देवबंद
        push('v', false);
        i += 2;
      } else {
        push(c, true);
        i++;
      }
      // "ia" → इया (Ballia → बलिया): insert the glide
      const last = keys[keys.length - 1];
      if ((last === 'i' || last === 'ii') && w[i] === 'a') push('y', false);
      continue;
    }
    const three = w.slice(i, i + 3);
    if (three === 'chh' || three === 'ksh') {
      push(three, false);
      i += 3;
      continue;
    }
    const two = c + (n1 ?? '');
    if (DIGRAPHS.has(two) && !(two === 'rh' && i === 0)) {
      push(two === 'ck' ? 'k' : two, false);
      i += 2;
      continue;
    }
    switch (c) {
      case 'c':
      case 'q':
        push('k', false);
        break;
      case 'z':
        push('j', false);
        break;
      case 'w':
        push('v', false);
        break;
      case 'x':
        push('k', false);
        push('s', false);
        break;
      default:
        push(c, false);
    }
    i++;
  }
  return { keys, vowel };
}

function joinable(c1: string, c2: string, initial: boolean, beforeFinalA: boolean): boolean {
  if (initial || c1 === c2) return true;
  if (c1 === 'r') return c2 !== 'h';
  if ((c1 === 's' || c1 === 'sh' || c1 === 'ksh') && (STOPS.has(c2) || c2 === 'n' || c2 === 'm')) return true;
  if (STOPS.has(c1) && (c2 === 'r' || c2 === 'y' || c2 === 'v' || c2 === 'l')) return beforeFinalA;
  if (c1.length === 1 && c2 === `${c1}h`) return true; // dh after d, kh after k… (Siddharth)
  return c1 === 'k' && c2 === 's';
}

/**
 * Heuristics for one word without a known ending:
 * - consonant clusters: word-initial clusters, geminates, reph (r+C), s/sh+stop or nasal,
 *   stop+r/y/v/l before a final a (Chandra, Aditya, Shukla), d+dh-like pairs and k+s are
 *   written as conjuncts with virama; n/m before a stop or sibilant
 *   becomes anusvara; any other cluster is written with full letters (the reader drops the
 *   schwa): Shamli → शामली, Amroha → अमरोहा, Mehta → मेहता.
 * - 'a' after a consonant: word-final → ा; in a closed syllable → inherent (no matra), except
 *   a monosyllable (Ram → राम) and a + m/n + l/s/h/v/y (Shamli, Jhansi); in an open syllable →
 *   inherent in the first syllable (Mathura → मथुरा) and ा later (Kairana → कैराना,
 *   Saharanpur → सहारनपुर), since a medial schwa there would have been dropped in speech and
 *   so not written.
 * - word-final i/u are long (ी/ू); ee/ii → ी, oo/uu → ू, ai/ay → ै, au/ou/ow → ौ.
 */
function translitCore(w: string): string {
  const { keys, vowel } = tokenize(w);
  const T = keys.length;
  let nVowels = 0;
  for (const v of vowel) if (v) nVowels++;
  let out = '';
  let seenVowel = false;
  let vi = 0;
  for (let t = 0; t < T; t++) {
    const key = keys[t] as string;
    if (!vowel[t]) {
      const dev = DEV_CONS[key] ?? '';
      const next = keys[t + 1];
      if (t + 1 >= T || vowel[t + 1] || next === undefined) {
        out += dev;
      } else if ((key === 'n' || key === 'm') && seenVowel && (STOPS.has(next) || next === 's' || next === 'sh' || next === 'ksh')) {
        out += 'ं';
      } else if (joinable(key, next, !seenVowel, t + 3 === T && keys[t + 2] === 'a')) {
        out += `${dev}्`;
      } else out += dev;
      continue;
    }
    // vowel
    let fc = 0;
    let u = t + 1;
    while (u < T && !vowel[u]) {
      fc++;
      u++;
    }
    const atEnd = u >= T;
    let v = key;
    if (key === 'a') {
      let long: boolean;
      if (atEnd && fc === 0) long = true;
      else if (nVowels === 1 && fc === 1) long = true;
      else if (fc >= 2 || (fc === 1 && atEnd)) {
        const c1 = keys[t + 1];
        const c2 = keys[t + 2];
        long = fc >= 2 && (c1 === 'm' || c1 === 'n') && (c2 === 'l' || c2 === 's' || c2 === 'sh' || c2 === 'h' || c2 === 'v' || c2 === 'y');
      } else if (fc === 1) long = vi > 0;
      else long = false;
      if (long) v = 'aa';
    } else if (atEnd && fc === 0) {
      if (key === 'i') v = 'ii';
      else if (key === 'u') v = 'uu';
    }
    const afterCons = t > 0 && !vowel[t - 1];
    out += afterCons ? (DEV_MATRA[v] ?? '') : (DEV_INDEP[v] ?? '');
    seenVowel = true;
    vi++;
  }
  return out;
}

/** Single Latin letters (sections, initials) are written as Hindi spells the letter names. */
const DEV_LETTERS = 'ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड'.split(' ');

function translitWord(word: string): string {
  const w = word.toLowerCase();
  if (w.length === 1) return DEV_LETTERS[w.charCodeAt(0) - 97] ?? w;
  const known = DEV_DICT[w];
  if (known) return known;
  for (const [end, dev] of DEV_ENDINGS) {
    if (w.length - end.length >= 2 && w.endsWith(end)) {
      const stem = w.slice(0, w.length - end.length);
      if (![...stem].some(isLatinVowel)) continue;
      if (end === 'abad') {
        // the ā of -ābād opens the stem's last syllable: Moradabad → मुरादाबाद-like मोरादाबाद
        return isLatinVowel(stem[stem.length - 1]) ? `${translitCore(stem)}बाद` : `${translitCore(`${stem}aa`)}बाद`;
      }
      return (DEV_DICT[stem] ?? translitCore(stem)) + dev;
    }
  }
  return translitCore(w);
}

const NON_ASCII_RE = /[^\p{ASCII}]/u;
const COMBINING_RE = /[\u0300-\u036f]/g;

/**
 * Best-effort rule-based transliteration of a romanised Hindi (place) name to Devanagari, for a
 * Hindi name marked "derived" where no source has one: "Muzaffarnagar" → "मुजफ्फरनगर",
 * "Kairana (SC)" → "कैराना (SC)", "Lucknow East" → "लखनऊ पूर्व". Digits, punctuation, text
 * already in Devanagari and parenthesised parts are kept as they are. No nukta is written
 * (ज not ज़, फ not फ़), the way most Hindi sources spell place names.
 */
export function toDevanagari(latin: string): string {
  if (!latin) return '';
  let s = latin;
  if (NON_ASCII_RE.test(s)) s = s.normalize('NFKD').replace(COMBINING_RE, '').normalize('NFC');
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 40) {
      // ( … ) kept verbatim
      const close = s.indexOf(')', i);
      const end = close < 0 ? n : close + 1;
      out += s.slice(i, end);
      i = end;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122))) break;
        j++;
      }
      out += translitWord(s.slice(i, j));
      i = j;
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}
