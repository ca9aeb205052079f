import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, districtElection, wardsCsv } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

describe('POST /api/v1/elections', () => {
  it('401, 400s, 403, 404 and 201 with seats from the geography for a Vidhan Sabha', async () => {
    const body = { type: 'vidhan-sabha', stateCode: 'S24', year: 2022, name: 'UP Vidhan Sabha 2022', nameHi: 'उत्तर प्रदेश विधानसभा 2022' };
    expect((await call('POST', '/api/v1/elections', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/elections', admin, { ...body, type: 'senate' })).json()).toMatchObject({ field: 'type' });
    expect((await call('POST', '/api/v1/elections', admin, { ...body, stateCode: undefined })).json()).toMatchObject({
      field: 'stateCode',
    });
    expect((await call('POST', '/api/v1/elections', admin, { ...body, stateCode: 'S99' })).json()).toMatchObject({ field: 'stateCode' });
    expect(
      (await call('POST', '/api/v1/elections', admin, { ...body, pollDate: '2022-03-10', countingDate: '2022-02-10' })).json(),
    ).toMatchObject({ field: 'countingDate' });
    const stateAdmin = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', '/api/v1/elections', stateAdmin, body)).statusCode).toBe(403);
    const res = await call('POST', '/api/v1/elections', admin, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'vidhan-sabha',
      stateCode: 'S24',
      stateName: 'Uttar Pradesh',
      seatCount: 403,
      isShipped: false,
      actions: { canImportResults: true },
    });
    const again = await call('POST', '/api/v1/elections', admin, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().existingId).toBe(res.json().id);
    const seats = (await call('GET', `/api/v1/elections/${res.json().id}/seats?q=gangoh`, admin)).json();
    expect(seats.items).toEqual([expect.objectContaining({ code: 'S24-AC-7', geoCode: 'S24-AC-7', number: 7, reservation: 'GEN' })]);
  });

  it('a local-body election belongs to a unit: its admins create it; 404 outside, 403 for a weaker role', async () => {
    const state = await h.unit({ level: 'state', geo: 'S24' });
    const district = await h.unit({ parentId: state.id, level: 'district' });
    const body = { type: 'zila-panchayat', stateCode: 'S24', unitId: district.id, year: 2021, name: 'Zila panchayat 2021' };
    expect((await call('POST', '/api/v1/elections', admin, { ...body, unitId: undefined })).json()).toMatchObject({ field: 'unitId' });
    expect((await call('POST', '/api/v1/elections', admin, { ...body, stateCode: 'S04' })).json()).toMatchObject({ field: 'unitId' });
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('POST', '/api/v1/elections', outsider, body)).statusCode).toBe(404);
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', '/api/v1/elections', viewer, body)).statusCode).toBe(403);
    const districtAdmin = (await h.login('admin', district.id)).cookie;
    const res = await call('POST', '/api/v1/elections', districtAdmin, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unit: { id: district.id }, seatCount: 0, actions: { canAddSeats: true } });
    // The outsider neither sees it in lists nor by id; the viewer inside does.
    expect((await call('GET', `/api/v1/elections/${res.json().id}`, outsider)).statusCode).toBe(404);
    const seen = (await call('GET', '/api/v1/elections?type=zila-panchayat&year=2021', outsider)).json();
    expect(seen.items.map((e: { id: number }) => e.id)).not.toContain(res.json().id);
    expect((await call('GET', `/api/v1/elections/${res.json().id}`, viewer)).json()).toMatchObject({ actions: { canAddSeats: false } });
    // Someone working below the district (a mandal's office bearer) sees the district's election too.
    const mandal = await h.unit({ parentId: district.id, level: 'mandal' });
    const below = (await h.login('office-bearer', mandal.id)).cookie;
    expect((await call('GET', `/api/v1/elections/${res.json().id}`, below)).statusCode).toBe(200);
  });
});

