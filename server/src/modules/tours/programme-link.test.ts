import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { programmeBody } from '../programmes/test-support';

let h: THarness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
});
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object, lang?: string) =>
  h.app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) } });
const day = (offset: number) => new Date(Date.now() + 330 * 60_000 + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number, hhmm: string) => `${day(offset)}T${hhmm}:00+05:30`;

/** A state with two districts (an assembly under the first), a programme rolled out to the districts, and a tour of the state. */
const setup = async () => {
  const state = await h.unit({ level: 'state' });
  const district = await h.unit({ parentId: state.id, level: 'district' });
  const assembly = await h.unit({ parentId: district.id, level: 'assembly' });
  const other = await h.unit({ parentId: state.id, level: 'district' });
  const programme = (await call('POST', '/api/v1/programmes', admin, programmeBody(state.id))).json();
  const rolled = await call('POST', `/api/v1/programmes/${programme.id}/rollout`, admin, {
    target: { level: 'district' },
    underUnitId: state.id,
    phase: 1,
  });
  if (rolled.statusCode !== 200 && rolled.statusCode !== 201) throw new Error(rolled.body);
  const instances = (await call('GET', `/api/v1/programmes/${programme.id}/instances?phase=1`, admin)).json().items as {
    id: number;
    unit: { id: number };
  }[];
  const inDistrict = instances.find((i) => i.unit.id === district.id) as { id: number };
  const inOther = instances.find((i) => i.unit.id === other.id) as { id: number };
  const leader = await h.person({ homeUnitId: state.id });
  const tour = (
    await call('POST', '/api/v1/tours', admin, {
      unitId: state.id,
      leaderPersonId: leader.id,
      title: 'State tour',
      startsOn: day(-2),
      endsOn: day(10),
    })
  ).json();
  return { state, district, assembly, other, programme, inDistrict, inOther, tour };
};

