import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

type TGeo = {
  version: number;
  generatedFrom: string;
  states: { code: string; name: string; nameHi: string; kind: 'state' | 'ut'; lgdCode: number; census2011: string | null }[];
  districts: { code: string; lgdCode: number; stateCode: string; name: string; census2011: string | null }[];
  pcs: { stateCode: string; number: number; name: string; nameHi: string; reservation: string }[];
  acs: {
    stateCode: string;
    number: number;
    pcNumber: number;
    name: string;
    nameHi: string | null;
    nameHiSource: 'pc' | null;
    reservation: string;
    districts: string[];
  }[];
};

const geo = JSON.parse(fs.readFileSync(new URL('./geo-india.json', import.meta.url), 'utf8')) as TGeo;

const pc = (st: string, n: number) => geo.pcs.find((p) => p.stateCode === st && p.number === n);
const ac = (st: string, n: number) => geo.acs.find((a) => a.stateCode === st && a.number === n);
const count = <T>(xs: T[], f: (x: T) => boolean): number => xs.filter(f).length;
const unique = (keys: string[]): boolean => new Set(keys).size === keys.length;
const DEVANAGARI = /^[\u0900-\u097F][\u0900-\u097F -]*$/;

describe('geo-india.json: shape and counts', () => {
  it('has version 1 and the four lists', () => {
    expect(geo.version).toBe(1);
    expect(geo.generatedFrom).toMatch(/build-geo\.ts/);
    expect(geo.states).toHaveLength(36);
    expect(geo.districts).toHaveLength(763);
    expect(geo.pcs).toHaveLength(543);
    expect(geo.acs.length).toBeGreaterThanOrEqual(4100);
    expect(geo.acs).toHaveLength(4120);
  });

  it('uses the ECI state codes of 2024', () => {
    const codes = geo.states.map((s) => s.code);
    const expected = [
      ...Array.from({ length: 29 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`).filter((c) => c !== 'S09'),
      ...Array.from({ length: 9 }, (_, i) => `U0${i + 1}`).filter((c) => c !== 'U04'),
    ];
    expect([...codes].sort()).toEqual(expected.sort());
    expect(count(geo.states, (s) => s.kind === 'state')).toBe(28);
    expect(count(geo.states, (s) => s.kind === 'ut')).toBe(8);
    for (const s of geo.states) {
      expect(s.kind === 'ut').toBe(s.code.startsWith('U'));
      expect(s.nameHi).toMatch(DEVANAGARI);
      expect(s.name).not.toMatch(/^[A-Z ]+$/); // title case, not the upper-case source
      expect(s.census2011 === null || /^\d\d$/.test(s.census2011)).toBe(true);
    }
    expect(unique(geo.states.map((s) => String(s.lgdCode)))).toBe(true);
  });

  it('has unique keys', () => {
    expect(unique(geo.pcs.map((p) => `${p.stateCode}/${p.number}`))).toBe(true);
    expect(unique(geo.acs.map((a) => `${a.stateCode}/${a.number}`))).toBe(true);
    expect(unique(geo.districts.map((d) => d.code))).toBe(true);
    expect(unique(geo.districts.map((d) => String(d.lgdCode)))).toBe(true);
  });

  it('numbers PCs 1..n within each state', () => {
    for (const s of geo.states) {
      const nums = geo.pcs
        .filter((p) => p.stateCode === s.code)
        .map((p) => p.number)
        .sort((a, b) => a - b);
      expect(nums.length).toBeGreaterThan(0);
      expect(nums).toEqual(nums.map((_, i) => i + 1));
    }
  });

  it('has the expected PCs and ACs per state', () => {
    const expected: Record<string, [number, number]> = {
      S01: [25, 175],
      S24: [80, 403],
      S29: [17, 119],
      S13: [48, 288],
      S25: [42, 294],
      S04: [40, 243],
      S22: [39, 234],
      S10: [28, 224],
      S12: [29, 230],
      S21: [1, 32],
      U05: [7, 70],
      U07: [1, 30],
      U08: [5, 83],
      U09: [1, 4],
      U03: [2, 0],
      U01: [1, 0],
      U02: [1, 0],
      U06: [1, 0],
    };
    for (const [st, [np, na]] of Object.entries(expected)) {
      expect([st, count(geo.pcs, (p) => p.stateCode === st)]).toEqual([st, np]);
      expect([st, count(geo.acs, (a) => a.stateCode === st)]).toEqual([st, na]);
    }
  });

  it('has 84 SC and 47 ST PCs', () => {
    expect(count(geo.pcs, (p) => p.reservation === 'SC')).toBe(84);
    expect(count(geo.pcs, (p) => p.reservation === 'ST')).toBe(47);
    expect(geo.pcs.every((p) => ['GEN', 'SC', 'ST'].includes(p.reservation))).toBe(true);
  });

  it('has AC reservations from the 2008 order', () => {
    expect(count(geo.acs, (a) => a.reservation === 'SC')).toBe(615);
    // 538 in the 2008 list, less the DNH and Lakshadweep pseudo-ACs (the PC listed as its own AC).
    expect(count(geo.acs, (a) => a.reservation === 'ST')).toBe(536);
    expect(count(geo.acs, (a) => a.reservation === 'BL')).toBe(12);
    expect(count(geo.acs, (a) => a.reservation === 'SANGHA')).toBe(1);
    expect(geo.acs.every((a) => ['GEN', 'SC', 'ST', 'BL', 'SANGHA'].includes(a.reservation))).toBe(true);
  });
});

describe('geo-india.json: references', () => {
  const pcKeys = new Set(geo.pcs.map((p) => `${p.stateCode}/${p.number}`));
  const districtState = new Map(geo.districts.map((d) => [d.code, d.stateCode]));
  const stateCodes = new Set(geo.states.map((s) => s.code));

  it("every AC's PC exists in the same state", () => {
    const missing = geo.acs.filter((a) => !pcKeys.has(`${a.stateCode}/${a.pcNumber}`));
    expect(missing).toEqual([]);
  });

  it("every AC's districts exist, are in the AC's state and are listed once", () => {
    for (const a of geo.acs) {
      expect(unique(a.districts)).toBe(true);
      for (const d of a.districts)
        expect([a.stateCode, a.number, d, districtState.get(d)]).toEqual([a.stateCode, a.number, d, a.stateCode]);
    }
  });

  it('gives at least 98% of ACs a district', () => {
    const withDistrict = count(geo.acs, (a) => a.districts.length > 0);
    expect(withDistrict / geo.acs.length).toBeGreaterThanOrEqual(0.98);
    expect(geo.acs.filter((a) => a.districts.length === 0).map((a) => `${a.stateCode}/${a.number}`)).toEqual(['S21/32']);
  });

  it('puts every district and PC in a known state', () => {
    expect(geo.districts.every((d) => stateCodes.has(d.stateCode) && d.code === `DIST-${d.lgdCode}`)).toBe(true);
    expect(geo.pcs.every((p) => stateCodes.has(p.stateCode))).toBe(true);
  });

  it('has a Devanagari name for every PC', () => {
    for (const p of geo.pcs) expect([p.stateCode, p.number, p.nameHi]).toEqual([p.stateCode, p.number, expect.stringMatching(DEVANAGARI)]);
  });

  it("reuses a PC's Hindi name only for an AC of the same name", () => {
    for (const a of geo.acs) {
      if (a.nameHiSource === null) {
        expect(a.nameHi).toBeNull();
        continue;
      }
      const p = pc(a.stateCode, a.pcNumber);
      expect(a.nameHiSource).toBe('pc');
      expect(a.nameHi).toBe(p?.nameHi);
      expect(a.name.toUpperCase().replace(/[^A-Z]/g, '')).toBe(p?.name.toUpperCase().replace(/[^A-Z]/g, ''));
    }
    expect(count(geo.acs, (a) => a.nameHiSource === 'pc')).toBeGreaterThan(300);
  });

  it('strips reservation suffixes and upper case from AC names', () => {
    expect(geo.acs.filter((a) => /\((SC|ST)\)/i.test(a.name) || a.name === a.name.toUpperCase())).toEqual([]);
  });
});

describe('geo-india.json: spot checks', () => {
  it('Uttar Pradesh', () => {
    expect(pc('S24', 3)).toEqual({ stateCode: 'S24', number: 3, name: 'Muzaffarnagar', nameHi: 'मुजफ्फरनगर', reservation: 'GEN' });
    expect(pc('S24', 77)).toMatchObject({ name: 'Varanasi', nameHi: 'वाराणसी', reservation: 'GEN' });
    expect(pc('S24', 80)).toMatchObject({ name: 'Robertsganj', reservation: 'SC' });
    expect(ac('S24', 14)).toMatchObject({ name: 'Muzaffar Nagar', pcNumber: 3, nameHi: 'मुजफ्फरनगर', nameHiSource: 'pc' });
    expect(ac('S24', 390)).toMatchObject({ name: 'Varanasi Cantt', pcNumber: 77, nameHi: null, nameHiSource: null });
    // Noorpur is in Nagina PC (2014 Form-20), though the HT map puts it in Moradabad.
    expect(ac('S24', 24)).toMatchObject({ name: 'Noorpur', pcNumber: 5 });
    const muzaffarnagar = geo.districts.find((d) => d.stateCode === 'S24' && d.name === 'Muzaffarnagar');
    const shamli = geo.districts.find((d) => d.stateCode === 'S24' && d.name === 'Shamli');
    expect(muzaffarnagar).toMatchObject({ lgdCode: 172, census2011: '133', code: 'DIST-172' });
    expect(shamli).toMatchObject({ census2011: null });
    expect(ac('S24', 14)?.districts).toEqual([muzaffarnagar?.code]);
    expect(ac('S24', 10)?.districts).toEqual([shamli?.code]); // Shamli AC, in Shamli district since 2011
    expect(count(geo.districts, (d) => d.stateCode === 'S24')).toBe(75);
  });

  it('splits Telangana out of undivided Andhra Pradesh and renumbers AP', () => {
    expect(pc('S29', 1)).toMatchObject({ name: 'Adilabad', reservation: 'ST' });
    expect(pc('S29', 9)).toMatchObject({ name: 'Hyderabad', nameHi: 'हैदराबाद' });
    expect(pc('S29', 12)).toMatchObject({ name: 'Nagarkurnool', reservation: 'SC' });
    expect(pc('S01', 1)).toMatchObject({ name: 'Araku', reservation: 'ST' });
    expect(pc('S01', 25)).toMatchObject({ name: 'Chittoor', reservation: 'SC' });
    expect(ac('S29', 1)).toMatchObject({ name: 'Sirpur', pcNumber: 1 });
    expect(ac('S29', 119)).toMatchObject({ name: 'Bhadrachalam', pcNumber: 16, reservation: 'ST' });
    expect(ac('S01', 1)).toMatchObject({ name: 'Ichchapuram', pcNumber: 2 });
    expect(ac('S01', 175)).toMatchObject({ name: 'Kuppam', pcNumber: 25 });
    const tsDistricts = new Set(geo.districts.filter((d) => d.stateCode === 'S29').map((d) => d.code));
    expect(geo.acs.filter((a) => a.stateCode === 'S29').every((a) => a.districts.every((d) => tsDistricts.has(d)))).toBe(true);
  });

  it('J&K, Ladakh and the merged DNH & DD as in 2024', () => {
    expect(geo.pcs.filter((p) => p.stateCode === 'U08').map((p) => p.name)).toEqual([
      'Baramulla',
      'Srinagar',
      'Anantnag-Rajouri',
      'Udhampur',
      'Jammu',
    ]);
    expect(pc('U09', 1)).toMatchObject({ name: 'Ladakh', nameHi: 'लद्दाख' });
    expect(geo.acs.filter((a) => a.stateCode === 'U09').map((a) => a.name)).toEqual(['Nobra', 'Leh', 'Kargil', 'Zanskar']);
    expect(
      geo.districts
        .filter((d) => d.stateCode === 'U09')
        .map((d) => d.name)
        .sort(),
    ).toEqual(['Kargil', 'Leh Ladakh']);
    expect(pc('U03', 1)).toMatchObject({ name: 'Daman and Diu', reservation: 'GEN' });
    expect(pc('U03', 2)).toMatchObject({ name: 'Dadra and Nagar Haveli', reservation: 'ST' });
    expect(pc('U06', 1)).toMatchObject({ name: 'Lakshadweep', reservation: 'ST' });
    expect(count(geo.districts, (d) => d.stateCode === 'U03')).toBe(3);
  });

  it('Assam PCs follow the 2023 delimitation', () => {
    expect(geo.pcs.filter((p) => p.stateCode === 'S03').map((p) => p.name)).toEqual([
      'Kokrajhar',
      'Dhubri',
      'Barpeta',
      'Darrang-Udalguri',
      'Guwahati',
      'Diphu',
      'Karimganj',
      'Silchar',
      'Nagaon',
      'Kaziranga',
      'Sonitpur',
      'Lakhimpur',
      'Dibrugarh',
      'Jorhat',
    ]);
    expect(pc('S03', 8)?.reservation).toBe('SC');
    expect(pc('S03', 6)?.reservation).toBe('ST');
  });

  it('states, Sikkim and Hindi corrections', () => {
    const s24 = geo.states.find((s) => s.code === 'S24');
    expect(s24).toEqual({ code: 'S24', name: 'Uttar Pradesh', nameHi: 'उत्तर प्रदेश', kind: 'state', lgdCode: 9, census2011: '09' });
    expect(geo.states.find((s) => s.code === 'S29')).toMatchObject({ name: 'Telangana', lgdCode: 36, census2011: null });
    expect(geo.states.find((s) => s.code === 'U08')).toMatchObject({ kind: 'ut', lgdCode: 1 });
    expect(ac('S21', 32)).toMatchObject({ name: 'Sangha', reservation: 'SANGHA', districts: [] });
    expect(pc('S13', 30)).toMatchObject({ name: 'Mumbai South-Central', nameHi: 'मुंबई दक्षिण-मध्य' });
    expect(pc('S13', 31)).toMatchObject({ name: 'Mumbai South', nameHi: 'मुंबई दक्षिण' });
    expect(pc('S10', 10)).toMatchObject({ name: 'Haveri', nameHi: 'हावेरी' });
    expect(ac('S16', 12)?.name).toBe('Aizawl North-III');
    expect(ac('S14', 37)?.name).toBe('Kakching');
  });
});
