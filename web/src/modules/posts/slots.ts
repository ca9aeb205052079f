import type { TPostSlot, TTenure, TUnitPosts } from '@samiti/common';
import type { TFunction } from 'i18next';
import { isIsoDate, yearOf, yearSpan } from '../../lib/dates';
import { pickNames } from '../../lib/names';

export type THolder = TPostSlot['holders'][number];

/** One seat of a post: held by someone, or vacant (`index` numbers the vacant seats from 1). */
export type TSeat = { kind: 'held'; key: string; holder: THolder } | { kind: 'vacant'; key: string; index: number };

/** A slot's seats: its holders in the order the server gives them, then one row per vacant seat. */
export const slotSeats = (slot: TPostSlot): TSeat[] => [
  ...slot.holders.map((holder): TSeat => ({ kind: 'held', key: `t${holder.tenureId}`, holder })),
  ...Array.from({ length: Math.max(0, slot.vacant) }, (_, i): TSeat => ({ kind: 'vacant', key: `v${i + 1}`, index: i + 1 })),
];

/** The level whose posts make up a booth committee. */
export const BOOTH_LEVEL = 'booth';

/** What the completeness badge says and how it looks. */
export const committeeSummary = (posts: Pick<TUnitPosts, 'level' | 'filled' | 'total' | 'isComplete'>) => ({
  isBooth: posts.level === BOOTH_LEVEL,
  filled: posts.filled,
  total: posts.total,
  isComplete: posts.isComplete || (posts.total > 0 && posts.filled >= posts.total),
  color: posts.isComplete || (posts.total > 0 && posts.filled >= posts.total) ? 'green' : posts.filled === 0 ? 'red' : 'orange',
});

export type TDateProblem = 'dateInvalid' | 'dateFuture' | 'dateBeforeStart';

/**
 * Problems with a tenure date before sending: it must be a real date, not in the future, and
 * (when ending or replacing) not before the tenure began.
 */
export const tenureDateProblem = (date: string, today: string, notBefore?: string): TDateProblem | null => {
  if (!isIsoDate(date)) return 'dateInvalid';
  if (date > today) return 'dateFuture';
  if (notBefore && isIsoDate(notBefore.slice(0, 10)) && date < notBefore.slice(0, 10)) return 'dateBeforeStart';
  return null;
};

/** "Former President 2019–2024" / "पूर्व अध्यक्ष 2019–2024"; "President since 2021" for a current tenure. */
export const tenureSummary = (tenure: TTenure, lang: string, t: TFunction): string => {
  const post = pickNames({ name: tenure.postName, nameHi: tenure.postNameHi }, lang).primary;
  if (tenure.isCurrent) return t('posts.currentSpan', { post, year: String(yearOf(tenure.startDate) ?? '') });
  return t('posts.formerSpan', { post, span: yearSpan(tenure.startDate, tenure.endDate) });
};

/** Posts held now first, then former ones; within each, the most recent start first. */
export const currentFirst = (tenures: readonly TTenure[]): TTenure[] =>
  [...tenures].sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || b.startDate.localeCompare(a.startDate) || b.id - a.id);
