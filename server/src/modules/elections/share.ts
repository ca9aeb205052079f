/** Percent with two decimals, as ECI prints it; null when there was no poll. */
export const pct = (votes: number, total: number) => (total > 0 ? Math.round((votes / total) * 10_000) / 100 : null);
export const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 100) / 100);
