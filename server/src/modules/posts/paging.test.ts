import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { updatePerson } from '../people/operations';
import { appoint, endTenure } from './operations';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
const get = (url: string, cookie?: string) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

type TPage = { items: { id: number }[]; nextCursor: string | null };
/** Follows `nextCursor` from the first page to the last; every page but the last is full. */
const readAll = async (url: string, limit: number, cookie = admin) => {
  const ids: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, cookie);
    expect(res.statusCode).toBe(200);
    const page = res.json() as TPage;
    if (page.nextCursor) expect(page.items).toHaveLength(limit);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return { ids, pages };
};

describe('paged tenure lists', () => {
  it("pages a unit's tenures newest first with a cursor, same-day ones by id, without gaps or repeats", async () => {
    const { district } = await h.chain();
    const ids: number[] = [];
    // Seven secretaries' tenures: four of them started the same day, ended ones included.
    for (const [i, day] of ['2020-01-01', '2021-05-05', '2021-05-05', '2021-05-05', '2021-05-05', '2022-02-02', '2023-03-03'].entries()) {
      const t = await appoint(h.ctx, {
        unitId: district.id,
        post: i % 2 ? 'secretary' : 'general-secretary',
        personId: (await h.person()).id,
        startDate: day,
      });
      if (i < 3) await endTenure(h.ctx, t.id, { endDate: '2024-01-01', reason: 'term-ended' });
      ids.push(t.id);
    }
    const url = `/api/v1/units/${district.id}/tenures`;
    const everything = (await get(url, admin)).json() as TPage;
    expect(everything.nextCursor).toBeNull();
    const all = await readAll(url, 3);
    expect(all.pages).toBe(3);
    expect(all.ids).toEqual(everything.items.map((i) => i.id));
    expect([...all.ids].sort((a, b) => a - b)).toEqual(ids);
    // Newest start first, and among the four of 2021-05-05 the higher id first.
    expect(all.ids.slice(0, 2)).toEqual([ids[6], ids[5]]);
    expect(all.ids.slice(2, 6)).toEqual([ids[4], ids[3], ids[2], ids[1]]);
    const current = await readAll(`${url}?includeEnded=false`, 2);
    expect(current.ids.sort((a, b) => a - b)).toEqual(ids.slice(3));
  });

  it('401, 400 for a bad cursor or limit, 404 outside the jurisdiction', async () => {
    const { district } = await h.chain();
    const url = `/api/v1/units/${district.id}/tenures`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(`${url}?cursor=yesterday`, admin)).json()).toMatchObject({ error: 'VALIDATION', field: 'cursor' });
    expect((await get(`${url}?limit=501`, admin)).json()).toMatchObject({ error: 'VALIDATION', field: 'querystring.limit' });
    expect((await get(`${url}?limit=0`, admin)).statusCode).toBe(400);
    const outsider = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    expect((await get(url, outsider)).statusCode).toBe(404);
    const p = await h.person({ homeUnitId: district.id });
    const purl = `/api/v1/people/${p.id}/tenures`;
    expect((await get(purl)).statusCode).toBe(401);
    expect((await get(`${purl}?cursor=2024-01-01.x`, admin)).json()).toMatchObject({ field: 'cursor' });
    expect((await get(purl, outsider)).statusCode).toBe(404);
    expect((await get(purl, admin)).json()).toEqual({ items: [], nextCursor: null });
  });

  it("pages a person's tenures and leaves out those in units the viewer cannot see, on every page", async () => {
    const a = await h.chain();
    const b = await h.chain();
    const p = await h.person({ homeUnitId: a.booth.id });
    const seen: number[] = [];
    for (const [i, day] of ['2019-01-01', '2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01'].entries()) {
      const unitId = i % 2 ? b.assembly.id : a.assembly.id;
      const t = await appoint(h.ctx, { unitId, post: 'in-charge', personId: p.id, startDate: day });
      await endTenure(h.ctx, t.id, { endDate: day.replace('-01-01', '-12-31'), reason: 'term-ended' });
      if (unitId === a.assembly.id) seen.push(t.id);
    }
    expect((await readAll(`/api/v1/people/${p.id}/tenures`, 2)).ids).toHaveLength(5);
    const local = (await h.login('viewer', a.state.id)).cookie;
    const mine = await readAll(`/api/v1/people/${p.id}/tenures`, 2, local);
    expect(mine.ids).toEqual([...seen].reverse());
  });
});

describe("a person's paged history", () => {
  it('pages the audit trail newest first past the old cap, 401/400/404', async () => {
    const { district } = await h.chain();
    const p = await h.person({ homeUnitId: district.id });
    for (let i = 0; i < 6; i++) await updatePerson(h.ctx, p.id, { name: `Renamed ${i}` });
    const url = `/api/v1/people/${p.id}/history`;
    const first = (await get(`${url}?limit=4`, admin)).json();
    expect(first.items.map((e: { action: string }) => e.action)).toEqual([
      'person.update',
      'person.update',
      'person.update',
      'person.update',
    ]);
    expect(first.items[0].after).toMatchObject({ name: 'Renamed 5' });
    const all = await readAll(url, 4);
    expect(all.pages).toBe(2);
    expect(all.ids).toHaveLength(7);
    expect(all.ids).toEqual([...all.ids].sort((x, y) => y - x));
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(`${url}?cursor=abc`, admin)).json()).toMatchObject({ error: 'VALIDATION', field: 'cursor' });
    expect((await get(`${url}?limit=201`, admin)).statusCode).toBe(400);
    const outsider = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    expect((await get(url, outsider)).statusCode).toBe(404);
  });
});
