import type { TUnitSearchHit } from '@samiti/common';
import { describe, expect, it } from 'vitest';
import { canBeNewParent } from './move';

const levels = [
  { key: 'state', rank: 20, name: 'State', nameHi: 'प्रदेश', geoKind: null },
  { key: 'district', rank: 50, name: 'District', nameHi: 'जिला', geoKind: null },
  { key: 'assembly', rank: 60, name: 'Assembly', nameHi: 'विधानसभा', geoKind: null },
];
const actions = { canEdit: true, canCreateChild: true, canMove: true, canDelete: true, canRestore: false };
const hit = (over: Partial<TUnitSearchHit>): TUnitSearchHit => ({
  id: 100,
  parentId: 1,
  wing: 'main',
  level: 'district',
  name: 'Rampur',
  nameHi: null,
  depth: 3,
  geo: null,
  childCount: 0,
  descendantCount: 0,
  deletedAt: null,
  createdAt: '',
  updatedAt: '',
  actions,
  trail: [],
  ...over,
});
const unit = { id: 7, parentId: 5, level: 'assembly' };

describe('canBeNewParent', () => {
  it('accepts a live unit on a higher level elsewhere in the tree', () => {
    expect(canBeNewParent(hit({}), unit, levels)).toBe(true);
  });
  it('rejects itself, its current parent, its own descendants and deleted units', () => {
    expect(canBeNewParent(hit({ id: 7 }), unit, levels)).toBe(false);
    expect(canBeNewParent(hit({ id: 5 }), unit, levels)).toBe(false);
    expect(canBeNewParent(hit({ trail: [{ id: 7, name: 'x', nameHi: null, level: 'assembly' }] }), unit, levels)).toBe(false);
    expect(canBeNewParent(hit({ deletedAt: '2024-01-01' }), unit, levels)).toBe(false);
  });
  it('rejects units on the same level or below', () => {
    expect(canBeNewParent(hit({ level: 'assembly' }), unit, levels)).toBe(false);
  });
});
