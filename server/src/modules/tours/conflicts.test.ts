import { describe, expect, it } from 'vitest';
import { findConflicts, neededMinutes, type TOtherStop } from './conflicts';

const at = (hhmm: string) => new Date(`2026-12-05T${hhmm}:00+05:30`);
const other = (id: number, unitId: number, from: string, to: string): TOtherStop => ({
  id,
  tourId: 1,
  tourTitle: 'Tour',
  unitId,
  unitName: `Unit ${unitId}`,
  unitNameHi: null,
  startsAt: at(from),
  endsAt: at(to),
});
// Units 1 and 2 are 100 km apart; unit 3 has no known location.
const distance = (a: number, b: number) => (a === 3 || b === 3 ? null : 100);

describe('stop conflicts', () => {
  it('needs the margin plus road time at 50 km/h; nothing at the same unit', () => {
    expect(neededMinutes(false, 100)).toBe(150);
    expect(neededMinutes(false, null)).toBe(30);
    expect(neededMinutes(true, 0)).toBe(0);
  });

  it('finds overlaps and gaps too short for the road, and nothing else', () => {
    const stop = { id: null, unitId: 1, startsAt: at('12:00'), endsAt: at('13:00') };
    const found = findConflicts(
      stop,
      [
        other(10, 2, '11:00', '12:30'),
        other(11, 2, '14:00', '15:00'),
        other(12, 2, '16:00', '17:00'),
        other(13, 1, '13:00', '14:00'),
        other(14, 3, '13:15', '13:45'),
      ],
      distance,
    );
    expect(found.map((c) => [c.stopId, c.kind, c.gapMinutes, c.neededMinutes, c.distanceKm])).toEqual([
      [10, 'overlap', 0, 150, 100],
      [11, 'travel', 60, 150, 100],
      [14, 'travel', 15, 30, null],
    ]);
  });

  it('ignores the stop itself when it is moved', () => {
    expect(
      findConflicts({ id: 10, unitId: 1, startsAt: at('12:00'), endsAt: at('13:00') }, [other(10, 1, '12:00', '13:00')], distance),
    ).toEqual([]);
  });
});
