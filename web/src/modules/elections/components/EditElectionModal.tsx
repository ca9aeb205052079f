import type { TElection } from '@samiti/common';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useUpdateElection } from '../hooks/useElections';

/** Rename an election or correct its dates; the change is audited. */
export const EditElectionModal = ({ election, onClose }: { election: TElection; onClose: () => void }) => {
  const { t } = useTranslation();
  const update = useUpdateElection(election.id);
  const [name, setName] = useState(election.name);
  const [nameHi, setNameHi] = useState(election.nameHi ?? '');
  const [pollDate, setPollDate] = useState(election.pollDate ?? '');
  const [countingDate, setCountingDate] = useState(election.countingDate ?? '');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { name: name.trim(), nameHi: nameHi.trim() || null, pollDate: pollDate || null, countingDate: countingDate || null },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('elections.edit')}>
      <form onSubmit={onSubmit} noValidate data-testid="election-edit-form">
        <Stack gap="sm">
          <TextInput label={t('elections.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <TextInput label={t('elections.nameHi')} lang="hi" value={nameHi} onChange={(e) => setNameHi(e.currentTarget.value)} />
          <SimpleGrid cols={2}>
            <TextInput type="date" label={t('elections.pollDate')} value={pollDate} onChange={(e) => setPollDate(e.currentTarget.value)} />
            <TextInput
              type="date"
              label={t('elections.countingDate')}
              value={countingDate}
              onChange={(e) => setCountingDate(e.currentTarget.value)}
            />
          </SimpleGrid>
          {update.isError && <Alert color="red">{errorText(update.error, t)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!name.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
