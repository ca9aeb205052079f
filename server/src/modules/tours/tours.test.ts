import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  // Fixed points, so the distances below do not depend on the shipped centroids.
  for (const [code, lat, lon] of [
    ['S24-AC-14', 29.47, 77.7],
    ['S24-AC-15', 29.3, 77.72],
    ['S24-AC-173', 26.85, 80.95],
  ] as const) {
    await sql`update geo_area set lat = ${lat}, lon = ${lon} where code = ${code}`.execute(h.db);
  }
});
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object, lang?: string) =>
  h.app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) } });

/** Days from today in India, as a date and as an instant at `hh:mm` IST. */
const day = (offset: number) => new Date(Date.now() + 330 * 60_000 + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number, hhmm: string) => `${day(offset)}T${hhmm}:00+05:30`;

const setup = async () => {
  const state = await h.unit({ level: 'state' });
  const district = await h.unit({ parentId: state.id, level: 'district' });
  const mzn = await h.unit({ parentId: district.id, level: 'assembly', geo: 'S24-AC-14', nameHi: 'मुज़फ़्फ़रनगर' });
  const near = await h.unit({ parentId: district.id, level: 'assembly', geo: 'S24-AC-15' });
  const other = await h.unit({ parentId: state.id, level: 'district' });
  const far = await h.unit({ parentId: other.id, level: 'assembly', geo: 'S24-AC-173' });
  const leader = await h.person({ homeUnitId: state.id, name: 'Leader', nameHi: 'प्रदेश अध्यक्ष' });
  const tour = (
    await call('POST', '/api/v1/tours', admin, {
      unitId: state.id,
      leaderPersonId: leader.id,
      title: 'West UP tour',
      titleHi: 'पश्चिम उत्तर प्रदेश प्रवास',
      startsOn: day(-3),
      endsOn: day(10),
    })
  ).json();
  return { state, district, mzn, near, other, far, leader, tour };
};

describe('POST/GET/PATCH /api/v1/tours', () => {
  it('401, 400, 403, 404 and 201; lists by unit and leader and pages', async () => {
    const { state, district, leader, tour } = await setup();
    const body = { unitId: state.id, leaderPersonId: leader.id, title: 'Second tour', startsOn: day(1), endsOn: day(2) };
    expect((await call('POST', '/api/v1/tours', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/tours', admin, { ...body, endsOn: day(0) })).json()).toMatchObject({ field: 'endsOn' });
    expect((await call('POST', '/api/v1/tours', admin, { ...body, startsOn: '2026-02-30' })).json()).toMatchObject({ field: 'startsOn' });
    expect((await call('POST', '/api/v1/tours', admin, { ...body, endsOn: day(800) })).json()).toMatchObject({ field: 'endsOn' });
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', '/api/v1/tours', viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', '/api/v1/tours', outsider, body)).json()).toMatchObject({ error: 'NOT_FOUND', field: 'unitId' });
    const bearer = (await h.login('office-bearer', state.id)).cookie;
    const second = await call('POST', '/api/v1/tours', bearer, body);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ title: 'Second tour', leader: { id: leader.id }, stopCount: 0, actions: { canEdit: true } });

    expect((await call('GET', '/api/v1/tours')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/tours?from=tomorrow', admin)).statusCode).toBe(400);
    expect((await call('GET', `/api/v1/tours?unit=${state.id}`, outsider)).statusCode).toBe(404);
    const page = (await call('GET', `/api/v1/tours?unit=${state.id}&leader=${leader.id}&limit=1`, viewer)).json();
    expect(page.items.map((t: { id: number }) => t.id)).toEqual([second.json().id]);
    const rest = (await call('GET', `/api/v1/tours?unit=${state.id}&leader=${leader.id}&limit=1&cursor=${page.nextCursor}`, viewer)).json();
    expect(rest).toMatchObject({ items: [{ id: tour.id }], nextCursor: null });
    expect(
      (await call('GET', `/api/v1/tours?unit=${state.id}&from=${day(5)}`, viewer)).json().items.map((t: { id: number }) => t.id),
    ).toEqual([tour.id]);

    expect((await call('GET', `/api/v1/tours/${tour.id}`)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/tours/${tour.id}`, outsider)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/tours/${tour.id}`, viewer)).json()).toMatchObject({
      id: tour.id,
      stops: [],
      hiddenStops: 0,
      actions: { canEdit: false },
    });

    const url = `/api/v1/tours/${tour.id}`;
    expect((await call('PATCH', url, undefined, { title: 'x' })).statusCode).toBe(401);
    expect((await call('PATCH', url, admin, { endsOn: day(-10) })).json()).toMatchObject({ field: 'endsOn' });
    expect((await call('PATCH', url, viewer, { title: 'x' })).statusCode).toBe(403);
    expect((await call('PATCH', url, outsider, { title: 'x' })).statusCode).toBe(404);
    expect((await call('PATCH', url, bearer, { notes: 'Carry banners' })).json()).toMatchObject({ notes: 'Carry banners' });
    // A district office bearer cannot plan the state's tour.
    expect((await call('PATCH', url, (await h.login('office-bearer', district.id)).cookie, { title: 'x' })).statusCode).toBe(404);
    const hist = (await call('GET', `${url}/history`, viewer)).json();
    expect(hist.items.map((e: { action: string }) => e.action)).toEqual(['tour.update', 'tour.create']);
  });
});

