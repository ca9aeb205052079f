/** One unit's counts in a drive, as the progress endpoint gives them. */
export type TProgressCounts = { enrolled: number; verified: number; rejected: number; target: number | null };

/** Verified members as a whole percentage of the target; null when no (or a zero) target is set. May exceed 100. */
export const verifiedPercent = (row: TProgressCounts): number | null =>
  row.target !== null && row.target > 0 ? Math.floor((row.verified * 100) / row.target) : null;

/**
 * The two sections of a progress bar, in percent of its width: verified members and those still
 * pending. The bar's full width is the target, or the number enrolled when that is larger (or
 * when there is no target), so the sections never overflow.
 */
export const progressSections = (row: TProgressCounts): { verified: number; pending: number } => {
  const pending = Math.max(0, row.enrolled - row.verified);
  const scale = Math.max(row.target ?? 0, row.enrolled, 1);
  const pct = (n: number) => Math.round((n * 1000) / scale) / 10;
  return { verified: pct(row.verified), pending: pct(pending) };
};

/** A colour for how far a unit has come: red under a third of its target, orange under two thirds, green beyond. */
export const progressColor = (percent: number | null): 'gray' | 'red' | 'orange' | 'green' => {
  if (percent === null) return 'gray';
  if (percent < 34) return 'red';
  if (percent < 67) return 'orange';
  return 'green';
};

export const CHILD_SORTS = ['tree', 'weakest', 'strongest'] as const;
export type TChildSort = (typeof CHILD_SORTS)[number];
export const isChildSort = (v: unknown): v is TChildSort => (CHILD_SORTS as readonly unknown[]).includes(v);

/**
 * Sub-units in tree order, weakest first (lowest verified % of target) or strongest first. Units
 * with no target come last either way, fewest verified first among them when weakest; ties keep tree order.
 */
export const sortChildren = <T extends TProgressCounts>(rows: readonly T[], mode: TChildSort): T[] => {
  if (mode === 'tree') return [...rows];
  const sign = mode === 'weakest' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, pct: row.target !== null && row.target > 0 ? row.verified / row.target : null }))
    .sort((a, b) => {
      if (a.pct === null && b.pct === null) return sign * (a.row.verified - b.row.verified) || a.index - b.index;
      if (a.pct === null) return 1;
      if (b.pct === null) return -1;
      return sign * (a.pct - b.pct) || a.index - b.index;
    })
    .map((x) => x.row);
};

/**
 * Where the drive's breadcrumbs start in the chain root…current unit (ids, top first): at the
 * drive's unit, or lower, at the first unit the user has a grant over when the drive's unit is
 * above their area (a district worker in a national drive starts at their district). National
 * admins see from the drive's unit. With no grant on the chain: the current unit alone.
 */
export const crumbStart = (
  chainIds: readonly number[],
  driveUnitId: number,
  grantUnitIds: readonly number[],
  isNationalAdmin: boolean,
): number => {
  const driveIdx = Math.max(0, chainIds.indexOf(driveUnitId));
  if (isNationalAdmin) return driveIdx;
  const granted = chainIds.findIndex((id) => grantUnitIds.includes(id));
  if (granted === -1) return chainIds.length - 1;
  return Math.max(granted, driveIdx);
};
