/** India has one time zone; tour days and the calendar grid are days there, whatever the device's zone. */
const IST_OFFSET_MS = 330 * 60_000;

/** The day in India (YYYY-MM-DD) of an instant. */
export const indiaDay = (iso: string | Date): string => new Date(new Date(iso).getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);

/** "HH:MM" in India of an instant. */
export const indiaTime = (iso: string): string => new Date(new Date(iso).getTime() + IST_OFFSET_MS).toISOString().slice(11, 16);

/** A day and an "HH:MM" in India as an ISO instant with its offset, as the API takes it. */
export const indiaInstant = (day: string, time: string): string => `${day}T${time}:00+05:30`;

/** "2026-12" → first and last day of that month. */
export const monthRange = (month: string): { from: string; to: string } => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};

/** The month `delta` months after "YYYY-MM". */
export const shiftMonth = (month: string, delta: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
};

/** Whether text is a "YYYY-MM" month. */
export const isMonth = (text: string | null): text is string => text !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/**
 * The weeks of a month grid, Monday first: each week seven cells, each a day of the month or null
 * for the padding before the 1st and after the last day.
 */
export const monthGrid = (month: string): (string | null)[][] => {
  const { from, to } = monthRange(month);
  const first = new Date(`${from}T00:00:00Z`);
  const lead = (first.getUTCDay() + 6) % 7;
  const days = Number(to.slice(8, 10));
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
};

/** Items grouped by their day in India. */
export const byDay = <T extends { startsAt: string }>(items: readonly T[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const day = indiaDay(item.startsAt);
    out.set(day, [...(out.get(day) ?? []), item]);
  }
  return out;
};
