import type { TUnit } from '@samiti/common';
import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { levelsBelow } from '../levels';
import { useLevels } from '../hooks/useConfig';
import { useRestoreUnit } from '../hooks/useUnitMutations';
import { DeleteUnitModal } from './DeleteUnitModal';
import { MoveUnitModal } from './MoveUnitModal';
import { UnitFormModal } from './UnitFormModal';

type TDialog = 'create' | 'edit' | 'move' | 'delete' | null;

/** Only the actions the server says this user may take on this unit. */
export const UnitActionsBar = ({ unit }: { unit: TUnit }) => {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<TDialog>(null);
  const { data: levels } = useLevels();
  const restore = useRestoreUnit(unit.id);
  const close = () => setDialog(null);
  const isDeleted = unit.deletedAt !== null;
  const { actions } = unit;
  const canAddChild = actions.canCreateChild && !isDeleted && levelsBelow(levels ?? [], unit.level).length > 0;

  const buttons = [
    canAddChild && (
      <Button key="add" size="sm" onClick={() => setDialog('create')} data-testid="action-add-child">
        {t('unitActions.addChild')}
      </Button>
    ),
    actions.canEdit && !isDeleted && (
      <Button key="edit" size="sm" variant="default" onClick={() => setDialog('edit')} data-testid="action-edit">
        {t('unitActions.edit')}
      </Button>
    ),
    actions.canMove && !isDeleted && unit.parentId !== null && (
      <Button key="move" size="sm" variant="default" onClick={() => setDialog('move')} data-testid="action-move">
        {t('unitActions.move')}
      </Button>
    ),
    actions.canDelete && !isDeleted && (
      <Button key="delete" size="sm" variant="light" color="red" onClick={() => setDialog('delete')} data-testid="action-delete">
        {t('unitActions.delete')}
      </Button>
    ),
    actions.canRestore && isDeleted && (
      <Button
        key="restore"
        size="sm"
        color="green"
        loading={restore.isPending}
        onClick={() => restore.mutate()}
        data-testid="action-restore"
      >
        {t('unitActions.restore')}
      </Button>
    ),
  ].filter(Boolean);

  if (buttons.length === 0) return null;
  return (
    <>
      <Group gap="xs" role="toolbar" aria-label={t('units.actionsLabel')}>
        {buttons}
      </Group>
      {restore.isError && (
        <Alert color="red" role="alert">
          {errorText(restore.error, t)}
        </Alert>
      )}
      <UnitFormModal mode="create" unit={unit} opened={dialog === 'create'} onClose={close} />
      <UnitFormModal mode="edit" unit={unit} opened={dialog === 'edit'} onClose={close} />
      <MoveUnitModal unit={unit} opened={dialog === 'move'} onClose={close} />
      <DeleteUnitModal unit={unit} opened={dialog === 'delete'} onClose={close} />
    </>
  );
};
