import type { TUnit } from '@samiti/common';
import { Stack } from '@mantine/core';
import { useMe } from '../../auth/hooks/useMe';
import { useAncestors } from '../../units/hooks/useUnit';
import { canAddPeopleAt } from '../permissions';
import { DuplicatesPanel } from './DuplicatesPanel';
import { PeopleList } from './PeopleList';

/** The unit page's "People" tab: everyone whose home unit is in this subtree, then likely duplicates among this unit's own people. */
export const PeoplePanel = ({ unit }: { unit: TUnit }) => {
  const { data: me } = useMe();
  const ancestors = useAncestors(unit.id);
  const canAdd =
    unit.deletedAt === null &&
    me !== undefined &&
    ancestors.data !== undefined &&
    canAddPeopleAt(
      me.grants,
      unit.id,
      ancestors.data.map((a) => a.id),
    );
  return (
    <Stack gap="xl">
      <PeopleList unitId={unit.id} addTo={canAdd ? { id: unit.id, name: unit.name, nameHi: unit.nameHi, level: unit.level } : null} />
      <DuplicatesPanel unitId={unit.id} />
    </Stack>
  );
};
