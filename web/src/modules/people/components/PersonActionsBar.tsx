import type { TPerson } from '@samiti/common';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useDeletePerson, useRestorePerson } from '../hooks/usePersonMutations';
import { personName } from '../names';
import { PersonFormModal } from './PersonFormModal';

const DeletePersonModal = ({ person, opened, onClose }: { person: TPerson; opened: boolean; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const remove = useDeletePerson(person.id);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('people.deleteTitle', { name: personName(person, i18n.resolvedLanguage ?? 'en') || t('people.unnamed') })}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('people.deleteBody')}
        </Text>
        {remove.isError && (
          <Alert color="red" role="alert">
            {errorText(remove.error, t)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(undefined, { onSuccess: close })}
            data-testid="person-delete-confirm"
          >
            {t('people.deleteSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};

/** Only the actions the server says this user may take on this person. */
export const PersonActionsBar = ({ person }: { person: TPerson }) => {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const restore = useRestorePerson(person.id);
  const close = () => setDialog(null);
  const { actions } = person;
  const isDeleted = person.deletedAt !== null;

  const buttons = [
    actions.canEdit && !isDeleted && (
      <Button key="edit" size="sm" variant="default" onClick={() => setDialog('edit')} data-testid="person-edit">
        {t('people.edit')}
      </Button>
    ),
    actions.canDelete && !isDeleted && (
      <Button key="delete" size="sm" variant="light" color="red" onClick={() => setDialog('delete')} data-testid="person-delete">
        {t('people.delete')}
      </Button>
    ),
    // A merged record comes back through "Undo merge" on its banner, not a plain restore.
    actions.canRestore && isDeleted && person.mergedInto == null && (
      <Button
        key="restore"
        size="sm"
        color="green"
        loading={restore.isPending}
        onClick={() => restore.mutate()}
        data-testid="person-restore"
      >
        {t('people.restore')}
      </Button>
    ),
  ].filter(Boolean);

  if (buttons.length === 0) return null;
  return (
    <>
      <Group gap="xs" role="toolbar" aria-label={t('people.actionsLabel')}>
        {buttons}
      </Group>
      {restore.isError && (
        <Alert color="red" role="alert">
          {errorText(restore.error, t)}
        </Alert>
      )}
      <PersonFormModal mode="edit" person={person} opened={dialog === 'edit'} onClose={close} />
      <DeletePersonModal person={person} opened={dialog === 'delete'} onClose={close} />
    </>
  );
};
