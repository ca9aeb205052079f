/**
 * How many of a row's items, in order, fit in `available` pixels with `gap` between them: all of
 * them if they fit, else as many as fit beside a "More" control of `moreWidth` that holds the rest.
 */
export const fitCount = (widths: number[], moreWidth: number, available: number, gap: number): number => {
  const total = widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(widths.length - 1, 0);
  if (total <= available) return widths.length;
  let used = moreWidth;
  let count = 0;
  for (const w of widths) {
    if (used + gap + w > available) break;
    used += gap + w;
    count += 1;
  }
  return count;
};
