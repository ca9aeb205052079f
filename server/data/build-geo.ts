/**
 * Builds server/data/geo-india.json — states/UTs, LGD districts, Lok Sabha (PC) and assembly (AC)
 * constituencies under today's ECI codes — from the raw public files in SHARED_DIR (see
 * server/data/SOURCES.md for every source, licence and correction).
 *
 *   npx tsx server/data/build-geo.ts [SHARED_DIR]      (default: <repo>/../shared/data)
 *
 * Pure Node, deterministic (sorted output, no timestamps). Exits non-zero if an invariant fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type TReservation = 'GEN' | 'SC' | 'ST';
type TAcReservation = TReservation | 'BL' | 'SANGHA';
type TState = { code: string; name: string; nameHi: string; kind: 'state' | 'ut'; lgdCode: number; census2011: string | null };
type TDistrict = { code: string; lgdCode: number; stateCode: string; name: string; census2011: string | null };
type TPc = { stateCode: string; number: number; name: string; nameHi: string; reservation: TReservation };
type TAc = {
  stateCode: string;
  number: number;
  pcNumber: number;
  name: string;
  nameHi: string | null;
  nameHiSource: 'pc' | null;
  reservation: TAcReservation;
  districts: string[];
};

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(process.argv[2] ?? path.join(scriptDir, '..', '..', '..', 'shared', 'data'));
const OUT = process.env.SAMITI_GEO_OUT ? path.resolve(process.env.SAMITI_GEO_OUT) : path.join(scriptDir, 'geo-india.json');

const problems: string[] = [];
const fail = (msg: string): void => {
  problems.push(msg);
};
const log = (msg = ''): void => {
  process.stdout.write(`${msg}\n`);
};

// ---------------------------------------------------------------------------------------------
// Small helpers

const read = (rel: string): string => fs.readFileSync(path.join(SHARED, rel), 'utf8');

/** RFC-4180-ish CSV: quoted fields, "" escapes, LF / CRLF / CR-only line endings. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
};

/** CSV with a header row → objects keyed by header (first occurrence of a duplicate header wins). */
const csvObjects = (text: string): Record<string, string>[] => {
  const [head, ...rows] = parseCsv(text);
  if (!head) return [];
  return rows.map((r) => {
    const o: Record<string, string> = {};
    head.forEach((h, i) => {
      if (!(h in o)) o[h] = (r[i] ?? '').trim();
    });
    return o;
  });
};

const norm = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x']);
const SMALL = new Set(['and', 'of']);
const ACRONYMS = new Set(['ntr', 'spsr']);
/**
 * "NIZAMABAD (URBAN)" → "Nizamabad (Urban)", "AIZAWL NORTH-III" → "Aizawl North-III" (a final
 * roman numeral stays upper case; "THIRU-VI-KA-NAGAR" → "Thiru-Vi-Ka-Nagar"), "K.R.PURA" → "K.R.Pura".
 */
const titleCase = (raw: string): string => {
  const s = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  let out = s.replace(/[a-z]+/g, (w, offset: number) => {
    const prev = offset > 0 ? s[offset - 1] : '';
    const isLast = offset + w.length === s.length;
    if (ROMAN.has(w) && isLast && (prev === '-' || prev === ' ')) return w.toUpperCase();
    if (ACRONYMS.has(w)) return w.toUpperCase();
    if (SMALL.has(w) && offset > 0 && prev === ' ') return w;
    return w.charAt(0).toUpperCase() + w.slice(1);
  });
  out = out.replace(/ - /g, '-');
  return out;
};

const byKey = <T>(items: T[], key: (t: T) => string): Map<string, T> => new Map(items.map((t) => [key(t), t]));
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// 1. States and UTs. ECI codes as used in 2024; names and Hindi names are maintained by the project.

const STATE_TABLE: [code: string, name: string, nameHi: string, lgdCode: number][] = [
  ['S01', 'Andhra Pradesh', 'आंध्र प्रदेश', 28],
  ['S02', 'Arunachal Pradesh', 'अरुणाचल प्रदेश', 12],
  ['S03', 'Assam', 'असम', 18],
  ['S04', 'Bihar', 'बिहार', 10],
  ['S05', 'Goa', 'गोवा', 30],
  ['S06', 'Gujarat', 'गुजरात', 24],
  ['S07', 'Haryana', 'हरियाणा', 6],
  ['S08', 'Himachal Pradesh', 'हिमाचल प्रदेश', 2],
  ['S10', 'Karnataka', 'कर्नाटक', 29],
  ['S11', 'Kerala', 'केरल', 32],
  ['S12', 'Madhya Pradesh', 'मध्य प्रदेश', 23],
  ['S13', 'Maharashtra', 'महाराष्ट्र', 27],
  ['S14', 'Manipur', 'मणिपुर', 14],
  ['S15', 'Meghalaya', 'मेघालय', 17],
  ['S16', 'Mizoram', 'मिज़ोरम', 15],
  ['S17', 'Nagaland', 'नागालैंड', 13],
  ['S18', 'Odisha', 'ओडिशा', 21],
  ['S19', 'Punjab', 'पंजाब', 3],
  ['S20', 'Rajasthan', 'राजस्थान', 8],
  ['S21', 'Sikkim', 'सिक्किम', 11],
  ['S22', 'Tamil Nadu', 'तमिलनाडु', 33],
  ['S23', 'Tripura', 'त्रिपुरा', 16],
  ['S24', 'Uttar Pradesh', 'उत्तर प्रदेश', 9],
  ['S25', 'West Bengal', 'पश्चिम बंगाल', 19],
  ['S26', 'Chhattisgarh', 'छत्तीसगढ़', 22],
  ['S27', 'Jharkhand', 'झारखंड', 20],
  ['S28', 'Uttarakhand', 'उत्तराखंड', 5],
  ['S29', 'Telangana', 'तेलंगाना', 36],
  ['U01', 'Andaman and Nicobar Islands', 'अंडमान और निकोबार द्वीपसमूह', 35],
  ['U02', 'Chandigarh', 'चंडीगढ़', 4],
  ['U03', 'Dadra and Nagar Haveli and Daman and Diu', 'दादरा और नगर हवेली और दमन और दीव', 38],
  ['U05', 'Delhi', 'दिल्ली', 7],
  ['U06', 'Lakshadweep', 'लक्षद्वीप', 31],
  ['U07', 'Puducherry', 'पुदुच्चेरी', 34],
  ['U08', 'Jammu and Kashmir', 'जम्मू और कश्मीर', 1],
  ['U09', 'Ladakh', 'लद्दाख', 37],
];

