/**
 * How the shape files' own keys become our geography codes (server/data/geo-india.json), for
 * server/data/build-shapes.ts. The renumberings are the ones build-geo.ts applies to the
 * constituency lists (Telangana split, J&K/Ladakh, Assam 2023, DNH & DD merger); SOURCES.md has why.
 */

export type TGeoIndex = { pcs: Map<string, string>; acs: Map<string, string> };

/** datameet's `st_code` is the Census-2011 state code (36 = Telangana and 37 = AP, numbered after 2014). */
export const CENSUS_STATE_TO_ECI: Record<number, string> = {
  1: 'U08', 2: 'S08', 3: 'S19', 4: 'U02', 5: 'S28', 6: 'S07', 7: 'U05', 8: 'S20', 9: 'S24', 10: 'S04',
  11: 'S21', 12: 'S02', 13: 'S17', 14: 'S14', 15: 'S16', 16: 'S23', 17: 'S15', 18: 'S03', 19: 'S25',
  20: 'S27', 21: 'S18', 22: 'S26', 23: 'S12', 24: 'S06', 25: 'U03', 26: 'U03', 27: 'S13', 29: 'S10',
  30: 'S05', 31: 'U06', 32: 'S11', 33: 'S22', 34: 'U07', 35: 'U01', 36: 'S29', 37: 'S01',
};

/** Assam's 2023 delimitation: the 2008 PC → the 2024 PC that succeeds it (the shapes stay the 2008 ones). */
const ASSAM_PC_SUCCESSOR: Record<number, number> = { 1: 7, 2: 8, 3: 6, 4: 2, 5: 1, 6: 3, 7: 5, 8: 4, 9: 11, 10: 9, 11: 10, 12: 14, 13: 13, 14: 12 };

/** (Census state, 2008 PC number) → "S24-PC-3"; null when the state is unknown. */
export const pcCodeFor = (censusState: number, pcNo: number): string | null => {
  const st = CENSUS_STATE_TO_ECI[censusState];
  if (!st || !(pcNo > 0)) return null;
  if (censusState === 1) {
    // Old J&K: PC 4 is Ladakh (now U09 PC 1); Udhampur 5 and Jammu 6 moved up by one.
    if (pcNo === 4) return 'U09-PC-1';
    return `U08-PC-${pcNo < 4 ? pcNo : pcNo - 1}`;
  }
  if (censusState === 18) {
    const next = ASSAM_PC_SUCCESSOR[pcNo];
    return next ? `S03-PC-${next}` : null;
  }
  if (censusState === 25) return 'U03-PC-1'; // Daman & Diu
  if (censusState === 26) return 'U03-PC-2'; // Dadra & Nagar Haveli
  return `${st}-PC-${pcNo}`;
};

const AC_FILE_STATE: Record<string, string> = {
  andhrapradesh: 'S01', telangana: 'S29', arunachalpradesh: 'S02', assam: 'S03', bihar: 'S04', goa: 'S05',
  gujarat: 'S06', haryana: 'S07', himachalpradesh: 'S08', jammukashmir: 'U08', karnataka: 'S10', kerala: 'S11',
  madhyapradesh: 'S12', maharashtra: 'S13', manipur: 'S14', meghalaya: 'S15', mizoram: 'S16', nagaland: 'S17',
  odisha: 'S18', punjab: 'S19', rajasthan: 'S20', sikkim: 'S21', tamilnadu: 'S22', tripura: 'S23',
  uttarpradesh: 'S24', westbengal: 'S25', chhattisgarh: 'S26', jharkhand: 'S27', uttarakhand: 'S28', delhi: 'U05',
  puducherry: 'U07',
};
/** Residual AP's ACs keep undivided AP's numbers 120–294 in HT's file; today they are 1–175. */
const AP_TS_LAST_AC = 119;

/** (HT file, AC_NO) → "S24-AC-14" when that AC exists in `index`, else null. */
export const acCodeFor = (file: string, acNo: number, index: TGeoIndex): string | null => {
  const st = AC_FILE_STATE[file];
  if (!st || !(acNo > 0)) return null;
  let code = `${st}-AC-${acNo}`;
  if (file === 'andhrapradesh') code = acNo > AP_TS_LAST_AC ? `S01-AC-${acNo - AP_TS_LAST_AC}` : '';
  // Ladakh's four segments (47–50) keep their J&K numbers under U09.
  if (file === 'jammukashmir' && index.acs.has(`U09-AC-${acNo}`)) code = `U09-AC-${acNo}`;
  return index.acs.has(code) ? code : null;
};

const letters = (s: string): string =>
  s
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .replace(/(.)\1+/g, '$1');

/** A loose name check for the report: the join itself is on numbers, never on names. */
export const sameName = (a: string, b: string): boolean => {
  const x = letters(a);
  const y = letters(b);
  return x.slice(0, 4) === y.slice(0, 4) || x.includes(y) || y.includes(x);
};

/** S01 < S01-PC-2 < S01-PC-10 < S24 < DIST-5 < DIST-40: segments compared as numbers where both are numbers. */
export const compareCodes = (a: string, b: string): number => {
  const xs = a.split('-');
  const ys = b.split('-');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
};

export const sortCodes = (codes: string[]): string[] => [...codes].sort(compareCodes);
