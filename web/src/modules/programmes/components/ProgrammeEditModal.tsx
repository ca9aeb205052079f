import type { TProgramme } from '@samiti/common';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formError } from '../../../lib/errors';
import { useUpdateProgramme } from '../hooks/useProgrammes';

const FIELDS = ['name', 'nameHi', 'description'] as const;
type Props = { programme: TProgramme; opened: boolean; onClose: () => void };

const EditForm = ({ programme, onClose }: Omit<Props, 'opened'>) => {
  const { t } = useTranslation();
  const update = useUpdateProgramme(programme.id);
  const [name, setName] = useState(programme.name);
  const [nameHi, setNameHi] = useState(programme.nameHi);
  const [description, setDescription] = useState(programme.description ?? '');
  const server = formError(update.error, FIELDS, t);
  const err = (f: (typeof FIELDS)[number]) => (server?.field === f ? server.message : undefined);
  return (
    <Stack data-testid="programme-edit-form">
      {server && server.field === null && (
        <Alert color="red" role="alert">
          {server.message}
        </Alert>
      )}
      <TextInput
        label={t('programmes.nameHi')}
        lang="hi"
        value={nameHi}
        onChange={(e) => setNameHi(e.currentTarget.value)}
        error={err('nameHi')}
        required
      />
      <TextInput label={t('programmes.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={err('name')} required />
      <Textarea
        label={t('programmes.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={err('description')}
        autosize
        minRows={2}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={update.isPending}
          disabled={!name.trim() || !nameHi.trim()}
          onClick={() =>
            update.mutate({ name: name.trim(), nameHi: nameHi.trim(), description: description.trim() || null }, { onSuccess: onClose })
          }
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
};

export const ProgrammeEditModal = ({ opened, ...rest }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={rest.onClose} title={t('programmes.edit')}>
      {opened && <EditForm {...rest} />}
    </Modal>
  );
};
