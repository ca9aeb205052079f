/**
 * Builds server/data/results-lok-sabha.json — candidate-wise Lok Sabha results of 2019 and 2024 per
 * PC, under today's geography codes (server/data/geo-india.json) — from the raw public files in
 * SHARED_DIR, with parties matched across years through server/data/party-aliases.csv. See
 * server/data/SOURCES.md ("results-lok-sabha.json") for sources, licences and every correction.
 *
 *   npx tsx server/data/build-results.ts [SHARED_DIR]      (default: <repo>/../shared/data)
 *
 * Pure Node, deterministic (sorted output, no timestamps). Exits non-zero if an invariant fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalisePartyName, parseAliasCsv, partyKeyFor } from '../src/modules/elections/party-names';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(process.argv[2] ?? path.join(scriptDir, '..', '..', '..', 'shared', 'data'));
const OUT = process.env.SAMITI_RESULTS_OUT ? path.resolve(process.env.SAMITI_RESULTS_OUT) : path.join(scriptDir, 'results-lok-sabha.json');

const problems: string[] = [];
const fail = (msg: string) => problems.push(msg);
const log = (msg = '') => process.stdout.write(`${msg}\n`);

/** RFC-4180 enough for these files: quoted fields with "" escapes, no embedded newlines. */
const parseLine = (line: string): string[] => {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
};
const readCsv = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map(parseLine);

type TGeo = { pcs: { stateCode: string; number: number; name: string }[] };
const geo = JSON.parse(fs.readFileSync(path.join(scriptDir, 'geo-india.json'), 'utf8')) as TGeo;
const geoPcs = new Map(geo.pcs.map((p) => [`${p.stateCode}-PC-${p.number}`, p]));

const aliases = parseAliasCsv(fs.readFileSync(path.join(scriptDir, 'party-aliases.csv'), 'utf8'));

// The same succession as build-geo.ts (kept here so this script does not run that one): a 2019 seat
// → the PC that carries it on in the 2024 geography.
const ASSAM_PC_SUCCESSOR: Record<number, number> = {
  1: 7,
  2: 8,
  3: 6,
  4: 2,
  5: 1,
  6: 3,
  7: 5,
  8: 4,
  9: 11,
  10: 9,
  11: 10,
  12: 14,
  13: 13,
  14: 12,
};
const successor2019 = (st: string, pc: number): { code: string; isRedrawn: boolean } => {
  if (st === 'S09') {
    if (pc === 4) return { code: 'U09-PC-1', isRedrawn: false }; // Ladakh: not part of the 2022 J&K delimitation
    return { code: `U08-PC-${pc < 4 ? pc : pc - 1}`, isRedrawn: true };
  }
  if (st === 'S03') return { code: `S03-PC-${ASSAM_PC_SUCCESSOR[pc] ?? -1}`, isRedrawn: true };
  if (st === 'U03') return { code: 'U03-PC-2', isRedrawn: false };
  if (st === 'U04') return { code: 'U03-PC-1', isRedrawn: false };
  return { code: `${st}-PC-${pc}`, isRedrawn: false };
};

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s(&-])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
const cleanName = (s: string) => s.replace(/\s+/g, ' ').trim();

type TCandidate = [serial: number, name: string, party: string, votes: number];
type TSeat = { code: string; name: string; isRedrawn: boolean; isUncontested: boolean; candidates: TCandidate[] };
type TParty = { key: string; short: string | null; name: string; nameHi: string | null };

const parties = new Map<string, TParty>();
const keyByFold = new Map<string, string>();
const partyOf = (rawName: string): string => {
  const name = cleanName(rawName);
  // Spellings that fold alike are one party even outside the alias table: the first one seen names it.
  const fold = normalisePartyName(name);
  const key = keyByFold.get(fold) ?? partyKeyFor(aliases, name);
  keyByFold.set(fold, key);
  if (!parties.has(key)) {
    const known = aliases.byKey.get(key);
    parties.set(
      key,
      known ? { key, short: known.short, name: known.name, nameHi: known.nameHi } : { key, short: null, name, nameHi: null },
    );
  }
  return key;
};

