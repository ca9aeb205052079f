import { MEMBERSHIP_STATUSES, type TMembershipStatus } from '@samiti/common';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { idParam, isDriveTab, type TDriveTab } from '../drive';
import { isChildSort, type TChildSort } from '../progress';

const isStatus = (v: unknown): v is TMembershipStatus => (MEMBERSHIP_STATUSES as readonly unknown[]).includes(v);

/**
 * What the drive page shows lives in its URL (?unit=&tab=&sort=&status=), so a drill-down can be
 * shared, bookmarked and walked back with the phone's back button.
 */
export const useDriveParams = (driveId: number) => {
  const [params, setParams] = useSearchParams();
  const unit = idParam(params.get('unit'));
  const tabParam = params.get('tab');
  const tab: TDriveTab = isDriveTab(tabParam) ? tabParam : 'progress';
  const sortParam = params.get('sort');
  const sort: TChildSort = isChildSort(sortParam) ? sortParam : 'tree';
  const statusParam = params.get('status');
  const status: TMembershipStatus | null = isStatus(statusParam) ? statusParam : null;

  const update = useCallback(
    (key: string, value: string | null, replace: boolean) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === null) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  /** The page for another unit of the drive, keeping the tab and order. */
  const hrefFor = (unitId: number): string => {
    const next = new URLSearchParams(params);
    next.set('unit', String(unitId));
    return `/drives/${driveId}?${next.toString()}`;
  };

  return {
    unit,
    tab,
    sort,
    status,
    hrefFor,
    setTab: (v: TDriveTab) => update('tab', v === 'progress' ? null : v, true),
    setSort: (v: TChildSort) => update('sort', v === 'tree' ? null : v, true),
    setStatus: (v: TMembershipStatus | null) => update('status', v, true),
  };
};
