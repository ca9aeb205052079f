import type { TCtx } from '../../context';
import { invite, recordAttendance, recordRsvp } from './attendance';
import { createCourse, createSession } from './operations';
import { listInvitees } from './queries';

const DAY_MS = 86_400_000;
/** A day relative to today at a time in India, as the API takes it. */
const indiaAt = (days: number, hhmm: string) =>
  `${new Date(Date.now() + 330 * 60_000 + days * DAY_MS).toISOString().slice(0, 10)}T${hhmm}:00+05:30`;

/**
 * A demo course of the Muzaffarnagar district: two sessions for its presidents (district and
 * assembly), the first held last week with RSVPs and attendance, the second online next week.
 */
export const seedTrainingDemo = async (ctx: TCtx, input: { districtId: number }) => {
  const course = await createCourse(ctx, {
    unitId: input.districtId,
    name: 'Booth management',
    nameHi: 'बूथ प्रबंधन प्रशिक्षण',
    description: 'Booth committees, voter lists and polling-day work, in two sessions.',
    requiredSessions: 2,
  });
  const held = await createSession(ctx, course.id, {
    mode: 'offline',
    venue: 'ज़िला कार्यालय, मुज़फ़्फ़रनगर',
    startsAt: indiaAt(-6, '11:00'),
    durationMinutes: 180,
    capacity: 40,
  });
  const next = await createSession(ctx, course.id, {
    mode: 'online',
    link: 'https://meet.example.org/booth-management-2',
    startsAt: indiaAt(5, '18:00'),
    durationMinutes: 90,
    capacity: 40,
  });
  for (const s of [held, next]) await invite(ctx, s.id, { kind: 'posts', levels: [], posts: ['president'], includeSelf: true });
  const invitees = (await listInvitees(ctx, held.id, { limit: 100 })).items;
  for (const [i, p] of invitees.entries())
    await recordRsvp(ctx, held.id, { personId: p.personId, response: i === invitees.length - 1 ? 'no' : 'yes' });
  await recordAttendance(ctx, held.id, {
    marks: invitees.map((p, i) => ({ personId: p.personId, status: i < invitees.length - 1 ? 'present' : 'absent' })),
  });
};