describe('stops and conflicts', () => {
  it('adds stops; outside the tour dates is a 400, outside jurisdiction a 404; clashes are a 409 unless confirmed', async () => {
    const { state, district, mzn, near, far, tour } = await setup();
    const url = `/api/v1/tours/${tour.id}/stops`;
    const coordinator = await h.person({ homeUnitId: mzn.id, nameHi: 'स्थानीय संयोजक' });
    const stop1 = {
      unitId: mzn.id,
      startsAt: at(1, '10:00'),
      endsAt: at(1, '12:00'),
      purpose: 'rally',
      coordinatorPersonId: coordinator.id,
      notes: 'Town hall; 500 people',
    };
    expect((await call('POST', url, undefined, stop1)).statusCode).toBe(401);
    expect((await call('POST', url, admin, { ...stop1, purpose: 'picnic' })).json()).toMatchObject({ field: 'purpose' });
    expect((await call('POST', url, admin, { ...stop1, endsAt: at(1, '09:00') })).json()).toMatchObject({ field: 'endsAt' });
    expect((await call('POST', url, admin, { ...stop1, startsAt: '10 AM' })).json()).toMatchObject({ field: 'startsAt' });
    const outside = await call('POST', url, admin, { ...stop1, startsAt: at(20, '10:00'), endsAt: at(20, '12:00') }, 'hi');
    expect(outside.json()).toMatchObject({ error: 'VALIDATION', field: 'startsAt', message: expect.stringContaining('बाहर') });
    expect((await call('POST', url, admin, { ...stop1, startsAt: at(-4, '23:00'), endsAt: at(-3, '01:00') })).json()).toMatchObject({
      field: 'startsAt',
    });
    expect((await call('POST', url, admin, { ...stop1, endsAt: at(3, '12:00') })).json()).toMatchObject({ field: 'endsAt' });
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', url, viewer, stop1)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', url, outsider, stop1)).statusCode).toBe(404);
    const foreignUnit = (await h.chain()).assembly;
    const bearer = (await h.login('office-bearer', state.id)).cookie;
    expect((await call('POST', url, bearer, { ...stop1, unitId: foreignUnit.id })).json()).toMatchObject({
      error: 'NOT_FOUND',
      field: 'unitId',
    });
    const first = await call('POST', url, bearer, stop1);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      unit: { id: mzn.id, geoCode: 'S24-AC-14' },
      purpose: 'rally',
      conflicts: [],
      coordinator: { id: coordinator.id, isContactMasked: false },
      report: null,
    });

    // Overlapping the first stop.
    const overlap = await call('POST', url, bearer, {
      unitId: near.id,
      startsAt: at(1, '11:00'),
      endsAt: at(1, '13:00'),
      purpose: 'meeting',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ error: 'CONFLICT', conflicts: [{ kind: 'overlap', stopId: first.json().id, gapMinutes: 0 }] });
    // Lucknow 400+ km away two hours later: too short a gap for the road.
    const travel = await call('POST', url, bearer, { unitId: far.id, startsAt: at(1, '14:00'), endsAt: at(1, '15:00'), purpose: 'review' });
    expect(travel.statusCode).toBe(409);
    const [c] = travel.json().conflicts;
    expect(c).toMatchObject({ kind: 'travel', gapMinutes: 120 });
    expect(c.distanceKm).toBeGreaterThan(350);
    expect(c.distanceKm).toBeLessThan(450);
    expect(c.neededMinutes).toBeGreaterThan(400);
    // The neighbouring AC (~19 km) two hours later is fine: 30 min + ~23 min of road.
    const ok = await call('POST', url, bearer, { unitId: near.id, startsAt: at(1, '14:00'), endsAt: at(1, '15:00'), purpose: 'meeting' });
    expect(ok.statusCode).toBe(201);
    // Nothing was written by the refused attempts.
    expect((await call('GET', `/api/v1/tours/${tour.id}`, viewer)).json().stops).toHaveLength(2);
    const confirmed = await call('POST', url, bearer, {
      unitId: far.id,
      startsAt: at(1, '16:00'),
      endsAt: at(1, '17:00'),
      purpose: 'review',
      confirm: true,
    });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().conflicts).toEqual([expect.objectContaining({ kind: 'travel', stopId: ok.json().id })]);
    const audit = (await call('GET', `/api/v1/tour-stops/${confirmed.json().id}/history`, viewer)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'tour.stop.create-confirmed',
      after: { conflicts: [expect.objectContaining({ kind: 'travel' })] },
    });

    // Another tour of the same leader clashes too.
    const leaderId = tour.leader.id;
    const tour2 = (
      await call('POST', '/api/v1/tours', admin, {
        unitId: district.id,
        leaderPersonId: leaderId,
        title: 'District visit',
        startsOn: day(1),
        endsOn: day(1),
      })
    ).json();
    const cross = await call('POST', `/api/v1/tours/${tour2.id}/stops`, admin, {
      unitId: mzn.id,
      startsAt: at(1, '10:30'),
      endsAt: at(1, '11:00'),
      purpose: 'other',
    });
    expect(cross.statusCode).toBe(409);
    expect(cross.json()).toMatchObject({ conflicts: [expect.objectContaining({ tourId: tour.id, kind: 'overlap' })] });

    // Moving a stop is checked again; cancelling it frees the slot.
    const move = `/api/v1/tour-stops/${ok.json().id}`;
    expect((await call('PATCH', move, undefined, { notes: 'x' })).statusCode).toBe(401);
    expect((await call('PATCH', move, bearer, {})).statusCode).toBe(400);
    expect((await call('PATCH', move, bearer, { startsAt: at(30, '10:00'), endsAt: at(30, '11:00') })).json()).toMatchObject({
      field: 'startsAt',
    });
    expect((await call('PATCH', move, viewer, { notes: 'x' })).statusCode).toBe(403);
    expect((await call('PATCH', move, outsider, { notes: 'x' })).statusCode).toBe(404);
    expect((await call('PATCH', move, (await h.login('office-bearer', district.id)).cookie, { notes: 'x' })).statusCode).toBe(403);
    expect((await call('PATCH', move, bearer, { startsAt: at(1, '11:30'), endsAt: at(1, '12:30') })).statusCode).toBe(409);
    expect((await call('PATCH', `/api/v1/tour-stops/${first.json().id}`, bearer, { isCancelled: true })).json()).toMatchObject({
      isCancelled: true,
      conflicts: [],
    });
    // Still too close to the Lucknow stop: saved only when confirmed, with that one conflict kept.
    expect((await call('PATCH', move, bearer, { startsAt: at(1, '11:30'), endsAt: at(1, '12:30') })).json().conflicts).toEqual([
      expect.objectContaining({ stopId: confirmed.json().id }),
    ]);
    const moved = await call('PATCH', move, bearer, { startsAt: at(1, '11:30'), endsAt: at(1, '12:30'), notes: 'earlier', confirm: true });
    expect(moved.json()).toMatchObject({ notes: 'earlier', conflicts: [{ stopId: confirmed.json().id, kind: 'travel' }] });
    // The tour cannot shrink past its stops.
    expect((await call('PATCH', `/api/v1/tours/${tour.id}`, bearer, { endsOn: day(0) })).json()).toMatchObject({ field: 'endsOn' });
  });
});

