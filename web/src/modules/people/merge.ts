import { intlTag } from '../../lib/locale';

type TMergeable = { id: number; name: string | null; nameHi: string | null; actions: { canEdit: boolean; canRestore: boolean } };
type TPair<P> = { a: P; b: P };

/** Which of a pair's two records the user keeps. */
export type TKeep = 'a' | 'b';

/** The record retired (`sourceId`, merged away) and the record kept (`intoId`). */
export const mergeIds = (pair: TPair<{ id: number }>, keep: TKeep): { sourceId: number; intoId: number } =>
  keep === 'a' ? { sourceId: pair.b.id, intoId: pair.a.id } : { sourceId: pair.a.id, intoId: pair.b.id };

/** Suggested record to keep: the one with names in both scripts, else the older (lower id). */
export const defaultKeep = (pair: TPair<Pick<TMergeable, 'id' | 'name' | 'nameHi'>>): TKeep => {
  const full = (p: Pick<TMergeable, 'name' | 'nameHi'>) => Boolean(p.name?.trim() && p.nameHi?.trim());
  if (full(pair.a) !== full(pair.b)) return full(pair.a) ? 'a' : 'b';
  return pair.a.id <= pair.b.id ? 'a' : 'b';
};

/** Offer "Merge" only when the server lets this user edit both records. */
export const canMergePair = (pair: TPair<Pick<TMergeable, 'id' | 'actions'>>): boolean =>
  pair.a.id !== pair.b.id && pair.a.actions.canEdit && pair.b.actions.canEdit;

/** Offer "Undo merge" on a retired record when the server allows restoring or editing it. */
export const canUndoMerge = (person: { mergedInto?: number | null; actions: TMergeable['actions'] }): boolean =>
  person.mergedInto != null && (person.actions.canRestore || person.actions.canEdit);

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A similarity score (0–1) as a whole percentage in the UI language: 0.873 → "87%". */
export const formatScore = (score: number, lang: string): string => {
  const tag = intlTag(lang);
  let format = percentFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(tag, format);
  }
  const clamped = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  return format.format(clamped);
};

/** Badge colour for a score: the closer the match, the warmer. */
export const scoreColor = (score: number): 'red' | 'orange' | 'yellow' => (score >= 0.9 ? 'red' : score >= 0.75 ? 'orange' : 'yellow');