const seatsOf = (
  rows: { code: string; name: string; isRedrawn: boolean; serial: number; candidate: string; party: string; votes: number | null }[],
) => {
  const seats = new Map<string, TSeat>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (!geoPcs.has(r.code)) {
      fail(`no PC ${r.code} in geo-india.json (${r.name})`);
      continue;
    }
    let seat = seats.get(r.code);
    if (!seat) {
      seat = { code: r.code, name: r.name, isRedrawn: r.isRedrawn, isUncontested: false, candidates: [] };
      seats.set(r.code, seat);
    }
    // Surat 2024: the only candidate was declared elected unopposed; the source has "-" for votes
    // and "( Uncontested )" in the name.
    const uncontested = /\(\s*uncontested\s*\)/i.test(r.candidate);
    const name = cleanName(r.candidate.replace(/\(\s*uncontested\s*\)/i, ''));
    if (uncontested || r.votes === null) {
      if (!uncontested) fail(`${r.code}: votes missing for ${name}`);
      seat.isUncontested = true;
    }
    const party = partyOf(r.party);
    if ((name === 'NOTA') !== (party === 'nota')) fail(`${r.code}: ${name} with party ${r.party}`);
    // Namesakes are real (two independents both called SUMALATHA in Mandya 2019): the ballot serial tells them apart.
    const dup = `${r.code}|${r.serial}`;
    if (!Number.isInteger(r.serial) || r.serial < 1 || seen.has(dup)) fail(`${r.code}: ballot serial ${r.serial} missing or twice`);
    seen.add(dup);
    seat.candidates.push([r.serial, name, party, r.votes ?? 0]);
  }
  const list = [...seats.values()].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  for (const s of list) s.candidates.sort((a, b) => b[3] - a[3] || a[0] - b[0]);
  return list;
};

const votesOf = (s: string): number | null => (/^\d+$/.test(s.trim()) ? Number(s) : null);

// 2024: no header; col 2 = state code + PC number ("S2480"), 6 = candidate, 7 = party, 10 = total votes.
const rows2024 = readCsv(path.join(SHARED, 'arjunswaj-elections-ge2024', 'election_results.csv')).map((c) => {
  const code = `${c[1]?.slice(0, 3)}-PC-${Number(c[1]?.slice(3))}`;
  return {
    code,
    name: geoPcs.get(code)?.name ?? titleCase(c[3] ?? ''),
    isRedrawn: false,
    serial: Number(c[4]),
    candidate: c[5] ?? '',
    party: c[6] ?? '',
    votes: votesOf(c[9] ?? ''),
  };
});

// 2019: header row; ST_CODE/PC_CODE are the 2019 codes, mapped to their 2024 successors.
const raw2019 = readCsv(path.join(SHARED, 'pratapvardhan-elections-india-2019', 'eci-2019.csv'));
const head2019 = raw2019.shift() ?? [];
const col = (name: string) => {
  const i = head2019.indexOf(name);
  if (i < 0) throw new Error(`eci-2019.csv: no column ${name}`);
  return i;
};
const [iOsn, iCand, iParty, iVotes, iSt, iPc, iName] = [
  'OSN',
  'Candidate',
  'Party',
  'Total Votes',
  'ST_CODE',
  'PC_CODE',
  'Constituency',
].map(col) as number[];
const rows2019 = raw2019.map((c) => {
  const { code, isRedrawn } = successor2019(c[iSt as number] ?? '', Number(c[iPc as number]));
  // A redrawn seat keeps its 2019 name (Gauhati, Mangaldoi…); the others take today's spelling.
  const name = isRedrawn ? titleCase(c[iName as number] ?? '') : (geoPcs.get(code)?.name ?? '');
  return {
    code,
    name,
    isRedrawn,
    serial: Number(c[iOsn as number]),
    candidate: c[iCand as number] ?? '',
    party: c[iParty as number] ?? '',
    votes: votesOf(c[iVotes as number] ?? ''),
  };
});