const lgdStates = csvObjects(read('lgd-india-local-government-directory/1-state.csv'));
const states: TState[] = STATE_TABLE.map(([code, name, nameHi, lgdCode]) => {
  const lgd = lgdStates.find((r) => Number(r['State Code']) === lgdCode);
  if (!lgd) {
    fail(`state ${code}: LGD state ${lgdCode} not found`);
    return { code, name, nameHi, kind: 'state', lgdCode, census2011: null };
  }
  const lgdName = norm((lgd['State Name'] ?? '').replace(/^THE /, ''));
  if (lgdName !== norm(name)) fail(`state ${code} ${name}: LGD ${lgdCode} is ${lgd['State Name']}`);
  const kind = code.startsWith('U') ? 'ut' : 'state';
  if ((lgd['State or UT'] === 'U') !== (kind === 'ut')) fail(`state ${code}: LGD says ${lgd['State or UT']}`);
  // Census 2011 knew 35 states/UTs, coded 01..35. LGD puts "00" (Telangana, Ladakh) or its own
  // code 38 (merged DNH & DD) where no Census-2011 unit exists: those become null.
  const c11 = lgd['Census 2011 Code'] ?? '';
  const census2011 = /^\d\d$/.test(c11) && Number(c11) >= 1 && Number(c11) <= 35 ? c11 : null;
  return { code, name, nameHi, kind, lgdCode, census2011 };
});
const stateByLgd = new Map(states.map((s) => [s.lgdCode, s]));
const stateCodes = new Set(states.map((s) => s.code));

// ---------------------------------------------------------------------------------------------
// 2. 2024 results (authority for current state codes and PC numbering) and the 2008 delimitation.

const results2024 = parseCsv(read('arjunswaj-elections-ge2024/election_results.csv'));
const pc2024 = new Map<string, string>(); // "S24/3" → "MUZAFFARNAGAR"
for (const r of results2024) {
  const id = r[1] ?? '';
  pc2024.set(`${id.slice(0, 3)}/${Number(id.slice(3))}`, r[3] ?? '');
}
const codes2024 = new Set([...pc2024.keys()].map((k) => k.slice(0, 3)));
for (const c of codes2024) if (!stateCodes.has(c)) fail(`2024 results use state code ${c} missing from the state table`);
for (const c of stateCodes) if (!codes2024.has(c)) fail(`state ${c} has no PC in the 2024 results`);

type TRow2008 = { st: string; pc: number; pcName: string; pcType: string; ac: number; acName: string; acType: string };
const rows2008: TRow2008[] = csvObjects(read('datameet-india-election-data/2008-constituencies.csv')).map((r) => ({
  st: r.ST_CODE ?? '',
  pc: Number(r.PC_CODE),
  pcName: r.PC_NAME ?? '',
  pcType: r.PC_TYPE ?? '',
  ac: Number(r.AC_CODE),
  acName: r.AC_NAME ?? '',
  acType: r.AC_TYPE ?? '',
}));

/** Undivided AP (S01): Telangana = ACs 1–119 / PCs 1–17 (→ S29, same numbers); the rest renumbered from 1. */
const AP_TS_LAST_AC = 119;
const AP_TS_LAST_PC = 17;
/** Assam's 2023 delimitation renamed and renumbered every PC: old 2008 PC → its successor in 2024. */
const ASSAM_PC_SUCCESSOR: Record<number, number> = {
  1: 7, // Karimganj → Karimganj
  2: 8, // Silchar → Silchar
  3: 6, // Autonomous District → Diphu
  4: 2, // Dhubri → Dhubri
  5: 1, // Kokrajhar → Kokrajhar
  6: 3, // Barpeta → Barpeta
  7: 5, // Gauhati → Guwahati
  8: 4, // Mangaldoi → Darrang-Udalguri
  9: 11, // Tezpur → Sonitpur
  10: 9, // Nowgong → Nagaon
  11: 10, // Kaliabor → Kaziranga
  12: 14, // Jorhat → Jorhat
  13: 13, // Dibrugarh → Dibrugarh
  14: 12, // Lakhimpur → Lakhimpur
};
/** Reservation of Assam's PCs after the 2023 order (Karimganj de-reserved, Silchar SC, Diphu ST). */
const ASSAM_2023_RESERVATION: Record<number, TReservation> = { 1: 'ST', 6: 'ST', 8: 'SC' };

