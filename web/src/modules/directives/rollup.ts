import type { TCounts } from '@samiti/common';

/** Percent of items done (declined counts as closed, not done), for the bar of one unit. */
export const donePercent = (c: TCounts): number => (c.total === 0 ? 0 : Math.round((c.done / c.total) * 1000) / 10);

/** Sections of a roll-up bar: done, declined, in progress/acknowledged; the rest is not started. */
export const barSections = (c: TCounts) => {
  const pct = (n: number) => (c.total === 0 ? 0 : (n / c.total) * 100);
  return { done: pct(c.done), declined: pct(c.declined), working: pct(c.acknowledged + c.inProgress) };
};

/** Report numbers typed as key/value rows: empty rows dropped; a bad number names its row. */
export const parseNumbers = (rows: { key: string; value: string }[]): { numbers: Record<string, number> } | { badRow: number } => {
  const numbers: Record<string, number> = {};
  for (const [i, r] of rows.entries()) {
    const key = r.key.trim();
    const value = r.value.trim();
    if (!key && !value) continue;
    const n = Number(value.replace(/,/g, ''));
    if (!key || value === '' || !Number.isFinite(n)) return { badRow: i + 1 };
    numbers[key] = n;
  }
  return { numbers };
};

/** Whether a create answer is the job of a large cascade rather than the directive itself. */
export const isJob = (r: { id: number; status: string }): r is { id: number; status: 'creating' | 'ready' | 'failed'; created: number; total: number; error: string | null } =>
  'created' in r && !('text' in r);