describe('GET /api/v1/elections', () => {
  it('filters by type, year and state, pages by cursor, refuses a bad filter', async () => {
    expect((await call('GET', '/api/v1/elections')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/elections?type=senate', admin)).statusCode).toBe(400);
    const ls = (await call('GET', '/api/v1/elections?type=lok-sabha', admin)).json();
    expect(ls.items.map((e: { year: number }) => e.year)).toEqual([2024, 2019]);
    const first = (await call('GET', '/api/v1/elections?limit=1', admin)).json();
    expect(first.items).toHaveLength(1);
    const second = (await call('GET', `/api/v1/elections?limit=1&cursor=${first.nextCursor}`, admin)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await call('GET', '/api/v1/elections?cursor=garbage', admin)).json()).toMatchObject({ field: 'cursor' });
    const y = (await call('GET', '/api/v1/elections?year=2019', admin)).json();
    expect(y.items.every((e: { year: number }) => e.year === 2019)).toBe(true);
  });
});

describe('local-body seats', () => {
  it('by hand: 401, 400, 403, 404, 409 and 201', async () => {
    const { district, election } = await districtElection(h, admin, 2010);
    const url = `/api/v1/elections/${election.id}/seats`;
    const body = { code: 'W-1', number: 1, name: 'Ward 1', nameHi: 'वार्ड 1', reservation: 'women' };
    expect((await call('POST', url, undefined, body)).statusCode).toBe(401);
    expect((await call('POST', url, admin, { ...body, reservation: 'rich' })).json()).toMatchObject({ field: 'reservation' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', url, viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('POST', url, outsider, body)).statusCode).toBe(404);
    const outsideUnit = (await h.chain()).assembly.id;
    expect((await call('POST', url, admin, { ...body, unitId: outsideUnit })).json()).toMatchObject({ field: 'unitId' });
    expect((await call('POST', url, admin, body)).statusCode).toBe(201);
    expect((await call('POST', url, admin, body)).statusCode).toBe(409);
    const ls = (await call('GET', '/api/v1/elections?type=lok-sabha&year=2024', admin)).json().items[0];
    expect((await call('POST', `/api/v1/elections/${ls.id}/seats`, admin, body)).statusCode).toBe(400);
  });

  it('40 wards from a CSV: dry run, then all or nothing; bad rows reported by line', async () => {
    const { election } = await districtElection(h, admin, 2011);
    const url = `/api/v1/elections/${election.id}/seats/import`;
    expect((await call('POST', `${url}?dryRun=false`, undefined, wardsCsv(40))).statusCode).toBe(401);
    const bad = `${wardsCsv(3)}\nW-2,2,Ward again,\n,x,,\n`;
    const dry = (await call('POST', url, admin, bad)).json();
    expect(dry).toMatchObject({ isDryRun: true, written: 0 });
    expect(dry.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [5, 'code'],
      [6, 'number'],
      [6, 'code'],
      [6, 'name'],
    ]);
    const refused = await call('POST', `${url}?dryRun=false`, admin, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().report.errors).toHaveLength(4);
    expect((await call('GET', `/api/v1/elections/${election.id}/seats`, admin)).json().total).toBe(0);
    const ok = (await call('POST', `${url}?dryRun=false`, admin, wardsCsv(40))).json();
    expect(ok).toMatchObject({ isDryRun: false, rows: 40, written: 40, errors: [] });
    const page1 = (await call('GET', `/api/v1/elections/${election.id}/seats?limit=25`, admin)).json();
    expect(page1).toMatchObject({ total: 40 });
    expect(page1.items[0]).toMatchObject({ code: 'W-1', nameHi: 'वार्ड 1', aspirantCount: 0, hasCandidate: false });
    const page2 = (await call('GET', `/api/v1/elections/${election.id}/seats?limit=25&cursor=${page1.nextCursor}`, admin)).json();
    expect(page2.items).toHaveLength(15);
    expect(page2.items[14].code).toBe('W-40');
    expect(page2.nextCursor).toBeNull();
    // A second import of the same codes is refused row by row.
    expect((await call('POST', url, admin, wardsCsv(2))).json().errors).toHaveLength(2);
  });
});

describe('the party setting', () => {
  it('anyone logged in reads it; only a national admin changes it, by key or any name', async () => {
    expect((await call('GET', '/api/v1/election-settings')).statusCode).toBe(401);
    const stateAdmin = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('PUT', '/api/v1/election-settings', stateAdmin, { ourParty: 'bjp' })).statusCode).toBe(403);
    expect((await call('PUT', '/api/v1/election-settings', admin, { ourParty: 'no such party' })).json()).toMatchObject({
      field: 'ourParty',
    });
    expect((await call('PUT', '/api/v1/election-settings', admin, { ourParty: 'Indian National Congress' })).json()).toMatchObject({
      ourParty: { key: 'inc' },
    });
    expect((await call('GET', '/api/v1/election-settings', stateAdmin)).json()).toMatchObject({
      ourParty: { key: 'inc', short: 'INC' },
      canEdit: false,
    });
    const ls = (await call('GET', '/api/v1/elections?type=lok-sabha&year=2024', admin)).json().items[0];
    expect((await call('GET', `/api/v1/elections/${ls.id}/results`, admin)).json().party).toMatchObject({ key: 'inc' });
    const parties = (await call('GET', '/api/v1/parties?q=भाजपा', admin)).json();
    expect(parties.items[0]).toMatchObject({ key: 'bjp' });
  });
});