const currentPc = (st: string, pc: number): { st: string; pc: number } => {
  if (st === 'S01') return pc <= AP_TS_LAST_PC ? { st: 'S29', pc } : { st: 'S01', pc: pc - AP_TS_LAST_PC };
  if (st === 'S09') {
    if (pc === 4) return { st: 'U09', pc: 1 }; // Ladakh
    return { st: 'U08', pc: pc < 4 ? pc : pc - 1 }; // Udhampur 5 → 4, Jammu 6 → 5
  }
  if (st === 'S03') return { st, pc: ASSAM_PC_SUCCESSOR[pc] ?? -1 };
  if (st === 'U03') return { st: 'U03', pc: 2 }; // Dadra & Nagar Haveli is PC 2 of the merged UT in 2024
  if (st === 'U04') return { st: 'U03', pc: 1 }; // Daman & Diu is PC 1
  return { st, pc };
};
const currentAcNumber = (st: string, ac: number): number => (st === 'S01' && ac > AP_TS_LAST_AC ? ac - AP_TS_LAST_AC : ac);

// Consistency of the AP/Telangana split inside the 2008 list itself.
for (const r of rows2008.filter((x) => x.st === 'S01')) {
  if (r.ac <= AP_TS_LAST_AC !== r.pc <= AP_TS_LAST_PC) fail(`S01 AC ${r.ac} (PC ${r.pc}) straddles the AP/Telangana split`);
}

/** UT rows where the PC is listed as its own only "AC": no assembly exists there. */
const PSEUDO_AC_STATES = new Set(['U01', 'U02', 'U03', 'U04', 'U06']);

// ---------------------------------------------------------------------------------------------
// 3. PCs

type TGeoFeature = { properties: Record<string, unknown>; geometry: TGeometry | null };
type TGeometry = { type: string; coordinates?: unknown; geometries?: TGeometry[] };
const readGeo = (rel: string): TGeoFeature[] => (JSON.parse(read(rel)) as { features: TGeoFeature[] }).features;

/** datameet PC file: st_code is the Census-2011 state code; 36 = Telangana, 37 = AP (post-2014 numbering). */
const CENSUS_TO_OLD_ECI: Record<number, string> = {
  1: 'S09',
  2: 'S08',
  3: 'S19',
  4: 'U02',
  5: 'S28',
  6: 'S07',
  7: 'U05',
  8: 'S20',
  9: 'S24',
  10: 'S04',
  11: 'S21',
  12: 'S02',
  13: 'S17',
  14: 'S14',
  15: 'S16',
  16: 'S23',
  17: 'S15',
  18: 'S03',
  19: 'S25',
  20: 'S27',
  21: 'S18',
  22: 'S26',
  23: 'S12',
  24: 'S06',
  25: 'U04',
  26: 'U03',
  27: 'S13',
  29: 'S10',
  30: 'S05',
  31: 'U06',
  32: 'S11',
  33: 'S22',
  34: 'U07',
  35: 'U01',
  36: 'S01',
  37: 'S01',
};
const pcHindi = new Map<string, string>(); // old key "S01/18" → Hindi
for (const f of readGeo('datameet-maps/india_pc_2019_simplified.geojson')) {
  const stc = Number(f.properties.st_code);
  const old = CENSUS_TO_OLD_ECI[stc];
  const no = Number(f.properties.pc_no) + (stc === 37 ? AP_TS_LAST_PC : 0);
  if (!old) fail(`PC geojson: unknown st_code ${stc}`);
  else pcHindi.set(`${old}/${no}`, String(f.properties.pc_name_hi ?? '').trim());
}

/** Corrections to pc_name_hi, keyed by current code; the value it replaces is checked. */
const PC_HINDI_FIXES: Record<string, [from: string, to: string, why: string]> = {
  'S13/30': ['मुंबई - दक्षिण', 'मुंबई दक्षिण-मध्य', 'Mumbai South Central carried the Hindi name of Mumbai South'],
  'S13/31': ['मुंबई - दक्षिण', 'मुंबई दक्षिण', 'spacing'],
  'S29/5': ['ज़हीराबाद सम्पादन', 'ज़हीराबाद', 'stray word "सम्पादन" (wiki "edit" link) in the name'],
  'S10/10': ['कावेरी', 'हावेरी', 'Haveri was written as Kaveri'],
  'S10/16': ['हसन', 'हासन', 'Hassan'],
  'S25/12': ['कृषनगर', 'कृष्णनगर', 'missing ण'],
  'S25/27': ['सेरमपुर', 'श्रीरामपुर', 'Sreerampur'],
};
/** PCs renamed by the 2022 (J&K) and 2023 (Assam) delimitations: Hindi written by the project. */
const PC_HINDI_NEW: Record<string, string> = {
  'S03/4': 'दरंग-उदालगुड़ी',
  'S03/6': 'दिफू',
  'S03/9': 'नगांव',
  'S03/10': 'काजीरंगा',
  'S03/11': 'सोनितपुर',
  'U08/3': 'अनंतनाग-राजौरी',
};
/** PCs whose English name is taken from the 2024 results because they were renamed. */
const PC_NAME_FROM_2024 = (st: string, pc: number): boolean => st === 'S03' || (st === 'U08' && pc === 3);

const oldPcs = new Map<string, TRow2008>();
for (const r of rows2008) if (!oldPcs.has(`${r.st}/${r.pc}`)) oldPcs.set(`${r.st}/${r.pc}`, r);

