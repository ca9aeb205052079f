import type { TCtx } from '../../context';
import { loadActor } from '../auth/queries';
import { createPerson } from '../people/operations';
import { appoint } from '../posts/operations';
import { recordAttendance } from './attendance';
import { createMeeting, setMinutes } from './operations';
import { addResolution } from './resolutions';

const consent = { purpose: 'party organisation records (demo data)', date: '2026-01-15', method: 'written' as const };

// Made-up office bearers (demo numbers in the 94120 range) so the district has someone to invite.
const DISTRICT_TEAM = [
  { post: 'president', name: 'Rajesh Tyagi', nameHi: 'राजेश त्यागी' },
  { post: 'general-secretary', name: 'Sunita Verma', nameHi: 'सुनीता वर्मा' },
  { post: 'treasurer', name: 'Mohd Anis Ansari', nameHi: 'मोहम्मद अनीस अंसारी' },
];
const ASSEMBLY_PRESIDENTS = [
  { name: 'Ajay Kumar Saini', nameHi: 'अजय कुमार सैनी' },
  { name: 'Kshama Sharma', nameHi: 'क्षमा शर्मा' },
  { name: 'Rashtrapal Chauhan', nameHi: 'राष्ट्रपाल चौहान' },
  { name: 'Mehtab Qasmi', nameHi: 'मेहताब कासमी' },
];

/**
 * Demo meetings of the Muzaffarnagar district: office bearers (created with consent, as the demo
 * has none), a review meeting held last week with attendance, minutes and two resolutions, and a
 * review planned for next week. Meetings are organised by `organiserUserId` (a real login).
 */
export const seedMeetingsDemo = async (ctx: TCtx, input: { districtId: number; organiserUserId: number }) => {
  let n = 0;
  let chairPersonId: number | null = null;
  const person = (homeUnitId: number, p: { name: string; nameHi: string }) =>
    createPerson(ctx, { ...p, homeUnitId, phone: `94120${String(++n).padStart(5, '0')}`, consent });
  for (const m of DISTRICT_TEAM) {
    const p = await person(input.districtId, m);
    await appoint(ctx, { unitId: input.districtId, post: m.post, personId: p.id, startDate: '2025-04-01' });
    chairPersonId ??= p.id;
  }
  const assemblies = await ctx.db.selectFrom('unit').select('id').where('parent_id', '=', input.districtId).where('level', '=', 'assembly').orderBy('sort_key').limit(ASSEMBLY_PRESIDENTS.length).execute();
  for (const [i, a] of assemblies.entries()) {
    const who = ASSEMBLY_PRESIDENTS[i];
    if (!who) break;
    const p = await person(a.id, who);
    await appoint(ctx, { unitId: a.id, post: 'president', personId: p.id, startDate: '2025-05-01' });
  }

  const actor = await loadActor(ctx.db, input.organiserUserId);
  if (!actor) return;
  const octx = { ...ctx, actor };
  const day = 86_400_000;
  const at = (offsetDays: number) => new Date(Math.floor((Date.now() + offsetDays * day) / day) * day + 5.5 * 3_600_000).toISOString();
  const invitees = { includeSelf: true, rules: [{ levels: ['assembly'], posts: ['president'] }], personIds: [] };
  const held = await createMeeting(octx, {
    unitId: input.districtId,
    type: 'review',
    title: 'जिला समीक्षा बैठक',
    startsAt: at(-7),
    venue: 'जिला कार्यालय, मुजफ्फरनगर',
    venueUnitId: input.districtId,
    chairPersonId,
    agenda: ['बूथ समितियों की समीक्षा', 'सदस्यता अभियान की प्रगति', 'आगामी कार्यक्रम'],
    status: 'held',
    invitees,
  });
  const list = await ctx.db.selectFrom('meeting_invitee').select('person_id').where('meeting_id', '=', held.id).orderBy('id').execute();
  const statuses = ['present', 'present', 'excused', 'present', 'absent', 'present', 'present'] as const;
  await recordAttendance(octx, held.id, {
    entries: list.map((i, k) => ({ personId: i.person_id, status: statuses[k % statuses.length] ?? 'present', walkIn: false })),
  });
  await setMinutes(octx, held.id, {
    text: 'जिलाध्यक्ष ने सभी विधानसभा अध्यक्षों के साथ बूथ समितियों की समीक्षा की। कमजोर बूथों की सूची बनाई गई और सदस्यता अभियान की प्रगति पर चर्चा हुई।',
    lang: 'hi',
  });
  await addResolution(octx, held.id, 'सभी विधानसभा अध्यक्ष 15 दिन में अपने क्षेत्र के कमजोर बूथों की समितियाँ पूरी करेंगे।');
  await addResolution(octx, held.id, 'हर मंडल में सदस्यता अभियान की साप्ताहिक समीक्षा होगी।');
  await createMeeting(octx, {
    unitId: input.districtId,
    type: 'review',
    title: 'जिला समीक्षा बैठक (अगली)',
    startsAt: at(7),
    venue: 'जिला कार्यालय, मुजफ्फरनगर',
    venueUnitId: input.districtId,
    chairPersonId,
    agenda: ['पिछले प्रस्तावों पर अमल', 'बूथ समितियाँ'],
    status: 'planned',
    invitees,
  });
};