describe('reports, calendars and exports', () => {
  it('reports a stop once it started; calendars per unit and leader; itinerary as .ics and PDF', async () => {
    const { state, district, mzn, far, leader, tour } = await setup();
    const url = `/api/v1/tours/${tour.id}/stops`;
    const coordinator = await h.person({ homeUnitId: mzn.id, name: 'Coordinator, Local' });
    const past = (
      await call('POST', url, admin, {
        unitId: mzn.id,
        startsAt: at(-1, '10:00'),
        endsAt: at(-1, '12:00'),
        purpose: 'meeting',
        coordinatorPersonId: coordinator.id,
        notes: 'Hall; bring list',
      })
    ).json();
    const future = (
      await call('POST', url, admin, { unitId: far.id, startsAt: at(2, '10:00'), endsAt: at(2, '12:00'), purpose: 'rally' })
    ).json();
    const rep = `/api/v1/tour-stops/${past.id}/report`;
    expect((await call('POST', rep, undefined, { isHeld: true })).statusCode).toBe(401);
    expect((await call('POST', rep, admin, { isHeld: 'yes' })).json()).toMatchObject({ field: 'isHeld' });
    expect((await call('POST', `/api/v1/tour-stops/${future.id}/report`, admin, { isHeld: true })).json()).toMatchObject({
      field: 'isHeld',
    });
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', rep, viewer, { isHeld: true })).statusCode).toBe(403);
    expect((await call('POST', rep, (await h.login('admin', (await h.chain()).state.id)).cookie, { isHeld: true })).statusCode).toBe(404);
    // The local district reports on the visit to it.
    const local = (await h.login('office-bearer', district.id)).cookie;
    expect((await call('POST', rep, local, { isHeld: false, summary: 'Rain' })).json()).toMatchObject({
      report: { isHeld: false, summary: 'Rain', earlier: 0 },
    });
    expect((await call('POST', rep, admin, { isHeld: true, summary: '300 workers attended' })).json()).toMatchObject({
      report: { isHeld: true, earlier: 1 },
    });

    // Calendars.
    const cal = `/api/v1/units/${district.id}/tours?from=${day(-5)}&to=${day(5)}`;
    expect((await call('GET', cal)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/units/${district.id}/tours?from=${day(5)}&to=${day(-5)}`, admin)).json()).toMatchObject({
      field: 'querystring.to',
    });
    expect((await call('GET', `/api/v1/units/${district.id}/tours?from=${day(-100)}&to=${day(5)}`, admin)).statusCode).toBe(400);
    const otherViewer = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    expect((await call('GET', cal, otherViewer)).statusCode).toBe(404);
    const districtViewer = (await h.login('viewer', district.id)).cookie;
    const mine = (await call('GET', cal, districtViewer)).json();
    expect(mine.items.map((s: { id: number }) => s.id)).toEqual([past.id]);
    expect(mine.items[0]).toMatchObject({ tour: { id: tour.id }, leader: { id: leader.id }, report: { isHeld: true } });
    // The district viewer sees the state tour with only the stop in their district.
    expect((await call('GET', `/api/v1/tours/${tour.id}`, districtViewer)).json()).toMatchObject({
      hiddenStops: 1,
      stops: [{ id: past.id }],
    });
    const lcal = `/api/v1/people/${leader.id}/tours?from=${day(-5)}&to=${day(5)}`;
    expect((await call('GET', lcal)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/people/${leader.id}/tours?from=x&to=y`, admin)).statusCode).toBe(400);
    expect((await call('GET', lcal, otherViewer)).statusCode).toBe(404);
    expect((await call('GET', lcal, viewer)).json().items.map((s: { id: number }) => s.id)).toEqual([past.id, future.id]);

    // iCalendar.
    const ics = await call('GET', `/api/v1/tours/${tour.id}/itinerary.ics?lang=hi`, viewer);
    expect((await call('GET', `/api/v1/tours/${tour.id}/itinerary.ics`)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/tours/${tour.id}/itinerary.ics?lang=fr`, viewer)).statusCode).toBe(400);
    expect((await call('GET', `/api/v1/tours/${tour.id}/itinerary.ics`, otherViewer)).statusCode).toBe(404);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const text = ics.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(text).toContain(`UID:${past.uid}@samiti`);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:बैठक: मुज़फ़्फ़रनगर — प्रदेश अध्यक्ष');
    expect(unfolded).toContain('Hall\\; bring list');
    const again = (await call('GET', `/api/v1/tours/${tour.id}/itinerary.ics?lang=en`, viewer)).body.replace(/\r\n /g, '');
    expect(again).toContain('Coordinator\\, Local');
    expect(again.match(/UID:[^\r]+/g)).toEqual(unfolded.match(/UID:[^\r]+/g));
  });

  it('prints the itinerary as a PDF in Hindi', { timeout: 60_000 }, async () => {
    const { mzn, tour } = await setup();
    await call('POST', `/api/v1/tours/${tour.id}/stops`, admin, {
      unitId: mzn.id,
      startsAt: at(1, '10:00'),
      endsAt: at(1, '12:00'),
      purpose: 'review',
      notes: 'बूथ समितियों की समीक्षा',
    });
    expect((await call('GET', `/api/v1/tours/${tour.id}/itinerary.pdf`)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/tours/${tour.id}/itinerary.pdf?lang=xx`, admin)).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/tours/99999999/itinerary.pdf', admin)).statusCode).toBe(404);
    const pdf = await call('GET', `/api/v1/tours/${tour.id}/itinerary.pdf?lang=hi`, admin);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
