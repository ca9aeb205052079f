/** One changed field of an audit entry, values as they were recorded. */
export type TFieldChange = { field: string; before: unknown; after: unknown };

/** Bookkeeping fields that change on every write and would drown the real change. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'childCount', 'descendantCount', 'actions', 'depth', 'path', 'requestId']);

/** Fields users care about most come first; the rest follow alphabetically. */
const ORDER = ['name', 'nameHi', 'level', 'parentId', 'parent', 'geo', 'wing', 'deletedAt'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '';

/** Key order must not make two equal objects look different. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return isEmpty(value) ? 'null' : JSON.stringify(value);
};

const byOrder = (a: string, b: string): number => {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? ORDER.length : ia) - (ib === -1 ? ORDER.length : ib);
  return a.localeCompare(b);
};

/**
 * The fields that differ between an audit entry's `before` and `after` snapshots. A creation
 * (no before) lists what was set; a deletion (no after) lists what was there.
 */
export const diffSnapshots = (before: unknown, after: unknown): TFieldChange[] => {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...fields]
    .filter((f) => !IGNORED.has(f))
    .filter((f) => canonical(b[f]) !== canonical(a[f]))
    .sort(byOrder)
    .map((field) => ({ field, before: b[field], after: a[field] }));
};

const MAX_VALUE_LENGTH = 80;

const clip = (text: string): string => (text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text);

/**
 * A recorded value as short text, or null for "no value". Geography and unit references show
 * their name (in the UI language when a Hindi name exists) and code.
 */
export const formatSnapshotValue = (value: unknown, lang: string): string | null => {
  if (isEmpty(value)) return null;
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return clip(value.map((v) => formatSnapshotValue(v, lang) ?? '—').join(', '));
  if (isRecord(value)) {
    const name = lang === 'hi' && typeof value.nameHi === 'string' && value.nameHi ? value.nameHi : value.name;
    const code = value.code ?? value.id;
    if (typeof name === 'string' && (typeof code === 'string' || typeof code === 'number')) return clip(`${name} (${code})`);
    if (typeof name === 'string') return clip(name);
    if (typeof code === 'string' || typeof code === 'number') return String(code);
  }
  return clip(JSON.stringify(value));
};
