import type { TMeetingAttendance, TMeetingInvitee } from '@samiti/common';
import { describe, expect, it } from 'vitest';
import { mergeAttendance } from './attendance';

const row = (id: number, status: 'present' | 'absent' | null): TMeetingInvitee => ({
  id,
  personId: id * 10,
  name: `P${id}`,
  nameHi: null,
  phone: '+91 98XXX XX210',
  isContactMasked: true,
  source: 'rule',
  post: null,
  current: status ? { status, note: null, recordedAt: '2026-12-01T00:00:00Z', recordedBy: 'a' } : null,
  history: [],
});
const counts = (present: number) => ({ invited: 3, present, absent: 0, excused: 0, walkIns: 0 });

describe('merging an attendance answer', () => {
  it('replaces written rows in place, appends walk-ins, and takes the new counts', () => {
    const old: TMeetingAttendance = { meetingId: 1, items: [row(1, null), row(2, null)], counts: counts(0), canTakeAttendance: true };
    const walkIn = { ...row(3, 'present'), source: 'walk-in' as const };
    const merged = mergeAttendance(old, { meetingId: 1, items: [row(2, 'present'), walkIn], counts: counts(2), canTakeAttendance: true });
    expect(merged.items.map((i) => [i.id, i.current?.status ?? null])).toEqual([
      [1, null],
      [2, 'present'],
      [3, 'present'],
    ]);
    expect(merged.counts.present).toBe(2);
  });
});
