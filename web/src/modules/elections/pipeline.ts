import { ASPIRANT_STAGES, type TAspirantStage } from '@samiti/common';

const order = (s: TAspirantStage) => ASPIRANT_STAGES.indexOf(s);

/** Mirrors the server's rule: backwards, out of the pipeline or away from a final candidate needs a reason. */
export const moveNeedsReason = (from: TAspirantStage, to: TAspirantStage) =>
  to === 'not-selected' || from === 'not-selected' || from === 'candidate' || order(to) < order(from);

/** The stages an aspirant can be moved to from `from`: the next one first, then the rest. */
export const moveTargets = (from: TAspirantStage): TAspirantStage[] => {
  const next = ASPIRANT_STAGES.find((s) => order(s) === order(from) + 1 && s !== 'not-selected');
  const rest = ASPIRANT_STAGES.filter((s) => s !== from && s !== next);
  return next && from !== 'candidate' ? [next, ...rest] : rest;
};

/** A percentage as ECI prints it ("40.96%"), or a dash. */
export const formatShare = (v: number | null | undefined, lang: string) =>
  v === null || v === undefined
    ? '–'
    : `${v.toLocaleString(lang === 'hi' ? 'hi-IN' : 'en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

/** A swing in percentage points with its sign ("+2.50", "−3.10"), or a dash. */
export const formatSwing = (v: number | null | undefined, lang: string) => {
  if (v === null || v === undefined) return '–';
  const abs = Math.abs(v).toLocaleString(lang === 'hi' ? 'hi-IN' : 'en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v > 0 ? `+${abs}` : v < 0 ? `−${abs}` : abs;
};
