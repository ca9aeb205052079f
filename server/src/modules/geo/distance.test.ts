import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { centroidOfUnit, centroidsOfUnits, distanceKm } from './distance';

describe('distanceKm', () => {
  it('measures real distances as the crow flies', () => {
    const delhi = { lat: 28.6139, lon: 77.209 };
    const mumbai = { lat: 19.076, lon: 72.8777 };
    const muzaffarnagar = { lat: 29.4727, lon: 77.7085 };
    const lucknow = { lat: 26.8467, lon: 80.9462 };
    // Published great-circle distances: Delhi–Mumbai about 1,150 km, Muzaffarnagar–Lucknow about 430 km
    // (the road is about 550 km).
    expect(distanceKm(delhi, mumbai)).toBeGreaterThan(1140);
    expect(distanceKm(delhi, mumbai)).toBeLessThan(1160);
    expect(distanceKm(muzaffarnagar, lucknow)).toBeGreaterThan(420);
    expect(distanceKm(muzaffarnagar, lucknow)).toBeLessThan(440);
    expect(distanceKm(lucknow, muzaffarnagar)).toBeCloseTo(distanceKm(muzaffarnagar, lucknow), 9);
    expect(distanceKm(delhi, delhi)).toBe(0);
    // One degree of latitude is about 111 km anywhere.
    expect(distanceKm({ lat: 10, lon: 76 }, { lat: 11, lon: 76 })).toBeCloseTo(111.2, 0);
  });
});

describe('centroidOfUnit', () => {
  let h: THarness;
  beforeAll(async () => {
    h = await createHarness();
  });
  const area = async (code: string) => h.db.selectFrom('geo_area').select(['lat', 'lon']).where('code', '=', code).executeTakeFirstOrThrow();

  it('takes the nearest linked ancestor when the unit itself has no geography', async () => {
    const state = await h.unit({ level: 'state', geo: 'S24' });
    const district = await h.unit({ parentId: state.id, level: 'district' });
    const assembly = await h.unit({ parentId: district.id, level: 'assembly', geo: 'S24-AC-14' });
    const booth = await h.unit({ parentId: assembly.id, level: 'booth' });
    const ac = await area('S24-AC-14');
    expect(await centroidOfUnit(h.db, booth.id)).toEqual({ lat: ac.lat, lon: ac.lon, fromUnitId: assembly.id, source: 'area', code: 'S24-AC-14' });
    expect(await centroidOfUnit(h.db, district.id)).toMatchObject({ fromUnitId: state.id, code: 'S24' });
    // Muzaffarnagar lies in the far west of UP, a few hundred km from the state's centroid.
    const s = await area('S24');
    const fromState = distanceKm({ lat: ac.lat ?? 0, lon: ac.lon ?? 0 }, { lat: s.lat ?? 0, lon: s.lon ?? 0 });
    expect(fromState).toBeGreaterThan(250);
    expect(fromState).toBeLessThan(450);
  });
  it("uses a booth's polling station: its own coordinates, else its AC's centroid", async () => {
    const [withPoint, withoutPoint] = await h.db
      .insertInto('polling_station')
      .values([
        { ac_code: 'S24-AC-14', part_number: 901, name: 'Primary School Test 1', lat: 29.47, lon: 77.7 },
        { ac_code: 'S24-AC-15', part_number: 902, name: 'Primary School Test 2' },
      ])
      .returning('id')
      .execute();
    const assembly = await h.unit({ level: 'assembly', geo: 'S24-AC-14' });
    const b1 = await h.unit({ parentId: assembly.id, level: 'booth', geo: 'S24-AC-14-PS-901' });
    const b2 = await h.unit({ parentId: assembly.id, level: 'booth', geo: 'S24-AC-15-PS-902' });
    expect(withPoint && withoutPoint).toBeTruthy();
    expect(await centroidOfUnit(h.db, b1.id)).toEqual({ lat: 29.47, lon: 77.7, fromUnitId: b1.id, source: 'polling-station', code: null });
    const ac15 = await area('S24-AC-15');
    expect(await centroidOfUnit(h.db, b2.id)).toEqual({ lat: ac15.lat, lon: ac15.lon, fromUnitId: b2.id, source: 'area', code: 'S24-AC-15' });
  });
  it('is null when nothing up the tree has a point, or the unit does not exist', async () => {
    const region = await h.unit({ level: 'region' });
    expect(await centroidOfUnit(h.db, region.id)).toBeNull();
    expect(await centroidOfUnit(h.db, 987654321)).toBeNull();
  });
  it('answers for many units at once, each from its own nearest linked ancestor', async () => {
    const up = await h.unit({ level: 'state', geo: 'S24' });
    const bihar = await h.unit({ level: 'state', geo: 'S04' });
    const mzn = await h.unit({ parentId: up.id, level: 'assembly', geo: 'S24-AC-14' });
    const mznBooth = await h.unit({ parentId: mzn.id, level: 'booth' });
    const patnaDistrict = await h.unit({ parentId: bihar.id, level: 'district' });
    const region = await h.unit({ level: 'region' });
    const got = await centroidsOfUnits(h.db, [mznBooth.id, patnaDistrict.id, region.id, 987654321]);
    expect(got.get(mznBooth.id)).toMatchObject({ fromUnitId: mzn.id, code: 'S24-AC-14' });
    expect(got.get(patnaDistrict.id)).toMatchObject({ fromUnitId: bihar.id, code: 'S04' });
    expect(got.get(region.id)).toBeNull();
    expect(got.get(987654321)).toBeNull();
    expect(await centroidsOfUnits(h.db, [])).toEqual(new Map());
  });
});
