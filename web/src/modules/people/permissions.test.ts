import type { TGrant } from '@samiti/common';
import { describe, expect, it } from 'vitest';
import { canAddPeopleAt } from './permissions';

const grant = (role: TGrant['role'], unitId: number | null): TGrant => ({
  id: 1,
  role,
  unitId,
  unitName: null,
  unitNameHi: null,
  wing: null,
});

describe('canAddPeopleAt', () => {
  it('allows data-entry and above over the unit or an ancestor', () => {
    expect(canAddPeopleAt([grant('data-entry', 5)], 5, [1, 2])).toBe(true);
    expect(canAddPeopleAt([grant('admin', 2)], 5, [1, 2])).toBe(true);
    expect(canAddPeopleAt([grant('national-admin', null)], 5, [])).toBe(true);
  });
  it('refuses viewers, office bearers and grants elsewhere', () => {
    expect(canAddPeopleAt([grant('viewer', 1)], 5, [1])).toBe(false);
    expect(canAddPeopleAt([grant('office-bearer', 5)], 5, [])).toBe(false);
    expect(canAddPeopleAt([grant('admin', 9)], 5, [1, 2])).toBe(false);
    expect(canAddPeopleAt([], 5, [1])).toBe(false);
  });
});