describe('editing an election and a seat', () => {
  it('PATCH /api/v1/elections/:id: 401, 400, 403, 404 and 200, audited; shipped ones are read-only', async () => {
    const { district, election } = await districtElection(h, admin, 2012);
    const url = `/api/v1/elections/${election.id}`;
    expect((await call('PATCH', url, undefined, { name: 'Renamed' })).statusCode).toBe(401);
    expect((await call('PATCH', url, admin, {})).statusCode).toBe(400);
    expect((await call('PATCH', url, admin, { pollDate: '2012-05-10', countingDate: '2012-05-01' })).json()).toMatchObject({
      field: 'countingDate',
    });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('PATCH', url, viewer, { name: 'Renamed' })).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('PATCH', url, outsider, { name: 'Renamed' })).statusCode).toBe(404);
    const ok = await call('PATCH', url, admin, { name: 'Zila panchayat 2012 (by-election)', pollDate: '2012-05-10' });
    expect(ok.json()).toMatchObject({ name: 'Zila panchayat 2012 (by-election)', pollDate: '2012-05-10' });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('entity_type', '=', 'election')
      .where('entity_id', '=', String(election.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['election.create', 'election.update']);
    const ls = (await call('GET', '/api/v1/elections?type=lok-sabha&year=2024', admin)).json().items[0];
    expect((await call('PATCH', `/api/v1/elections/${ls.id}`, admin, { name: 'x' })).statusCode).toBe(403);
    const history = await call('GET', `${url}/history`, viewer);
    expect(history.json().items.map((x: { action: string }) => x.action)).toEqual(['election.update', 'election.create']);
    expect(history.json().items[0]).toMatchObject({
      before: { name: 'Zila panchayat 2012' },
      after: { name: 'Zila panchayat 2012 (by-election)' },
    });
    expect((await call('GET', `${url}/history`)).statusCode).toBe(401);
    expect((await call('GET', `${url}/history`, outsider)).statusCode).toBe(404);
  });

  it('PATCH /api/v1/seats/:id: reservation and owning unit of a ward', async () => {
    const { district, election } = await districtElection(h, admin, 2013);
    const seat = (await call('POST', `/api/v1/elections/${election.id}/seats`, admin, { code: 'W-7', name: 'Ward 7' })).json();
    const url = `/api/v1/seats/${seat.id}`;
    expect((await call('PATCH', url, undefined, { reservation: 'SC' })).statusCode).toBe(401);
    expect((await call('PATCH', url, admin, { reservation: 'rich' })).json()).toMatchObject({ field: 'reservation' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('PATCH', url, viewer, { reservation: 'SC' })).statusCode).toBe(403);
    expect((await call('PATCH', '/api/v1/seats/99999999', admin, { reservation: 'SC' })).statusCode).toBe(404);
    const mandal = await h.unit({ parentId: district.id, level: 'mandal' });
    expect((await call('PATCH', url, admin, { reservation: 'SC-women', unitId: mandal.id })).json()).toMatchObject({
      reservation: 'SC-women',
      unit: { id: mandal.id },
    });
    expect((await call('PATCH', url, admin, { unitId: (await h.chain()).assembly.id })).json()).toMatchObject({ field: 'unitId' });
    const history = (await call('GET', `${url}/history`, viewer)).json();
    expect(history.items.map((x: { action: string }) => x.action)).toEqual(['seat.update', 'seat.create']);
    expect((await call('GET', '/api/v1/seats/99999999/history', admin)).statusCode).toBe(404);
  });
});