const pcs: TPc[] = [];
const pcNameMismatches: string[] = [];
for (const [oldKey, r] of oldPcs) {
  const cur = currentPc(r.st, r.pc);
  const key = `${cur.st}/${cur.pc}`;
  const name2024 = pc2024.get(key);
  if (name2024 === undefined) {
    fail(`PC ${oldKey} ${r.pcName} → ${key} not in the 2024 results`);
    continue;
  }
  const name = PC_NAME_FROM_2024(cur.st, cur.pc) ? titleCase(name2024) : titleCase(r.pcName);
  if (norm(name) !== norm(name2024)) pcNameMismatches.push(`${key}: ${name} (2008) / ${name2024} (2024)`);
  let nameHi = PC_HINDI_NEW[key] ?? pcHindi.get(oldKey) ?? '';
  const fix = PC_HINDI_FIXES[key];
  if (fix) {
    if (nameHi !== fix[0]) fail(`PC ${key}: expected source Hindi "${fix[0]}", found "${nameHi}"`);
    nameHi = fix[1];
  }
  if (!nameHi) fail(`PC ${key} ${name}: no Hindi name`);
  let reservation: TReservation = r.pcType === 'SC' || r.pcType === 'ST' ? r.pcType : 'GEN';
  if (oldKey === 'S01/12') reservation = 'SC'; // Nagarkurnool (SC) is unflagged in the 2008 list
  if (cur.st === 'S03') reservation = ASSAM_2023_RESERVATION[cur.pc] ?? 'GEN';
  pcs.push({ stateCode: cur.st, number: cur.pc, name, nameHi, reservation });
}
pcs.sort((a, b) => cmp(a.stateCode, b.stateCode) || a.number - b.number);
const pcByKey = byKey(pcs, (p) => `${p.stateCode}/${p.number}`);
for (const k of pc2024.keys()) if (!pcByKey.has(k)) fail(`2024 PC ${k} ${pc2024.get(k)} has no 2008 counterpart`);

// ---------------------------------------------------------------------------------------------
// 4. LGD districts

type TLgdDistrict = {
  lgdCode: number;
  lgdState: number;
  rawName: string;
  c2001: number | null;
  c2011: number | null;
  censusState: number | null; // Census state the 2001/2011 district codes are relative to
};
const lgdDistricts: TLgdDistrict[] = csvObjects(read('lgd-india-local-government-directory/2-district.csv')).map((r) => {
  const lgdState = Number(r['State Code']);
  const code = (v: string | undefined): number | null => (v && Number(v) > 0 ? Number(v) : null);
  const st = lgdStates.find((s) => Number(s['State Code']) === lgdState);
  // Telangana and Ladakh districts carry the codes of undivided AP (28) and J&K (01).
  const censusState = lgdState === 36 ? 28 : lgdState === 37 ? 1 : lgdState === 38 ? null : Number(st?.['Census 2011 Code']);
  return {
    lgdCode: Number(r['District Code']),
    lgdState,
    rawName: r['District Name'] ?? '',
    c2001: code(r['Census 2001 Code']),
    c2011: code(r['Census 2011 Code']),
    censusState,
  };
});
const lgdByCode = new Map(lgdDistricts.map((d) => [d.lgdCode, d]));
const distCode = (d: TLgdDistrict): string => `DIST-${d.lgdCode}`;

const districts: TDistrict[] = lgdDistricts
  .map((d) => {
    const st = stateByLgd.get(d.lgdState);
    if (!st) fail(`LGD district ${d.lgdCode} in unknown LGD state ${d.lgdState}`);
    return {
      code: distCode(d),
      lgdCode: d.lgdCode,
      stateCode: st?.code ?? '',
      name: titleCase(d.rawName),
      census2011: d.c2011 === null ? null : String(d.c2011).padStart(3, '0'),
    };
  })
  .sort((a, b) => cmp(a.stateCode, b.stateCode) || a.lgdCode - b.lgdCode);
const districtState = new Map(districts.map((d) => [d.code, d.stateCode]));

// ---------------------------------------------------------------------------------------------
// 5. Geometry helpers (planar, lon scaled by cos(lat): only area shares are needed)

type TRing = [number, number][];
type TPoly = TRing[];
type TBox = [number, number, number, number];

const polysOf = (g: TGeometry | null): TPoly[] => {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates as TPoly];
  if (g.type === 'MultiPolygon') return g.coordinates as TPoly[];
  if (g.type === 'GeometryCollection') return (g.geometries ?? []).flatMap(polysOf);
  return [];
};
const ringArea = (r: TRing): number => {
  let a = 0;
  for (let i = 0; i + 1 < r.length; i++) {
    const p = r[i] as [number, number];
    const q = r[i + 1] as [number, number];
    const k = Math.cos(((p[1] + q[1]) / 2) * (Math.PI / 180));
    a += (p[0] * q[1] - q[0] * p[1]) * k;
  }
  return Math.abs(a) / 2;
};
const polysArea = (ps: TPoly[]): number =>
  ps.reduce((s, p) => s + p.reduce((t, ring, i) => t + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0), 0);
const bboxOf = (ps: TPoly[]): TBox => {
  const b: TBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ps)
    for (const [x, y] of p[0] ?? []) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  return b;
};
const boxesMeet = (a: TBox, b: TBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
/** Even-odd over all rings of each polygon handles holes. */
const inside = (x: number, y: number, ps: TPoly[]): boolean => {
  for (const p of ps) {
    let c = false;
    for (const ring of p) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
      }
    }
    if (c) return true;
  }
  return false;
};
/** A deterministic grid of about `target` points inside the shape. */
const samplePoints = (ps: TPoly[], target = 400): [number, number][] => {
  const b = bboxOf(ps);
  let step = Math.sqrt(((b[2] - b[0]) * (b[3] - b[1])) / target) || 1e-4;
  for (let attempt = 0; attempt < 4; attempt++, step /= 2) {
    const pts: [number, number][] = [];
    for (let x = b[0] + step / 2; x < b[2]; x += step)
      for (let y = b[1] + step / 2; y < b[3]; y += step) if (inside(x, y, ps)) pts.push([x, y]);
    if (pts.length >= 40) return pts;
  }
  return [];
};

