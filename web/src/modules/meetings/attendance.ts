import type { TMeetingAttendance } from '@samiti/common';

/** Folds the rows a PUT answered with into the list on screen: changed rows in place, new walk-ins at the end. */
export const mergeAttendance = (old: TMeetingAttendance, written: TMeetingAttendance): TMeetingAttendance => {
  const byId = new Map(written.items.map((i) => [i.id, i]));
  const known = new Set(old.items.map((i) => i.id));
  return {
    ...old,
    counts: written.counts,
    canTakeAttendance: written.canTakeAttendance,
    items: [...old.items.map((i) => byId.get(i.id) ?? i), ...written.items.filter((i) => !known.has(i.id))],
  };
};
