import { describe, expect, it } from 'vitest';
import { agendaLines, emptyMeetingForm, fromStartsAt, toMeetingBody, toStartsAt, validateMeetingForm } from './form';

const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('meeting form', () => {
  it('reads date and time as India time, both ways', () => {
    expect(toStartsAt('2026-12-08', '11:00')).toBe('2026-12-08T11:00:00+05:30');
    expect(fromStartsAt('2026-12-08T05:30:00.000Z')).toEqual({ date: '2026-12-08', time: '11:00' });
  });

  it('requires a title and a time; a planned meeting must be ahead, a held one not days ahead', () => {
    const v = { ...emptyMeetingForm(), title: ' ', date: '' };
    expect(validateMeetingForm(v, NOW)).toEqual({ title: 'required', startsAt: 'required' });
    expect(validateMeetingForm({ ...v, title: 'Review', date: '2026-11-30' }, NOW)).toEqual({ startsAt: 'past' });
    expect(validateMeetingForm({ ...v, title: 'Review', date: '2026-11-30', status: 'held' }, NOW)).toEqual({});
    expect(validateMeetingForm({ ...v, title: 'Review', date: '2026-12-20', status: 'held' }, NOW)).toEqual({ startsAt: 'future' });
  });

  it('sends agenda lines in order and drops empty invitee rules', () => {
    expect(agendaLines(' Booth committees \n\n Membership ')).toEqual(['Booth committees', 'Membership']);
    const body = toMeetingBody(7, {
      ...emptyMeetingForm(),
      title: 'जिला समीक्षा',
      date: '2026-12-08',
      venue: ' ',
      rules: [{ levels: ['assembly'], posts: ['president'] }, { levels: [], posts: [] }],
      personIds: [3],
    });
    expect(body).toMatchObject({ unitId: 7, title: 'जिला समीक्षा', venue: null, agenda: [], invitees: { includeSelf: true, rules: [{ levels: ['assembly'] }], personIds: [3] } });
  });
});
