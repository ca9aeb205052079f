import type { TSeat } from '@samiti/common';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/dates';
import { conflictOf, formError } from '../../../lib/errors';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { useAddAspirant } from '../hooks/useElections';

const FIELDS = ['person.name', 'person.nameHi', 'person.phone', 'person.epic', 'person.homeUnitId', 'statement'] as const;

/** Entry by an office bearer: the aspirant by phone (an existing person is matched, not duplicated) and a short statement. */
export const AddAspirantModal = ({ seat, onClose }: { seat: TSeat; onClose: () => void }) => {
  const { t } = useTranslation();
  const add = useAddAspirant(seat.id);
  const [name, setName] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [phone, setPhone] = useState('');
  const [epic, setEpic] = useState('');
  const [home, setHome] = useState<TUnitRef | null>(seat.unit);
  const [statement, setStatement] = useState('');
  const server = formError(add.error, FIELDS, t);
  const conflict = conflictOf(add.error);
  const err = (f: (typeof FIELDS)[number]) => (server?.field === f ? server.message : undefined);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!home) return;
    add.mutate(
      {
        person: {
          name: name.trim() || undefined,
          nameHi: nameHi.trim() || undefined,
          phone,
          epic: epic.trim() || undefined,
          homeUnitId: home.id,
          consent: { purpose: t('elections.consentPurpose'), date: todayIso(), method: 'written' },
        },
        statement: statement.trim() || undefined,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('elections.addAspirant')} size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="aspirant-form">
        <Stack gap="sm">
          <TextInput
            label={t('elections.personName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('person.name')}
            data-testid="aspirant-name"
          />
          <TextInput
            label={t('elections.personNameHi')}
            lang="hi"
            value={nameHi}
            onChange={(e) => setNameHi(e.currentTarget.value)}
            error={err('person.nameHi')}
          />
          <TextInput
            label={t('elections.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            required
            inputMode="tel"
            error={err('person.phone')}
            data-testid="aspirant-phone"
          />
          <TextInput label={t('elections.epic')} value={epic} onChange={(e) => setEpic(e.currentTarget.value)} error={err('person.epic')} />
          <UnitPicker label={t('elections.homeUnit')} value={home} onChange={setHome} error={err('person.homeUnitId')} />
          <Textarea
            label={t('elections.statement')}
            value={statement}
            onChange={(e) => setStatement(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
          <Alert color="gray" variant="light">
            {t('elections.consentNote')}
          </Alert>
          {server && (server.field === null || conflict) && <Alert color="red">{server.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              disabled={!home || !phone.trim() || (!name.trim() && !nameHi.trim())}
              loading={add.isPending}
              data-testid="aspirant-submit"
            >
              {t('elections.addAspirant')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
