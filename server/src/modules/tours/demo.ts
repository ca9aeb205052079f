import type { TCtx } from '../../context';
import { createPerson } from '../people/operations';
import { addStop, createTour, reportStop } from './operations';

const DAY_MS = 86_400_000;
const indiaDay = (days: number) => new Date(Date.now() + 330 * 60_000 + days * DAY_MS).toISOString().slice(0, 10);
const indiaAt = (days: number, hhmm: string) => `${indiaDay(days)}T${hhmm}:00+05:30`;
const consent = { purpose: 'party organisation records (demo data)', date: '2026-01-15', method: 'written' as const };

/**
 * A demo tour of a (made-up) state leader through western UP: a review in Muzaffarnagar yesterday
 * (reported), a rally in Kairana in two days, and a meeting in Lucknow the same afternoon, saved
 * despite the conflict the check finds (about 470 km in two hours).
 */
export const seedToursDemo = async (ctx: TCtx, input: { stateId: number }) => {
  const assembly = (geo: string) =>
    ctx.db
      .selectFrom('unit')
      .select('id')
      .where('geo_code', '=', geo)
      .where('wing', '=', 'main')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  const [mzn, kairana, lucknow] = [await assembly('S24-AC-14'), await assembly('S24-AC-8'), await assembly('S24-AC-171')];
  if (!mzn || !kairana) return;
  const leader = await createPerson(ctx, {
    name: 'Kshitij Dwivedi',
    nameHi: 'क्षितिज द्विवेदी',
    homeUnitId: input.stateId,
    phone: '9413000001',
    consent,
  });
  const coordinator = await createPerson(ctx, {
    name: 'Ram Kishore Tyagi',
    nameHi: 'राम किशोर त्यागी',
    homeUnitId: mzn.id,
    phone: '9413000002',
    consent,
  });
  const tour = await createTour(ctx, {
    unitId: input.stateId,
    leaderPersonId: leader.id,
    title: 'West UP organisation tour',
    titleHi: 'पश्चिमी उत्तर प्रदेश संगठन प्रवास',
    startsOn: indiaDay(-2),
    endsOn: indiaDay(5),
  });
  const review = await addStop(ctx, tour.id, {
    unitId: mzn.id,
    startsAt: indiaAt(-1, '10:00'),
    endsAt: indiaAt(-1, '12:30'),
    purpose: 'review',
    coordinatorPersonId: coordinator.id,
    notes: 'बूथ समितियों की समीक्षा; सदस्यता अभियान की प्रगति',
    confirm: false,
  });
  await reportStop(ctx, review.id, { isHeld: true, summary: '180 कार्यकर्ता उपस्थित; 12 कमज़ोर बूथों की सूची बनी।' });
  await addStop(ctx, tour.id, {
    unitId: kairana.id,
    startsAt: indiaAt(2, '10:00'),
    endsAt: indiaAt(2, '12:00'),
    purpose: 'rally',
    confirm: false,
  });
  if (lucknow)
    await addStop(ctx, tour.id, {
      unitId: lucknow.id,
      startsAt: indiaAt(2, '14:00'),
      endsAt: indiaAt(2, '15:00'),
      purpose: 'meeting',
      confirm: true,
    });
};
