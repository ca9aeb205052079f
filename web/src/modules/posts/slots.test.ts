import type { TPostSlot, TTenure } from '@samiti/common';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { committeeSummary, currentFirst, slotSeats, tenureDateProblem, tenureSummary } from './slots';

const holder = (tenureId: number) => ({
  tenureId,
  personId: tenureId * 10,
  name: 'A',
  nameHi: null,
  startDate: '2024-01-01',
  isFromOutside: false,
});

describe('slotSeats', () => {
  it('lists holders first, then each vacant seat', () => {
    const slot: TPostSlot = {
      post: 'member',
      name: 'Member',
      nameHi: 'सदस्य',
      seats: 4,
      minSeats: 4,
      vacant: 2,
      holders: [holder(1), holder(2)],
    };
    expect(slotSeats(slot).map((s) => s.key)).toEqual(['t1', 't2', 'v1', 'v2']);
  });
  it('handles a fully vacant and a full slot', () => {
    expect(slotSeats({ post: 'president', name: 'President', nameHi: 'अध्यक्ष', seats: 1, minSeats: 1, vacant: 1, holders: [] })).toEqual([
      { kind: 'vacant', key: 'v1', index: 1 },
    ]);
    expect(
      slotSeats({ post: 'president', name: 'President', nameHi: 'अध्यक्ष', seats: 1, minSeats: 1, vacant: 0, holders: [holder(3)] }),
    ).toHaveLength(1);
  });
});

describe('committeeSummary', () => {
  it('marks booth committees and colours by completeness', () => {
    expect(committeeSummary({ level: 'booth', filled: 4, total: 10, isComplete: false })).toMatchObject({ isBooth: true, color: 'orange' });
    expect(committeeSummary({ level: 'booth', filled: 10, total: 10, isComplete: true })).toMatchObject({
      isComplete: true,
      color: 'green',
    });
    expect(committeeSummary({ level: 'district', filled: 0, total: 8, isComplete: false })).toMatchObject({ isBooth: false, color: 'red' });
  });
});

describe('tenureDateProblem', () => {
  it('refuses impossible, future and too-early dates', () => {
    expect(tenureDateProblem('2025-06-15', '2025-06-15')).toBeNull();
    expect(tenureDateProblem('2025-06-16', '2025-06-15')).toBe('dateFuture');
    expect(tenureDateProblem('15/06/2025', '2025-06-15')).toBe('dateInvalid');
    expect(tenureDateProblem('2024-01-01', '2025-06-15', '2024-03-01')).toBe('dateBeforeStart');
    expect(tenureDateProblem('2024-03-01', '2025-06-15', '2024-03-01')).toBeNull();
  });
});

describe('tenureSummary', () => {
  const t = ((key: string, o: Record<string, string>) => `${key}|${Object.values(o).join('|')}`) as unknown as TFunction;
  const tenure: TTenure = {
    id: 1,
    unitId: 2,
    unitName: 'Rampur',
    unitNameHi: 'रामपुर',
    unitLevel: 'district',
    post: 'president',
    postName: 'President',
    postNameHi: 'अध्यक्ष',
    personId: 3,
    personName: 'Ajay',
    personNameHi: 'अजय',
    startDate: '2019-04-01',
    endDate: '2024-03-31',
    endReason: 'term-ended',
    isFromOutside: false,
    isCurrent: false,
  };
  it('sorts current tenures first, then newest', () => {
    const a = { ...tenure, id: 1, startDate: '2015-01-01' };
    const b = { ...tenure, id: 2, startDate: '2019-01-01' };
    const c = { ...tenure, id: 3, startDate: '2010-01-01', endDate: null, isCurrent: true };
    expect(currentFirst([a, b, c]).map((x) => x.id)).toEqual([3, 2, 1]);
  });
  it('words a former and a current tenure in the UI language', () => {
    expect(tenureSummary(tenure, 'hi', t)).toBe('posts.formerSpan|अध्यक्ष|2019–2024');
    expect(tenureSummary({ ...tenure, endDate: null, endReason: null, isCurrent: true }, 'en', t)).toBe('posts.currentSpan|President|2019');
  });
});