const seats2024 = seatsOf(rows2024);
const seats2019 = seatsOf(rows2019);

// Invariants: the published counts.
const winners = (seats: TSeat[]) => {
  const n = new Map<string, number>();
  for (const s of seats) {
    const w = s.candidates.find((c) => c[2] !== 'nota');
    if (w) n.set(w[2], (n.get(w[2]) ?? 0) + 1);
  }
  return n;
};
const w24 = winners(seats2024);
const w19 = winners(seats2019);
if (seats2024.length !== 543) fail(`2024: ${seats2024.length} seats, expected 543`);
if (seats2019.length !== 542) fail(`2019: ${seats2019.length} seats, expected 542 (Vellore was countermanded)`);
if (w24.get('bjp') !== 240 || w24.get('inc') !== 99) fail(`2024: BJP ${w24.get('bjp')}, INC ${w24.get('inc')}; expected 240, 99`);
if (w19.get('bjp') !== 303 || w19.get('inc') !== 52) fail(`2019: BJP ${w19.get('bjp')}, INC ${w19.get('inc')}; expected 303, 52`);
if (seats2019.some((s) => s.code === 'S22-PC-8')) fail('2019: Vellore should be absent');
const uncontested = seats2024.filter((s) => s.isUncontested).map((s) => s.code);
if (uncontested.join() !== 'S06-PC-24') fail(`2024 uncontested seats: ${uncontested.join()}, expected Surat S06-PC-24`);
for (const key of aliases.byKey.keys()) if (!parties.has(key)) fail(`alias table: ${key} matched no party in either year`);

log(
  `2024: ${seats2024.length} seats, ${seats2024.reduce((n, s) => n + s.candidates.length, 0)} rows; BJP ${w24.get('bjp')}, INC ${w24.get('inc')}`,
);
log(
  `2019: ${seats2019.length} seats, ${seats2019.reduce((n, s) => n + s.candidates.length, 0)} rows; BJP ${w19.get('bjp')}, INC ${w19.get('inc')}`,
);
log(`parties: ${parties.size} (${aliases.byKey.size} from the alias table)`);
if (problems.length) {
  for (const p of problems) process.stderr.write(`✗ ${p}\n`);
  process.exit(1);
}

const partyList = [...parties.values()].sort((a, b) => a.key.localeCompare(b.key, 'en'));
const seatLine = (s: TSeat) => JSON.stringify(s);
const json = [
  '{',
  `"version": 1,`,
  `"generatedFrom": ${JSON.stringify(['arjunswaj/elections@8c292bac election_results.csv', 'pratapvardhan/Elections-India-2019@ad99b0b7 eci-2019.csv', 'server/data/party-aliases.csv'])},`,
  `"parties": [\n${partyList.map((p) => JSON.stringify(p)).join(',\n')}\n],`,
  `"elections": [`,
  `{"year": 2019, "name": "Lok Sabha 2019", "nameHi": "लोकसभा 2019", "pollDate": "2019-04-11", "countingDate": "2019-05-23", "seats": [\n${seats2019.map(seatLine).join(',\n')}\n]},`,
  `{"year": 2024, "name": "Lok Sabha 2024", "nameHi": "लोकसभा 2024", "pollDate": "2024-04-19", "countingDate": "2024-06-04", "seats": [\n${seats2024.map(seatLine).join(',\n')}\n]}`,
  ']',
  '}',
  '',
].join('\n');
fs.writeFileSync(OUT, json);
log(`wrote ${OUT} (${(json.length / 1024).toFixed(0)} KiB)`);
