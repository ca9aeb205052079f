import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldLine, icsTime } from './ics';

describe('iCalendar text', () => {
  it('escapes TEXT values and writes UTC times', () => {
    expect(escapeIcsText('Rally; Kairana, then\nreview \\ notes')).toBe('Rally\\; Kairana\\, then\\nreview \\\\ notes');
    expect(icsTime(new Date('2026-12-05T10:00:00+05:30'))).toBe('20261205T043000Z');
  });

  it('folds at 75 octets without splitting a Devanagari character', () => {
    const line = `SUMMARY:${'मुज़फ़्फ़रनगर जिला समीक्षा बैठक '.repeat(4)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const p of physical) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('builds a calendar with CRLF line ends and one event per stop', () => {
    const ics = buildIcs('Pravas', [
      {
        uid: 'a1',
        startsAt: new Date('2026-12-05T04:30:00Z'),
        endsAt: new Date('2026-12-05T06:00:00Z'),
        stamp: new Date('2026-12-01T00:00:00Z'),
        summary: 'Rally: Kairana',
        location: 'Kairana',
      },
      {
        uid: 'b2',
        startsAt: new Date('2026-12-06T04:30:00Z'),
        endsAt: new Date('2026-12-06T06:00:00Z'),
        stamp: new Date('2026-12-01T00:00:00Z'),
        summary: 'Review',
        isCancelled: true,
      },
    ]);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('UID:a1@samiti\r\n');
    expect(ics).toContain('DTSTART:20261205T043000Z\r\n');
    expect(ics).toContain('STATUS:CANCELLED\r\n');
  });
});
