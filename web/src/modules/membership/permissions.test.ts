import type { TGrant } from '@samiti/common';
import { describe, expect, it } from 'vitest';
import { canCreateDrive, canReadOutbox, grantUnitIds, isNationalAdmin } from './permissions';

const grant = (role: TGrant['role'], unitId: number | null): TGrant => ({
  id: 1,
  role,
  unitId,
  unitName: null,
  unitNameHi: null,
  wing: null,
});

describe('drive permissions', () => {
  it('lets admins and national admins start drives and read the SMS outbox', () => {
    for (const can of [canCreateDrive, canReadOutbox]) {
      expect(can([grant('admin', 5)])).toBe(true);
      expect(can([grant('national-admin', null)])).toBe(true);
      expect(can([grant('data-entry', 5), grant('viewer', 1)])).toBe(false);
      expect(can([])).toBe(false);
    }
  });
  it('reads grants', () => {
    expect(isNationalAdmin([grant('admin', 1)])).toBe(false);
    expect(isNationalAdmin([grant('national-admin', null)])).toBe(true);
    expect(grantUnitIds([grant('admin', 4), grant('national-admin', null), grant('viewer', 9)])).toEqual([4, 9]);
  });
});
