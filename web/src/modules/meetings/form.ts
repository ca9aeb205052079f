import type { TMeetingCreateInput, TMeetingInviteeRule, TMeetingType } from '@samiti/common';

export type TMeetingFormValues = {
  type: TMeetingType;
  title: string;
  date: string;
  time: string;
  venue: string;
  /** One agenda item per line. */
  agenda: string;
  status: 'planned' | 'held';
  includeSelf: boolean;
  rules: TMeetingInviteeRule[];
  personIds: number[];
  chairPersonId: number | null;
};

export type TMeetingField = 'title' | 'startsAt' | 'venue' | 'agenda';
export type TMeetingProblem = 'required' | 'past' | 'future';

export const emptyMeetingForm = (): TMeetingFormValues => ({
  type: 'review',
  title: '',
  date: '',
  time: '11:00',
  venue: '',
  agenda: '',
  status: 'planned',
  includeSelf: true,
  rules: [],
  personIds: [],
  chairPersonId: null,
});

/** Meetings are planned in India time whatever the browser's zone (IST has no daylight saving). */
export const toStartsAt = (date: string, time: string) => `${date}T${time}:00+05:30`;

/** The India date and time of an instant, for editing it in date and time inputs. */
export const fromStartsAt = (iso: string): { date: string; time: string } => {
  const shifted = new Date(new Date(iso).getTime() + 330 * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
};

export const agendaLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** What the form can tell before asking the server (which still decides). */
export const validateMeetingForm = (v: TMeetingFormValues, now = Date.now()): Partial<Record<TMeetingField, TMeetingProblem>> => {
  const problems: Partial<Record<TMeetingField, TMeetingProblem>> = {};
  if (!v.title.trim()) problems.title = 'required';
  if (!v.date || !/^\d{2}:\d{2}$/.test(v.time)) problems.startsAt = 'required';
  else {
    const at = new Date(toStartsAt(v.date, v.time)).getTime();
    if (v.status === 'planned' && at <= now) problems.startsAt = 'past';
    if (v.status === 'held' && at > now + 86_400_000) problems.startsAt = 'future';
  }
  return problems;
};

export const toMeetingBody = (unitId: number, v: TMeetingFormValues): TMeetingCreateInput => ({
  unitId,
  type: v.type,
  title: v.title.trim(),
  startsAt: toStartsAt(v.date, v.time),
  venue: v.venue.trim() || null,
  agenda: agendaLines(v.agenda),
  chairPersonId: v.chairPersonId,
  status: v.status,
  invitees: { includeSelf: v.includeSelf, rules: v.rules.filter((r) => r.levels.length > 0 || r.posts.length > 0), personIds: v.personIds },
});