// Census-2011 district polygons (+ UP's four post-2011 districts), each tied to an LGD district.
type TDistrictShape = { lgd: TLgdDistrict; polys: TPoly[]; box: TBox };
const UP_NEW: Record<string, number> = {};
for (const d of lgdDistricts) if (d.lgdState === 9 && d.c2011 === null) UP_NEW[norm(d.rawName)] = d.lgdCode;
const lgdBy2011 = new Map(lgdDistricts.filter((d) => d.c2011 !== null).map((d) => [d.c2011 as number, d]));
const shapes: TDistrictShape[] = [];
for (const f of readGeo('hindustantimes-shapefiles/india_district.json')) {
  const cc = f.properties.censuscode;
  const name = String(f.properties.district ?? '');
  const lgd = typeof cc === 'number' && cc > 0 ? lgdBy2011.get(cc) : lgdByCode.get(UP_NEW[norm(name)] ?? -1);
  if (!lgd) {
    if (name !== 'Data Not Available') fail(`district polygon ${name} (${String(cc)}) has no LGD district`);
    continue;
  }
  const polys = polysOf(f.geometry);
  shapes.push({ lgd, polys, box: bboxOf(polys) });
}

// ---------------------------------------------------------------------------------------------
// 6. AC → district from the HindustanTimes AC polygons

/** HT's DT_CODE is the Census-2001 district code (plus HT's own codes for a few 2001–11 districts). */
const HT_DISTRICT_ALIAS: Record<string, string> = {
  GULBARGA: 'KALABURAGI',
  PACHIMSINGHBHUM: 'WESTSINGHBHUM',
  BANGALORERURAL: 'BENGALURURURAL',
  PASCHIMMEDINAPUR: 'MEDINIPURWEST',
  PURBAMEDINAPUR: 'MEDINIPUREAST',
};
const htDistrictCache = new Map<string, TLgdDistrict | null>();
const resolveHtDistrict = (censusState: number, dt: number, rawName: string): TLgdDistrict | null => {
  const key = `${censusState}/${dt}/${rawName}`;
  const hit = htDistrictCache.get(key);
  if (hit !== undefined) return hit;
  const n0 = norm(rawName);
  const n = HT_DISTRICT_ALIAS[n0] ?? n0;
  const named = (d: TLgdDistrict): boolean => {
    const m = norm(d.rawName);
    return m === n || m.startsWith(n) || n.startsWith(m);
  };
  const byCode = lgdDistricts.filter((d) => d.censusState === censusState && d.c2001 === dt);
  let pick: TLgdDistrict[] = byCode.length === 1 ? byCode : byCode.filter(named);
  if (pick.length === 0) pick = lgdDistricts.filter((d) => d.censusState === censusState && named(d));
  const res = pick.length === 1 ? (pick[0] as TLgdDistrict) : null;
  if (!res) fail(`HT district ${key}: ${pick.length} LGD matches`);
  htDistrictCache.set(key, res);
  return res;
};

/** Pieces of one AC polygon set that carry one district tag. */
type TPiece = { base: TLgdDistrict | null; lgdState: number; polys: TPoly[]; area: number };
const HT_FILES: [file: string, oldState: string, lgdState: number][] = [
  ['andhrapradesh', 'S01', 28],
  ['telangana', 'S01', 36],
  ['arunachalpradesh', 'S02', 12],
  ['assam', 'S03', 18],
  ['bihar', 'S04', 10],
  ['goa', 'S05', 30],
  ['gujarat', 'S06', 24],
  ['haryana', 'S07', 6],
  ['himachalpradesh', 'S08', 2],
  ['jammukashmir', 'S09', 1],
  ['karnataka', 'S10', 29],
  ['kerala', 'S11', 32],
  ['madhyapradesh', 'S12', 23],
  ['maharashtra', 'S13', 27],
  ['manipur', 'S14', 14],
  ['meghalaya', 'S15', 17],
  ['mizoram', 'S16', 15],
  ['nagaland', 'S17', 13],
  ['odisha', 'S18', 21],
  ['punjab', 'S19', 3],
  ['rajasthan', 'S20', 8],
  ['sikkim', 'S21', 11],
  ['tamilnadu', 'S22', 33],
  ['tripura', 'S23', 16],
  ['uttarpradesh', 'S24', 9],
  ['westbengal', 'S25', 19],
  ['chhattisgarh', 'S26', 22],
  ['jharkhand', 'S27', 20],
  ['uttarakhand', 'S28', 5],
  ['delhi', 'U05', 7],
  ['puducherry', 'U07', 34],
];
const htPieces = new Map<string, TPiece[]>(); // old key "S01/120"
const htPc = new Map<string, number>();
for (const [file, oldState, lgdStateOfFile] of HT_FILES) {
  for (const f of readGeo(`hindustantimes-shapefiles/ac/${file}_AC.json`)) {
    const p: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties)) p[k.toUpperCase()] = v;
    const acNo = Number(p.AC_NO ?? 0);
    if (!acNo) continue;
    const key = `${oldState}/${acNo}`;
    const dtRaw = String(p.DT_CODE ?? '').trim();
    const distName = String(p.DIST_NAME ?? '')
      .replace(/\*/g, '')
      .trim();
    const base = /^\d+$/.test(dtRaw) ? resolveHtDistrict(Number(p.ST_CODE), Number(dtRaw), distName) : null;
    // The piece's LGD state comes from its district: Leh and Kargil are in Ladakh (LGD 37) now.
    const lgdState = base?.lgdState ?? lgdStateOfFile;
    const polys = polysOf(f.geometry);
    const list = htPieces.get(key) ?? [];
    list.push({ base, lgdState, polys, area: polysArea(polys) });
    htPieces.set(key, list);
    if (p.PC_NO !== undefined) htPc.set(key, Number(p.PC_NO));
  }
}