describe('a tour stop linked to a programme instance', () => {
  it("links an instance at the stop's unit or on its chain, refuses one elsewhere, and shows the link on both sides; 401/400/404", async () => {
    const { state, district, assembly, inDistrict, inOther, tour } = await setup();
    const stops = `/api/v1/tours/${tour.id}/stops`;
    const body = { unitId: assembly.id, startsAt: at(2, '10:00'), endsAt: at(2, '12:00'), purpose: 'programme' };

    // The options for a stop at the assembly: its district's instance (above it), not the other district's.
    const options = `/api/v1/tour-stops/programme-instances?unit=${assembly.id}`;
    expect((await call('GET', options)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/tour-stops/programme-instances?unit=abc', admin)).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/tour-stops/programme-instances', admin)).statusCode).toBe(400);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('GET', options, outsider)).statusCode).toBe(404);
    const viewer = (await h.login('viewer', state.id)).cookie;
    const listed = (await call('GET', options, viewer)).json();
    expect(listed.items.map((i: { id: number }) => i.id)).toEqual([inDistrict.id]);
    expect(listed.items[0]).toMatchObject({
      programmeNameHi: 'प्रबुद्ध वर्ग संवाद',
      unit: { id: district.id },
      status: 'not-planned',
      phase: 1,
    });
    // From the state, both districts' instances are below it.
    expect((await call('GET', `/api/v1/tour-stops/programme-instances?unit=${state.id}&limit=1`, viewer)).json()).toMatchObject({
      items: [{ id: inOther.id }],
      nextCursor: String(inOther.id),
    });

    // Bad links: not a number, no such instance (404), another district's (400), nothing half-written.
    expect((await call('POST', stops, admin, { ...body, programmeInstanceId: 'x' })).json()).toMatchObject({
      field: 'programmeInstanceId',
    });
    expect((await call('POST', stops, admin, { ...body, programmeInstanceId: 999_999 })).json()).toMatchObject({
      error: 'NOT_FOUND',
      field: 'programmeInstanceId',
    });
    const elsewhere = await call('POST', stops, admin, { ...body, programmeInstanceId: inOther.id }, 'hi');
    expect(elsewhere.json()).toMatchObject({
      error: 'VALIDATION',
      field: 'programmeInstanceId',
      message: expect.stringContaining('कार्यक्रम आयोजन'),
    });
    expect((await call('GET', `/api/v1/tours/${tour.id}`, admin)).json().stops).toEqual([]);

    const created = await call('POST', stops, admin, { ...body, programmeInstanceId: inDistrict.id });
    expect(created.statusCode).toBe(201);
    const stop = created.json();
    expect(stop).toMatchObject({
      programmeInstance: { id: inDistrict.id, programmeName: 'Dialogue with professionals', unit: { id: district.id } },
    });
    // The instance's side lists the stop.
    const back = `/api/v1/programme-instances/${inDistrict.id}/tour-stops`;
    expect((await call('GET', back)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/programme-instances/abc/tour-stops', admin)).statusCode).toBe(400);
    expect((await call('GET', back, outsider)).statusCode).toBe(404);
    expect((await call('GET', back, viewer)).json()).toEqual({
      items: [
        expect.objectContaining({
          stopId: stop.id,
          tourId: tour.id,
          tourTitle: 'State tour',
          unit: expect.objectContaining({ id: assembly.id }),
          isCancelled: false,
        }),
      ],
    });
    // Unlinking is a patch; the history has both.
    const unlinked = await call('PATCH', `/api/v1/tour-stops/${stop.id}`, admin, { programmeInstanceId: null });
    expect(unlinked.json()).toMatchObject({ programmeInstance: null });
    expect((await call('GET', back, viewer)).json()).toEqual({ items: [] });
    expect((await call('PATCH', `/api/v1/tour-stops/${stop.id}`, admin, { programmeInstanceId: inOther.id })).json()).toMatchObject({
      field: 'programmeInstanceId',
    });
    const hist = (await call('GET', `/api/v1/tour-stops/${stop.id}/history`, admin)).json().items;
    expect(hist[0]).toMatchObject({ before: { programmeInstanceId: inDistrict.id }, after: { programmeInstanceId: null } });
  });

  it("creates the instance for the stop's unit by a one-unit roll-out and links it; again reuses it; 401/400/403/404", async () => {
    const { state, assembly, programme, tour } = await setup();
    const stop = (
      await call('POST', `/api/v1/tours/${tour.id}/stops`, admin, {
        unitId: assembly.id,
        startsAt: at(3, '10:00'),
        endsAt: at(3, '11:00'),
        purpose: 'rally',
      })
    ).json();
    const url = `/api/v1/tour-stops/${stop.id}/programme-instance`;
    expect((await call('POST', url, undefined, { programmeId: programme.id })).statusCode).toBe(401);
    expect((await call('POST', url, admin, { programmeId: 'p' })).json()).toMatchObject({ field: 'programmeId' });
    expect((await call('POST', url, admin, { programmeId: programme.id, phase: 0 })).json()).toMatchObject({ field: 'phase' });
    expect((await call('POST', url, admin, { programmeId: 999_999 })).json()).toMatchObject({ error: 'NOT_FOUND', field: 'programmeId' });
    expect((await call('POST', '/api/v1/tour-stops/999999/programme-instance', admin, { programmeId: programme.id })).statusCode).toBe(404);
    const viewer = (await h.login('viewer', state.id)).cookie;
    expect((await call('POST', url, viewer, { programmeId: programme.id })).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).state.id)).cookie;
    expect((await call('POST', url, outsider, { programmeId: programme.id })).statusCode).toBe(404);

    const before = (await call('GET', `/api/v1/programmes/${programme.id}`, admin)).json();
    const linked = await call('POST', url, admin, { programmeId: programme.id });
    expect(linked.statusCode).toBe(200);
    const inst = linked.json().programmeInstance;
    expect(linked.json()).toMatchObject({
      purpose: 'programme',
      programmeInstance: { targetKey: `unit:${assembly.id}`, unit: { id: assembly.id }, phase: 1 },
    });
    // It is an instance like any other: the programme counts it.
    const after = (await call('GET', `/api/v1/programmes/${programme.id}`, admin)).json();
    expect(JSON.stringify(after)).not.toEqual(JSON.stringify(before));
    expect((await call('GET', `/api/v1/programme-instances/${inst.id}`, admin)).json()).toMatchObject({
      id: inst.id,
      unit: { id: assembly.id },
    });
    // Again: the same instance, not a second one.
    expect((await call('POST', url, admin, { programmeId: programme.id })).json()).toMatchObject({ programmeInstance: { id: inst.id } });
    expect((await call('GET', `/api/v1/programme-instances/${inst.id}/tour-stops`, admin)).json().items).toHaveLength(1);
    const hist = (await call('GET', `/api/v1/tour-stops/${stop.id}/history`, admin)).json().items;
    expect(hist.filter((e: { action: string }) => e.action === 'tour.stop.programme-create')).toHaveLength(2);
  });
});
