import type { TLevel } from '@samiti/common';

/** The levels a child of a unit at `levelKey` may have: every level ranked below it, top first. */
export const levelsBelow = (levels: readonly TLevel[], levelKey: string): TLevel[] => {
  const current = levels.find((l) => l.key === levelKey);
  if (!current) return [];
  return levels.filter((l) => l.rank > current.rank).sort((a, b) => a.rank - b.rank);
};

/** A level's name in the UI language; the raw key when the level is unknown. */
export const levelLabel = (levels: readonly TLevel[] | undefined, key: string, lang: string): string => {
  const level = levels?.find((l) => l.key === key);
  if (!level) return key;
  return lang === 'hi' && level.nameHi ? level.nameHi : level.name;
};

export const levelRank = (levels: readonly TLevel[] | undefined, key: string): number | null =>
  levels?.find((l) => l.key === key)?.rank ?? null;