const PIECE_MIN_SHARE = 0.25;
/**
 * Splits one HT piece among the Census-2011 (and UP 2017) districts that can have inherited its
 * Census-2001 district: the district itself, siblings sharing its 2001 code, and districts with no
 * 2001 code (created 2001–2011). Shares under 25% are treated as boundary noise and go back to the largest.
 */
const splitPiece = (piece: TPiece): Map<number, number> => {
  const out = new Map<number, number>();
  const b = piece.base;
  const box = bboxOf(piece.polys);
  const cands = shapes.filter(
    (s) =>
      s.lgd.lgdState === piece.lgdState &&
      (b === null || s.lgd === b || s.lgd.c2001 === null || (s.lgd.c2001 === b.c2001 && s.lgd.censusState === b.censusState)) &&
      boxesMeet(s.box, box),
  );
  if (b && cands.every((s) => s.lgd === b)) {
    out.set(b.lgdCode, piece.area);
    return out;
  }
  const pts = samplePoints(piece.polys);
  const tally = new Map<number, number>();
  for (const [x, y] of pts) {
    const s = cands.find((c) => inside(x, y, c.polys));
    const code = s?.lgd.lgdCode ?? b?.lgdCode;
    if (code !== undefined) tally.set(code, (tally.get(code) ?? 0) + 1);
  }
  const total = [...tally.values()].reduce((x, y) => x + y, 0);
  if (total === 0) {
    if (b) out.set(b.lgdCode, piece.area);
    return out;
  }
  const ranked = [...tally.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const kept = ranked.filter(([, n], i) => i === 0 || n / total >= PIECE_MIN_SHARE);
  const keptTotal = kept.reduce((s, [, n]) => s + n, 0);
  for (const [code, n] of kept) out.set(code, (piece.area * n) / keptTotal);
  return out;
};

let refinedByOverlay = 0;
const districtsFromPolygons = (key: string): number[] => {
  const area = new Map<number, number>();
  const tagged = new Map<number, number>();
  for (const piece of htPieces.get(key) ?? []) {
    for (const [code, a] of splitPiece(piece)) area.set(code, (area.get(code) ?? 0) + a);
    if (piece.base) tagged.set(piece.base.lgdCode, (tagged.get(piece.base.lgdCode) ?? 0) + piece.area);
  }
  const rank = (m: Map<number, number>): number[] => [...m.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([c]) => c);
  const out = rank(area);
  if (tagged.size > 0 && rank(tagged).join() !== out.join()) refinedByOverlay++;
  return out;
};

/**
 * LGD AC ↔ village links (Karnataka, Tamil Nadu): current districts; links under 10% are noise.
 * Its "Parliament Constituency ECI Code" is not ECI's PC number (e.g. Chikkodi = 26), so unused.
 */
const LINK_MIN_SHARE = 0.1;
const lgdLinks = new Map<string, number[]>(); // old key → LGD district codes, main first
const lgdLinkName = new Map<string, string>();
for (const [file, oldState] of [
  ['lgd-india-local-government-directory/29-karnataka-constituency.csv', 'S10'],
  ['lgd-india-local-government-directory/33-tamil-nadu-constituency.csv', 'S22'],
] as const) {
  const counts = new Map<string, Map<number, number>>();
  for (const r of csvObjects(read(file))) {
    const ac = Number(r['Assembly Constituency ECI Code']);
    const d = Number(r['District Code']);
    if (!ac || !lgdByCode.has(d)) continue;
    const key = `${oldState}/${ac}`;
    const m = counts.get(key) ?? new Map<number, number>();
    m.set(d, (m.get(d) ?? 0) + 1);
    counts.set(key, m);
    lgdLinkName.set(key, r['Assembly Constituency Name'] ?? '');
  }
  for (const [key, m] of counts) {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const ranked = [...m.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    lgdLinks.set(
      key,
      ranked.filter(([, n], i) => i === 0 || n / total >= LINK_MIN_SHARE).map(([c]) => c),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 7. ACs

/** Letter typos in the 2008 list (checked against HT, ECI rolls and the CEO sites' spelling). */
const AC_NAME_FIXES: Record<string, [from: string, to: string]> = {
  'S14/37': ['KAKCH:NG', 'Kakching'],
  'S27/2': ['BOIRO', 'Borio'],
  'S27/7': ['SKIARIPARA', 'Sikaripara'],
  'S19/19': ['AMRISTAR SOUTH', 'Amritsar South'],
  'S09/76': ['SUEHETGARH', 'Suchetgarh'],
  'S23/59': ['PENCHATHAL', 'Pencharthal'],
};

type TAcWork = TAc & { oldKey: string; via: 'lgd' | 'polygon' | 'neighbour' | 'none' };
const acWork: TAcWork[] = [];
const htPcDisagreements: string[] = [];
const lgdAcNameMismatches: string[] = [];
for (const r of rows2008) {
  if (PSEUDO_AC_STATES.has(r.st)) continue;
  const oldKey = `${r.st}/${r.ac}`;
  const cur = currentPc(r.st, r.pc);
  let name = titleCase(r.acName);
  const fix = AC_NAME_FIXES[oldKey];
  if (fix) {
    if (r.acName !== fix[0]) fail(`AC ${oldKey}: expected source name ${fix[0]}, found ${r.acName}`);
    name = fix[1];
  }
  const reservation: TAcReservation = (['SC', 'ST', 'BL', 'SANGHA'] as const).find((t) => t === r.acType) ?? 'GEN';
  const hp = htPc.get(oldKey);
  if (hp !== undefined && hp !== r.pc) htPcDisagreements.push(`${oldKey} ${name}: 2008 PC ${r.pc}, HT PC ${hp}`);
  const ln = lgdLinkName.get(oldKey);
  if (ln !== undefined && norm(ln).slice(0, 4) !== norm(name).slice(0, 4)) lgdAcNameMismatches.push(`${oldKey} ${name} / LGD ${ln}`);

  let codes = lgdLinks.get(oldKey) ?? [];
  let via: TAcWork['via'] = 'lgd';
  if (codes.length === 0) {
    codes = districtsFromPolygons(oldKey);
    via = 'polygon';
  }
  if (codes.length === 0) via = 'none';
  acWork.push({
    stateCode: cur.st,
    number: currentAcNumber(r.st, r.ac),
    pcNumber: cur.pc,
    name,
    nameHi: null,
    nameHiSource: null,
    reservation,
    districts: codes.map((c) => `DIST-${c}`),
    oldKey,
    via,
  });
}
acWork.sort((a, b) => cmp(a.stateCode, b.stateCode) || a.number - b.number);

// ACs with no polygon: ECI numbers ACs district by district, so an AC between two ACs of the same
// main district is in that district.
for (let i = 0; i < acWork.length; i++) {
  const ac = acWork[i] as TAcWork;
  if (ac.districts.length > 0) continue;
  let j = i - 1;
  while (j >= 0 && (acWork[j] as TAcWork).districts.length === 0) j--;
  let k = i + 1;
  while (k < acWork.length && (acWork[k] as TAcWork).districts.length === 0) k++;
  const prev = acWork[j];
  const next = acWork[k];
  if (
    prev &&
    next &&
    prev.stateCode === ac.stateCode &&
    next.stateCode === ac.stateCode &&
    prev.districts[0] === next.districts[0] &&
    prev.districts[0]
  ) {
    ac.districts = [prev.districts[0]];
    ac.via = 'neighbour';
  }
}

// Hindi: only where a source has it — the AC shares its PC's name.
for (const ac of acWork) {
  const pc = pcByKey.get(`${ac.stateCode}/${ac.pcNumber}`);
  if (pc && norm(pc.name) === norm(ac.name)) {
    ac.nameHi = pc.nameHi;
    ac.nameHiSource = 'pc';
  }
}

const acs: TAc[] = acWork.map(({ oldKey: _o, via: _v, ...ac }) => ac);

// ---------------------------------------------------------------------------------------------
// 8. Cross-checks (reported, not fatal): UP AC → PC against the 2014 Form-20 candidate lists.

const form20Mismatches: string[] = [];
{
  const cands = new Map<number, Set<string>>();
  for (const r of csvObjects(read('datameet-india-election-data/eci-candidate-wise.csv'))) {
    if (r['State-code'] !== 'S24') continue;
    const pc = Number(r['Constituency-code']);
    const s = cands.get(pc) ?? new Set<string>();
    s.add(norm(r.Candidate ?? ''));
    cands.set(pc, s);
  }
  for (const r of rows2008.filter((x) => x.st === 'S24')) {
    const file = path.join(SHARED, 'datameet-india-election-data/up-2014-booth-wise', `${r.ac}.csv`);
    if (!fs.existsSync(file)) continue;
    const header = parseCsv(fs.readFileSync(file, 'utf8'))[1] ?? [];
    const names = header.map((h) => /^\d+ - (.*)$/.exec(h)?.[1]).filter((n): n is string => !!n && n !== 'None of the Above');
    let best = 0;
    let bestPc = 0;
    for (const [pc, s] of cands) {
      const hits = names.filter((n) => s.has(norm(n))).length;
      if (hits > best) [best, bestPc] = [hits, pc];
    }
    if (bestPc !== r.pc) form20Mismatches.push(`S24/${r.ac} ${r.acName}: 2008 PC ${r.pc}, Form-20 candidates PC ${bestPc}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 9. Invariants

if (states.length !== 36) fail(`expected 36 states/UTs, got ${states.length}`);
if (pcs.length !== 543) fail(`expected 543 PCs, got ${pcs.length}`);
if (acs.length < 4100) fail(`expected ≥ 4,100 ACs, got ${acs.length}`);
const dupes = (keys: string[]): string[] => keys.filter((k, i) => keys.indexOf(k) !== i);
for (const d of dupes(pcs.map((p) => `${p.stateCode}/${p.number}`))) fail(`duplicate PC ${d}`);
for (const d of dupes(acs.map((a) => `${a.stateCode}/${a.number}`))) fail(`duplicate AC ${d}`);
for (const d of dupes(districts.map((x) => x.code))) fail(`duplicate district ${d}`);
for (const a of acs) {
  if (!pcByKey.has(`${a.stateCode}/${a.pcNumber}`)) fail(`AC ${a.stateCode}/${a.number} → missing PC ${a.pcNumber}`);
  if (dupes(a.districts).length) fail(`AC ${a.stateCode}/${a.number} lists a district twice`);
  for (const d of a.districts)
    if (districtState.get(d) !== a.stateCode) fail(`AC ${a.stateCode}/${a.number} ${a.name}: district ${d} is in ${districtState.get(d)}`);
}
for (const p of pcs) if (!stateCodes.has(p.stateCode)) fail(`PC ${p.stateCode}/${p.number}: unknown state`);
const pcSc = pcs.filter((p) => p.reservation === 'SC').length;
const pcSt = pcs.filter((p) => p.reservation === 'ST').length;
if (pcSc !== 84 || pcSt !== 47) fail(`expected 84 SC and 47 ST PCs, got ${pcSc} / ${pcSt}`);
const withDistrict = acs.filter((a) => a.districts.length > 0).length;
if (withDistrict / acs.length < 0.98) fail(`only ${withDistrict} of ${acs.length} ACs have a district`);
const EXPECTED: Record<string, [pcs: number, acs: number]> = {
  S24: [80, 403],
  S29: [17, 119],
  S01: [25, 175],
  U08: [5, 83],
  U09: [1, 4],
  U03: [2, 0],
  U05: [7, 70],
  S21: [1, 32],
};
for (const [st, [np, na]] of Object.entries(EXPECTED)) {
  const gotP = pcs.filter((p) => p.stateCode === st).length;
  const gotA = acs.filter((a) => a.stateCode === st).length;
  if (gotP !== np || gotA !== na) fail(`${st}: expected ${np} PCs / ${na} ACs, got ${gotP} / ${gotA}`);
}

// ---------------------------------------------------------------------------------------------
// 10. Write and report

const GENERATED_FROM =
  'server/data/build-geo.ts from: datameet/india-election-data@c14a684 (2008 delimitation), ' +
  'arjunswaj/elections@8c292ba (GE-2024 codes/PCs), datameet/maps@b3fbbde (PC Hindi names), ' +
  'HindustanTimesLabs/shapefiles@e41de80 (AC→district), planemad/india-local-government-directory@6d3d839 (LGD). ' +
  'Assam and J&K ACs are the 2008 layout (pre-2023/2022 delimitation). See server/data/SOURCES.md.';
const lines = (xs: unknown[]): string => xs.map((x) => JSON.stringify(x)).join(',\n');
const json =
  `{"version":1,"generatedFrom":${JSON.stringify(GENERATED_FROM)},\n` +
  `"states":[\n${lines(states)}],\n` +
  `"districts":[\n${lines(districts)}],\n` +
  `"pcs":[\n${lines(pcs)}],\n` +
  `"acs":[\n${lines(acs)}]}\n`;

log(`Sources: ${SHARED}`);
log('state  name                                         PCs   ACs  dists  ACs w/o district');
for (const s of states) {
  const sa = acs.filter((a) => a.stateCode === s.code);
  log(
    `${s.code}    ${s.name.padEnd(44)} ${String(pcs.filter((p) => p.stateCode === s.code).length).padStart(3)}  ${String(sa.length).padStart(4)}  ${String(districts.filter((d) => d.stateCode === s.code).length).padStart(5)}  ${String(sa.filter((a) => a.districts.length === 0).length).padStart(4)}`,
  );
}
const via = (v: TAcWork['via']): number => acWork.filter((a) => a.via === v).length;
log(`Totals: ${states.length} states/UTs, ${districts.length} districts, ${pcs.length} PCs (SC ${pcSc}, ST ${pcSt}), ${acs.length} ACs`);
log(
  `AC districts: LGD links ${via('lgd')}, polygons ${via('polygon')}, neighbour ${via('neighbour')}, none ${via('none')}; ` +
    `changed by the 2011 overlay ${refinedByOverlay}; multi-district ${acs.filter((a) => a.districts.length > 1).length}; LGD districts with no AC ${districts.filter((d) => !acs.some((a) => a.districts.includes(d.code))).length}`,
);
log(`AC Hindi names from PC: ${acs.filter((a) => a.nameHiSource === 'pc').length}`);
log(
  `ACs without district: ${acWork
    .filter((a) => a.districts.length === 0)
    .map((a) => `${a.stateCode}/${a.number} ${a.name}`)
    .join('; ')}`,
);
log(
  `ACs placed by neighbours: ${acWork
    .filter((a) => a.via === 'neighbour')
    .map((a) => `${a.stateCode}/${a.number} ${a.name}`)
    .join('; ')}`,
);
log(`\nPC name differences 2008/2024 (${pcNameMismatches.length}):\n  ${pcNameMismatches.join('\n  ')}`);
log(`\nAC→PC disagreements with HT (2008 list kept) (${htPcDisagreements.length}):\n  ${htPcDisagreements.join('\n  ')}`);
log(`\nUP AC→PC vs 2014 Form-20 candidates: ${form20Mismatches.length} mismatches ${form20Mismatches.join('; ')}`);
log(`LGD link AC names differing from the 2008 list: ${lgdAcNameMismatches.length} ${lgdAcNameMismatches.join('; ')}`);

if (problems.length > 0) {
  process.stderr.write(`\nFAILED (${problems.length}):\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
fs.writeFileSync(OUT, json);
log(`\nWrote ${path.relative(process.cwd(), OUT)} (${json.length.toLocaleString('en-IN')} chars)`);
