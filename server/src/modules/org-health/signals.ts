import { HEALTH_THRESHOLD_RULES, type THealthSignal, type THealthSignalKey, type TLocale, type TUnitHealthRow } from '@samiti/common';
import { type TMessageKey, type TParams, t } from '../../i18n/messages';
import { daysBetween, type TUnitFacts } from './facts';
import { type TThresholds, thresholdFor } from './thresholds';

const pct = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

type TEval = { locale: TLocale; today: string; thresholds: TThresholds; children?: { ok: number; total: number } };

/** Booths in the facts' subtree and those whose committee has at least `min` members. */
export const boothCounts = (f: Pick<TUnitFacts, 'booths'>, min: number) => ({
  total: f.booths.reduce((s, b) => s + b.booths, 0),
  ok: f.booths.filter((b) => b.filled >= min).reduce((s, b) => s + b.booths, 0),
});

/**
 * The signals of one unit from its facts. A signal whose source has no data is "no-data" and never
 * makes the unit weak; a weak signal's reason says why in the caller's language.
 */
export const evaluate = (f: TUnitFacts, e: TEval): TUnitHealthRow => {
  const signals: THealthSignal[] = [];
  const th = (key: THealthSignalKey, level = f.level) => thresholdFor(e.thresholds, level, f.wing, key);
  const add = (
    key: THealthSignalKey,
    value: number | null,
    detail: Record<string, number | null>,
    reason: [TMessageKey, TParams],
    threshold = th(key),
  ) => {
    const rule = HEALTH_THRESHOLD_RULES[key];
    const state = value === null ? 'no-data' : (rule.kind === 'min' ? value >= threshold : value <= threshold) ? 'ok' : 'weak';
    signals.push({ key, state, value, unit: rule.unit, threshold, detail, reason: t(e.locale, reason[0], reason[1]) });
  };
  const committeeMin = th('boothCommittee', 'booth');
  if (f.level === 'booth') {
    add('boothCommittee', f.filled, { filled: f.filled, total: f.seats }, ['HEALTH_COMMITTEE', { filled: f.filled, total: f.seats }]);
  } else if (f.seats > 0) {
    add('postsFilled', pct(f.filled, f.seats), { filled: f.filled, total: f.seats }, [
      'HEALTH_POSTS',
      { filled: f.filled, total: f.seats },
    ]);
  }
  if (f.level !== 'booth') {
    const b = boothCounts(f, committeeMin);
    const value = b.total === 0 ? null : pct(b.ok, b.total);
    add('boothsCovered', value, b, ['HEALTH_BOOTHS', { ok: b.ok, total: b.total, value: value ?? 0 }]);
  }
  if (e.children && e.children.total > 0) {
    const value = pct(e.children.ok, e.children.total);
    add('childrenOk', value, e.children, ['HEALTH_CHILDREN', { ...e.children, value }]);
  }
  const days = f.lastHeld === null ? null : daysBetween(f.lastHeld, e.today);
  // A unit that has never met is weak, not "no data": meetings are recorded by this system.
  if (days === null) {
    signals.push({
      key: 'lastMeeting',
      state: 'weak',
      value: null,
      unit: 'days',
      threshold: th('lastMeeting'),
      detail: { days: null },
      reason: t(e.locale, 'HEALTH_NO_MEETING_EVER'),
    });
  } else {
    add('lastMeeting', days, { days }, ['HEALTH_LAST_MEETING', { days }]);
  }
  const attendance = f.expected90 === 0 ? null : pct(f.present90, f.expected90);
  add(
    'attendance',
    attendance,
    { expected: f.expected90, present: f.present90 },
    attendance === null ? ['HEALTH_NO_ATTENDANCE', {}] : ['HEALTH_ATTENDANCE', { value: attendance, expected: f.expected90 }],
  );
  const due = f.onTime + f.late + f.overdue;
  const onTime = due === 0 ? null : pct(f.onTime, due);
  add(
    'directivesOnTime',
    onTime,
    { onTime: f.onTime, late: f.late, overdue: f.overdue },
    due === 0 ? ['HEALTH_NO_DIRECTIVES', {}] : ['HEALTH_ON_TIME', { onTime: f.onTime, due }],
  );
  add('directivesOverdue', due === 0 ? null : f.overdue, { overdue: f.overdue }, ['HEALTH_OVERDUE', { count: f.overdue }]);
  const mem = f.membership;
  const memValue = mem ? pct(mem.verified, mem.target) : null;
  add('membership', memValue, mem ?? {}, mem ? ['HEALTH_MEMBERSHIP', mem] : ['HEALTH_NO_DRIVE', {}]);
  const trained = f.holders === 0 ? null : pct(f.trained, f.holders);
  add(
    'trained',
    trained,
    { trained: f.trained, holders: f.holders },
    f.holders === 0 ? ['HEALTH_NO_HOLDERS', {}] : ['HEALTH_TRAINED', { trained: f.trained, holders: f.holders }],
  );
  const programmes = f.programmesDue === 0 ? null : pct(f.programmesDone, f.programmesDue);
  add(
    'programmes',
    programmes,
    { due: f.programmesDue, done: f.programmesDone },
    programmes === null ? ['HEALTH_NO_PROGRAMMES', {}] : ['HEALTH_PROGRAMMES', { done: f.programmesDone, due: f.programmesDue }],
  );
  const el = f.election;
  const elName = el ? (e.locale === 'hi' && el.nameHi ? el.nameHi : el.name) : '';
  add(
    'election',
    el?.share ?? null,
    { share: el?.share ?? null, swing: el?.swing ?? null },
    !el
      ? ['HEALTH_NO_ELECTION', {}]
      : el.swing === null
        ? ['HEALTH_ELECTION_NO_SWING', { value: el.share, election: elName }]
        : ['HEALTH_ELECTION', { value: el.share, swing: el.swing > 0 ? `+${el.swing}` : String(el.swing), election: elName }],
  );
  const weak = signals.filter((s) => s.state === 'weak');
  return {
    unit: { id: f.id, parentId: f.parentId, name: f.name, nameHi: f.nameHi, level: f.level, childCount: f.childCount, geoCode: f.geoCode },
    isWeak: weak.length > 0,
    reasons: weak.map((s) => s.reason),
    signals,
  };
};
