import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { createUser } from '../auth/users';
import { seedMeetingsDemo } from './demo';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});

describe('demo meetings', () => {
  it('seed a held review with attendance, minutes and two resolutions, and a planned one after today', async () => {
    const { district } = await h.chain();
    await h.unit({ parentId: district.id, level: 'assembly' });
    const user = await createUser(h.ctx, { username: `mzn-${district.id}`, password: 'demo-password-1', role: 'office-bearer', unitId: district.id });
    await seedMeetingsDemo(h.ctx, { districtId: district.id, organiserUserId: user.id });
    const meetings = await h.db.selectFrom('meeting').select(['id', 'status', 'starts_at', 'organiser_user_id', 'minutes']).where('unit_id', '=', district.id).orderBy('starts_at').execute();
    expect(meetings.map((m) => m.status)).toEqual(['held', 'planned']);
    const [held, planned] = meetings;
    expect(new Date(planned?.starts_at ?? 0).getTime()).toBeGreaterThan(new Date(held?.starts_at ?? 0).getTime());
    expect(held?.organiser_user_id).toBe(user.id);
    expect(held?.minutes).toMatch(/बूथ/);
    const invitees = await h.db.selectFrom('meeting_invitee').select('id').where('meeting_id', '=', held?.id ?? 0).execute();
    expect(invitees).toHaveLength(5);
    const marked = await h.db.selectFrom('meeting_attendance').select('status').where('meeting_id', '=', held?.id ?? 0).execute();
    expect(marked).toHaveLength(5);
    expect(marked.map((m) => m.status)).toContain('excused');
    const resolutions = await h.db.selectFrom('meeting_resolution').select('number').where('meeting_id', '=', held?.id ?? 0).orderBy('number').execute();
    expect(resolutions.map((r) => r.number)).toEqual([1, 2]);
  });
});
