import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

let h: THarness;
let cookie: string;
beforeAll(async () => {
  h = await createHarness();
  cookie = (await h.login('viewer')).cookie;
});
const get = (url: string, c: string | null = cookie) => h.app.inject({ method: 'GET', url, headers: c ? { cookie: c } : {} });

describe('geography', () => {
  it('401 without a session', async () => {
    for (const url of ['/api/v1/geo/states', '/api/v1/geo/pcs?state=S24', '/api/v1/geo/acs?state=S24', '/api/v1/geo/search?q=x']) {
      expect((await get(url, null)).statusCode, url).toBe(401);
    }
  });
  it('has 36 states and UTs with Hindi names', async () => {
    const { items } = (await get('/api/v1/geo/states')).json();
    expect(items).toHaveLength(36);
    expect(items.find((s: { code: string }) => s.code === 'S24')).toMatchObject({ name: 'Uttar Pradesh', nameHi: 'उत्तर प्रदेश', pcCount: 80, acCount: 403 });
    expect(items.every((s: { nameHi: string }) => /[\u0900-\u097f]/.test(s.nameHi))).toBe(true);
  });
  it('lists 543 PCs in all, with Hindi names, and the ACs of a PC', async () => {
    const { items: states } = (await get('/api/v1/geo/states')).json();
    expect(states.reduce((n: number, s: { pcCount: number }) => n + s.pcCount, 0)).toBe(543);
    expect(states.reduce((n: number, s: { acCount: number }) => n + s.acCount, 0)).toBeGreaterThanOrEqual(4100);
    const pcs = (await get('/api/v1/geo/pcs?state=S24')).json();
    expect(pcs.total).toBe(80);
    const mzn = pcs.items.find((p: { number: number }) => p.number === 3);
    expect(mzn).toMatchObject({ name: 'Muzaffarnagar', reservation: 'GEN', nameHiDerived: false });
    expect(mzn.nameHi).toMatch(/^मुज/);
    const acs = (await get('/api/v1/geo/acs?state=S24&pc=3')).json();
    expect(acs.items.map((a: { number: number }) => a.number)).toEqual([11, 12, 14, 15, 44]);
    expect(acs.items[0].districts.length).toBeGreaterThan(0);
  });
  it('refuses bad state codes', async () => {
    expect((await get('/api/v1/geo/pcs?state=UP')).json()).toMatchObject({ error: 'VALIDATION', field: 'querystring.state' });
    expect((await get('/api/v1/geo/pcs?state=S99')).statusCode).toBe(404);
    expect((await get('/api/v1/geo/pcs')).statusCode).toBe(400);
    expect((await get('/api/v1/geo/acs?state=S24&pc=abc')).statusCode).toBe(400);
  });
  it('finds Muzaffarnagar PC and AC from either script', async () => {
    for (const q of ['मुजफ्फरनगर', 'Muzaffarnagar', 'मुज़फ़्फ़रनगर', 'muzafarnagar']) {
      const { items } = (await get(`/api/v1/geo/search?q=${encodeURIComponent(q)}`)).json();
      const codes = items.map((i: { code: string }) => i.code);
      expect(codes, q).toContain('S24-PC-3');
      expect(codes, q).toContain('S24-AC-14');
    }
    expect((await get('/api/v1/geo/search?q=')).statusCode).toBe(400);
  });
});

describe('search input', () => {
  it('refuses control characters with a 400, not a 500', async () => {
    expect((await get('/api/v1/geo/search?q=a%00b')).statusCode).toBe(400);
    expect((await get(`/api/v1/units/search?q=${encodeURIComponent('x\u0000y')}`)).statusCode).toBe(400);
    expect((await get(`/api/v1/geo/search?q=${encodeURIComponent('%_\\')}`)).statusCode).toBe(200);
  });
});
