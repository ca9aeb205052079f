/** Today on this device's calendar as YYYY-MM-DD (the default for appointment, end and consent dates). */
export const todayIso = (now: Date = new Date()): string => {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
};

/** Whether text is a real calendar date written YYYY-MM-DD (2024-02-30 is not). */
export const isIsoDate = (text: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** The year of a YYYY-MM-DD date or ISO timestamp, or null. */
export const yearOf = (text: string | null): number | null => {
  const match = text ? /^(\d{4})-/.exec(text) : null;
  return match ? Number(match[1]) : null;
};

/** "2019–2024" for a past tenure, "2019–" for one still running, one year when it began and ended in the same year. */
export const yearSpan = (start: string, end: string | null): string => {
  const from = yearOf(start);
  const to = yearOf(end);
  if (from === null) return '';
  if (end === null) return `${from}–`;
  if (to === null || to === from) return String(from);
  return `${from}–${to}`;
};
