import type { TUnit } from '@samiti/common';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { unitKeys } from '../api';

/**
 * Seeds a unit's page from the row the user clicked, so on a slow connection the next page
 * shows its header at once while the fresh copy loads. Never overwrites a cached copy.
 */
export const usePrimeUnit = (): ((unit: TUnit) => void) => {
  const queryClient = useQueryClient();
  return useCallback(
    (unit: TUnit) => {
      if (queryClient.getQueryData(unitKeys.detail(unit.id))) return;
      // Strip search-only fields (trail) so the cache holds exactly a TUnit; updatedAt 0 marks it stale.
      const { id, parentId, wing, level, name, nameHi, depth, geo, childCount, descendantCount, deletedAt, createdAt, updatedAt, actions } =
        unit;
      queryClient.setQueryData(
        unitKeys.detail(id),
        { id, parentId, wing, level, name, nameHi, depth, geo, childCount, descendantCount, deletedAt, createdAt, updatedAt, actions },
        { updatedAt: 0 },
      );
    },
    [queryClient],
  );
};
