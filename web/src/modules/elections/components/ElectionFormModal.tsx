import { ELECTION_TYPES, LOCAL_BODY_TYPES, type TElection, type TElectionType } from '@samiti/common';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formError } from '../../../lib/errors';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { useCreateElection } from '../hooks/useElections';
import { useStateOptions } from './useStateOptions';

const FIELDS = ['type', 'stateCode', 'unitId', 'year', 'name', 'nameHi', 'pollDate', 'countingDate'] as const;
type Props = { opened: boolean; onClose: () => void; onCreated: (e: TElection) => void };

/** New election: Lok/Vidhan Sabha take their seats from the geography; a local body needs the unit that runs it. */
export const ElectionFormModal = ({ opened, onClose, onCreated }: Props) => {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 40em)');
  const create = useCreateElection();
  const states = useStateOptions();
  const [type, setType] = useState<TElectionType>('zila-panchayat');
  const [stateCode, setStateCode] = useState<string | null>(null);
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [name, setName] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [pollDate, setPollDate] = useState('');
  const [countingDate, setCountingDate] = useState('');
  const isLocal = LOCAL_BODY_TYPES.includes(type);
  const server = formError(create.error, FIELDS, t);
  const err = (f: (typeof FIELDS)[number]) => (server?.field === f ? server.message : undefined);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        type,
        stateCode: type === 'lok-sabha' ? undefined : (stateCode ?? undefined),
        unitId: isLocal ? unit?.id : undefined,
        year: Number(year),
        name: name.trim(),
        nameHi: nameHi.trim() || undefined,
        pollDate: pollDate || undefined,
        countingDate: countingDate || undefined,
      },
      {
        onSuccess: (created) => {
          onClose();
          onCreated(created);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('elections.create')} size="lg" fullScreen={narrow}>
      <form onSubmit={onSubmit} noValidate data-testid="election-form">
        <Stack gap="sm">
          <Select
            label={t('elections.type')}
            data={ELECTION_TYPES.map((v) => ({ value: v, label: t(`elections.types.${v}`) }))}
            value={type}
            onChange={(v) => v && setType(v as TElectionType)}
            allowDeselect={false}
            error={err('type')}
            data-testid="election-type"
          />
          {type !== 'lok-sabha' && (
            <Select
              label={t('elections.state')}
              data={states}
              value={stateCode}
              onChange={setStateCode}
              searchable
              required
              error={err('stateCode')}
              data-testid="election-state"
            />
          )}
          {isLocal && (
            <UnitPicker
              label={t('elections.unit')}
              description={t('elections.unitHelp')}
              value={unit}
              onChange={setUnit}
              error={err('unitId')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('elections.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={err('name')}
              data-testid="election-name"
            />
            <TextInput
              label={t('elections.nameHi')}
              lang="hi"
              value={nameHi}
              onChange={(e) => setNameHi(e.currentTarget.value)}
              error={err('nameHi')}
            />
            <NumberInput
              label={t('elections.year')}
              value={year}
              onChange={setYear}
              min={1951}
              max={2100}
              required
              error={err('year')}
              data-testid="election-year"
            />
            <div />
            <TextInput
              type="date"
              label={t('elections.pollDate')}
              value={pollDate}
              onChange={(e) => setPollDate(e.currentTarget.value)}
              error={err('pollDate')}
            />
            <TextInput
              type="date"
              label={t('elections.countingDate')}
              value={countingDate}
              onChange={(e) => setCountingDate(e.currentTarget.value)}
              error={err('countingDate')}
            />
          </SimpleGrid>
          {server && server.field === null && (
            <Alert color="red" role="alert">
              {server.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="election-submit">
              {t('elections.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
