import type { TUnit } from '@samiti/common';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/hooks/useMe';
import { canAddPeopleAt } from '../../people/permissions';
import { useAncestors } from '../../units/hooks/useUnit';

/** "Import" for those who may add people here (data-entry or above over the unit or above it). */
export const ImportButton = ({ unit }: { unit: TUnit }) => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const ancestors = useAncestors(unit.id);
  const canImport =
    unit.deletedAt === null &&
    me !== undefined &&
    ancestors.data !== undefined &&
    canAddPeopleAt(
      me.grants,
      unit.id,
      ancestors.data.map((a) => a.id),
    );
  if (!canImport) return null;
  return (
    <Button component={Link} to={`/units/${unit.id}/import`} size="sm" variant="default" data-testid="import-button">
      {t('imports.action')}
    </Button>
  );
};
