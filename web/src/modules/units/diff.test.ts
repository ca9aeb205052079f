import { describe, expect, it } from 'vitest';
import { diffSnapshots, formatSnapshotValue } from './diff';

describe('diffSnapshots', () => {
  it('lists only the fields that changed, ignoring bookkeeping', () => {
    const before = { id: 7, name: 'Rampur', nameHi: null, updatedAt: '2024-01-01', geo: null };
    const after = { id: 7, name: 'Rampur', nameHi: 'रामपुर', updatedAt: '2024-02-01', geo: { code: 'S24-AC-12', name: 'X' } };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'nameHi', before: null, after: 'रामपुर' },
      { field: 'geo', before: null, after: { code: 'S24-AC-12', name: 'X' } },
    ]);
  });

  it('treats a creation as every field set', () => {
    expect(diffSnapshots(null, { level: 'booth', name: 'Booth 1', createdAt: 'x' }).map((c) => c.field)).toEqual(['name', 'level']);
  });

  it('does not report equal objects written in a different key order, nor null vs missing', () => {
    expect(diffSnapshots({ geo: { a: 1, b: 2 }, nameHi: null }, { geo: { b: 2, a: 1 } })).toEqual([]);
  });

  it('orders name first, then level, parent, geography, then others alphabetically', () => {
    const changes = diffSnapshots({}, { zeta: 1, geo: 'S24', alpha: 1, parentId: 3, name: 'n' });
    expect(changes.map((c) => c.field)).toEqual(['name', 'parentId', 'geo', 'alpha', 'zeta']);
  });

  it('copes with non-object snapshots', () => {
    expect(diffSnapshots('x', 3)).toEqual([]);
  });
});

describe('formatSnapshotValue', () => {
  it('renders empties as null and scalars as text', () => {
    expect(formatSnapshotValue(null, 'en')).toBeNull();
    expect(formatSnapshotValue('', 'en')).toBeNull();
    expect(formatSnapshotValue(12, 'en')).toBe('12');
    expect(formatSnapshotValue(false, 'en')).toBe('false');
  });

  it('renders references by name and code, in Hindi when asked', () => {
    const geo = { code: 'S24-AC-12', name: 'Muzaffarnagar', nameHi: 'मुजफ्फरनगर' };
    expect(formatSnapshotValue(geo, 'en')).toBe('Muzaffarnagar (S24-AC-12)');
    expect(formatSnapshotValue(geo, 'hi')).toBe('मुजफ्फरनगर (S24-AC-12)');
    expect(formatSnapshotValue({ id: 5, name: 'UP' }, 'en')).toBe('UP (5)');
  });

  it('clips long values', () => {
    const text = formatSnapshotValue('x'.repeat(200), 'en') ?? '';
    expect(text.length).toBe(80);
    expect(text.endsWith('…')).toBe(true);
  });
});
