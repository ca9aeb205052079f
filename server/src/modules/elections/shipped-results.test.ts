import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

let h: THarness;
let admin: string;
let ls2024: number;
let ls2019: number;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  const list = (await h.app.inject({ method: 'GET', url: '/api/v1/elections?type=lok-sabha', headers: { cookie: admin } })).json();
  ls2024 = list.items.find((e: { year: number }) => e.year === 2024).id;
  ls2019 = list.items.find((e: { year: number }) => e.year === 2019).id;
});
const get = (url: string, cookie = admin) => h.app.inject({ method: 'GET', url, headers: { cookie } });

type TLine = {
  code: string;
  party: { swing: number | null; share: number | null } | null;
  isRedrawn: boolean;
  winner: { party: { key: string } } | null;
};

describe('shipped Lok Sabha results (real data)', () => {
  it('2024: 543 seats with results, BJP the largest with 240, INC 99; 2019: 542 seats, BJP 303', async () => {
    const r = (await get(`/api/v1/elections/${ls2024}/results`)).json();
    expect(r.seatsWithResults).toBe(543);
    expect(r.election).toMatchObject({ type: 'lok-sabha', year: 2024, isShipped: true, seatCount: 543 });
    expect(r.parties[0]).toMatchObject({ key: 'bjp', short: 'BJP', nameHi: 'भारतीय जनता पार्टी', seatsWon: 240, previousSeatsWon: 303 });
    expect(r.parties.find((p: { key: string }) => p.key === 'inc')).toMatchObject({ seatsWon: 99, previousSeatsWon: 52 });
    expect(r.parties.reduce((n: number, p: { seatsWon: number }) => n + p.seatsWon, 0)).toBe(543);
    // Telangana Rashtra Samithi (2019) and Bharat Rashtra Samithi (2024) are one party.
    expect(r.parties.find((p: { key: string }) => p.key === 'brs')).toMatchObject({ seatsWon: 0, previousSeatsWon: 9 });
    const old = (await get(`/api/v1/elections/${ls2019}/results`)).json();
    expect(old.seatsWithResults).toBe(542);
    expect(old.previousElectionId).toBeNull();
    expect(old.parties[0]).toMatchObject({ key: 'bjp', seatsWon: 303, previousSeatsWon: null });
  });

  it('swing from 2019 for every seat polled in both years: 541, all but Vellore and Surat; redrawn seats flagged', async () => {
    const r = (await get(`/api/v1/elections/${ls2024}/results?party=BJP`)).json();
    expect(r.party).toMatchObject({ key: 'bjp' });
    const seats: TLine[] = r.seats;
    const withSwing = seats.filter((s) => s.party?.swing !== null && s.party?.swing !== undefined);
    expect(withSwing).toHaveLength(541);
    const missing = seats
      .filter((s) => !withSwing.includes(s))
      .map((s) => s.code)
      .sort();
    expect(missing).toEqual(['S06-PC-24', 'S22-PC-8']);
    expect(seats.filter((s) => s.isRedrawn)).toHaveLength(19);
    expect(seats.filter((s) => s.isRedrawn).every((s) => s.code.startsWith('S03-') || s.code.startsWith('U08-'))).toBe(true);
    const surat = seats.find((s) => s.code === 'S06-PC-24') as TLine;
    expect(surat).toMatchObject({ isUncontested: true, winner: { party: { key: 'bjp' } }, party: null });
    // Muzaffarnagar: BJP 446,049 of the seat's votes in 2024 against 573,780 in 2019.
    const mzn = seats.find((s) => s.code === 'S24-PC-3') as TLine;
    expect(mzn.winner?.party.key).toBe('sp');
    expect(mzn.party?.share).toBeGreaterThan(40);
    expect(mzn.party?.swing).toBeLessThan(0);
    const up = (await get(`/api/v1/elections/${ls2024}/results?party=bjp&state=S24`)).json();
    expect(up.seatsWithResults).toBe(80);
    expect(up.parties.find((p: { key: string }) => p.key === 'sp')).toMatchObject({ seatsWon: 37 });
  });

  it('a seat page: winner, margin, shares, rank, the previous result, the party’s units', async () => {
    const seats = (await get(`/api/v1/elections/${ls2024}/seats?q=Amethi`)).json();
    expect(seats.total).toBe(1);
    const amethi = seats.items[0];
    const r = (await get(`/api/v1/seats/${amethi.id}/result?party=bjp`)).json();
    expect(r.winner).toMatchObject({ candidate: 'KISHORI LAL', party: { key: 'inc' }, votes: 539228, rank: 1 });
    expect(r.margin).toBe(167196);
    expect(r.partyResult).toMatchObject({ votes: 372032, rank: 2, margin: -167196 });
    expect(r.previous.winner).toMatchObject({ candidate: 'Smriti Irani', party: { key: 'bjp' } });
    expect(r.partyResult.swing).toBeCloseTo(r.partyResult.share - r.partyResult.previousShare, 1);
    expect(r.candidates.find((c: { party: { key: string } }) => c.party.key === 'nota')).toMatchObject({ rank: null });
    const vellore = (await get(`/api/v1/elections/${ls2024}/seats?q=Vellore`)).json().items[0];
    expect((await get(`/api/v1/seats/${vellore.id}/result?party=bjp`)).json()).toMatchObject({
      previous: null,
      partyResult: { swing: null },
    });
  });

  it('401 without a session, 400 for a bad party or state, 404 for an unknown election', async () => {
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/elections/${ls2024}/results` })).statusCode).toBe(401);
    expect((await get(`/api/v1/elections/${ls2024}/results?party=no-such-party-xyz`)).json()).toMatchObject({
      error: 'VALIDATION',
      field: 'party',
    });
    expect((await get(`/api/v1/elections/${ls2024}/results?state=XX1`)).statusCode).toBe(400);
    expect((await get('/api/v1/elections/99999999/results')).statusCode).toBe(404);
    expect((await get('/api/v1/seats/99999999/result')).statusCode).toBe(404);
    const viewer = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    expect((await get(`/api/v1/elections/${ls2024}/results`, viewer)).statusCode).toBe(200);
  });
});
