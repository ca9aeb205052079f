import type { THarness } from '../../../test/harness';

/** Calls the app as a logged-in user (no cookie: anonymous); CSV bodies go as text/csv. */
export const caller =
  (h: THarness) => (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie?: string, payload?: object | string) =>
    h.app.inject({
      method,
      url,
      payload,
      headers: { ...(cookie ? { cookie } : {}), ...(typeof payload === 'string' ? { 'content-type': 'text/csv' } : {}) },
    });

/** A district panchayat election run by a fresh district unit linked to Muzaffarnagar (UP). */
export const districtElection = async (h: THarness, admin: string, year = 2026) => {
  const state = await h.unit({ level: 'state', geo: 'S24' });
  const district = await h.unit({ parentId: state.id, level: 'district' });
  const res = await caller(h)('POST', '/api/v1/elections', admin, {
    type: 'zila-panchayat',
    stateCode: 'S24',
    unitId: district.id,
    year,
    name: `Zila panchayat ${year}`,
    nameHi: `ज़िला पंचायत ${year}`,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { state, district, election: res.json() as { id: number } };
};

/** A CSV of n wards: code, number, name, Hindi name. */
export const wardsCsv = (n: number) =>
  ['code,number,name,name hi', ...Array.from({ length: n }, (_, i) => `W-${i + 1},${i + 1},Ward ${i + 1},वार्ड ${i + 1}`)].join('\n');
