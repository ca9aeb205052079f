import { describe, expect, it } from 'vitest';
import { canMergePair, canUndoMerge, defaultKeep, formatScore, mergeIds, scoreColor } from './merge';

const actions = (canEdit: boolean, canRestore = false) => ({ canEdit, canRestore });
const person = (id: number, name: string | null, nameHi: string | null, canEdit = true) => ({
  id,
  name,
  nameHi,
  actions: actions(canEdit),
});

describe('mergeIds', () => {
  it('retires the record not kept into the one kept', () => {
    const pair = { a: { id: 3 }, b: { id: 7 } };
    expect(mergeIds(pair, 'a')).toEqual({ sourceId: 7, intoId: 3 });
    expect(mergeIds(pair, 'b')).toEqual({ sourceId: 3, intoId: 7 });
  });
});

describe('defaultKeep', () => {
  it('prefers the record with names in both scripts', () => {
    expect(defaultKeep({ a: person(1, 'Mehtab', null), b: person(2, 'Mahtab', 'महताब') })).toBe('b');
    expect(defaultKeep({ a: person(9, 'Mehtab', 'मेहताब'), b: person(2, null, 'महताब') })).toBe('a');
  });
  it('otherwise keeps the older record', () => {
    expect(defaultKeep({ a: person(5, 'Mehtab', null), b: person(2, 'Mahtab', null) })).toBe('b');
    expect(defaultKeep({ a: person(1, 'A', 'ए'), b: person(2, 'B', 'बी') })).toBe('a');
  });
});

describe('canMergePair', () => {
  it('needs edit rights on both records', () => {
    expect(canMergePair({ a: person(1, 'A', null), b: person(2, 'B', null) })).toBe(true);
    expect(canMergePair({ a: person(1, 'A', null), b: person(2, 'B', null, false) })).toBe(false);
    expect(canMergePair({ a: person(1, 'A', null, false), b: person(2, 'B', null) })).toBe(false);
    expect(canMergePair({ a: person(1, 'A', null), b: person(1, 'A', null) })).toBe(false);
  });
});

describe('canUndoMerge', () => {
  it('only for a merged record the server lets this user restore or edit', () => {
    expect(canUndoMerge({ mergedInto: 4, actions: actions(false, true) })).toBe(true);
    expect(canUndoMerge({ mergedInto: 4, actions: actions(true) })).toBe(true);
    expect(canUndoMerge({ mergedInto: 4, actions: actions(false) })).toBe(false);
    expect(canUndoMerge({ mergedInto: null, actions: actions(true, true) })).toBe(false);
    expect(canUndoMerge({ actions: actions(true, true) })).toBe(false);
  });
});

describe('formatScore', () => {
  it('shows a whole percentage, clamped to 0–100', () => {
    expect(formatScore(0.873, 'en')).toBe('87%');
    expect(formatScore(1, 'hi')).toBe('100%');
    expect(formatScore(1.4, 'en')).toBe('100%');
    expect(formatScore(-0.2, 'en')).toBe('0%');
    expect(formatScore(Number.NaN, 'en')).toBe('0%');
  });
});

describe('scoreColor', () => {
  it('warms with the score', () => {
    expect(scoreColor(0.95)).toBe('red');
    expect(scoreColor(0.8)).toBe('orange');
    expect(scoreColor(0.6)).toBe('yellow');
  });
});
