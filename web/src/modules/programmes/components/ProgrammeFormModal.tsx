import { Alert, Button, Group, Modal, MultiSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formError } from '../../../lib/errors';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { useCreateProgramme, useSegments } from '../hooks/useProgrammes';

const FIELDS = ['unitId', 'name', 'nameHi', 'description', 'segments', 'phases'] as const;
type Props = { opened: boolean; onClose: () => void; onSaved?: (id: number) => void };
type TPhaseRow = { key: number; name: string; nameHi: string; dueDate: string };
let nextKey = 1;
const newPhase = (): TPhaseRow => ({ key: nextKey++, name: '', nameHi: '', dueDate: '' });

const ProgrammeForm = ({ onClose, onSaved }: Omit<Props, 'opened'>) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const create = useCreateProgramme();
  const segments = useSegments();
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  const [name, setName] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [description, setDescription] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [phases, setPhases] = useState<TPhaseRow[]>(() => [newPhase()]);
  const [missing, setMissing] = useState<string | null>(null);
  const server = formError(create.error, FIELDS, t);
  const err = (f: (typeof FIELDS)[number]) => (missing === f ? t('programmes.required') : server?.field === f ? server.message : undefined);
  const setPhase = (i: number, patch: Partial<TPhaseRow>) => setPhases((ps) => ps.map((p, k) => (k === i ? { ...p, ...patch } : p)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const need = !unit
      ? 'unitId'
      : !name.trim()
        ? 'name'
        : !nameHi.trim()
          ? 'nameHi'
          : picked.length === 0
            ? 'segments'
            : phases.some((p) => !p.name.trim() || !p.nameHi.trim())
              ? 'phases'
              : null;
    setMissing(need);
    if (need || !unit) return;
    create.mutate(
      {
        unitId: unit.id,
        name: name.trim(),
        nameHi: nameHi.trim(),
        description: description.trim() || undefined,
        segments: picked,
        phases: phases.map((p) => ({ name: p.name.trim(), nameHi: p.nameHi.trim(), dueDate: p.dueDate || undefined })),
      },
      {
        onSuccess: (saved) => {
          onClose();
          onSaved?.(saved.id);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="programme-form">
      <Stack>
        {server && server.field === null && (
          <Alert color="red" role="alert">
            {server.message}
          </Alert>
        )}
        <UnitPicker label={t('programmes.issuingUnit')} value={unit} onChange={setUnit} error={err('unitId')} />
        <TextInput
          label={t('programmes.nameHi')}
          lang="hi"
          value={nameHi}
          onChange={(e) => setNameHi(e.currentTarget.value)}
          error={err('nameHi')}
          required
          data-testid="programme-name-hi"
        />
        <TextInput
          label={t('programmes.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err('name')}
          required
          data-testid="programme-name"
        />
        <Textarea
          label={t('programmes.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={err('description')}
          autosize
          minRows={2}
        />
        <MultiSelect
          label={t('programmes.segments')}
          description={t('programmes.segmentsHelp')}
          data={(segments.data ?? []).filter((s) => !s.isArchived).map((s) => ({ value: s.key, label: lang === 'hi' ? s.nameHi : s.name }))}
          value={picked}
          onChange={setPicked}
          error={err('segments')}
          searchable
          data-testid="programme-segments"
        />
        {phases.map((p, i) => (
          <SimpleGrid key={p.key} cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput
              label={t('programmes.phaseNameHi', { n: i + 1 })}
              lang="hi"
              value={p.nameHi}
              onChange={(e) => setPhase(i, { nameHi: e.currentTarget.value })}
              data-testid={`phase-${i}-hi`}
            />
            <TextInput
              label={t('programmes.phaseName', { n: i + 1 })}
              value={p.name}
              onChange={(e) => setPhase(i, { name: e.currentTarget.value })}
              data-testid={`phase-${i}-name`}
            />
            <TextInput
              type="date"
              label={t('programmes.phaseDue')}
              value={p.dueDate}
              onChange={(e) => setPhase(i, { dueDate: e.currentTarget.value })}
            />
          </SimpleGrid>
        ))}
        {err('phases') && (
          <Alert color="red" role="alert">
            {err('phases')}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => setPhases((ps) => [...ps, newPhase()])} disabled={phases.length >= 20}>
            {t('programmes.addPhase')}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="programme-save">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
};

export const ProgrammeFormModal = ({ opened, ...rest }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={rest.onClose} title={t('programmes.newProgramme')} size="lg">
      {opened && <ProgrammeForm {...rest} />}
    </Modal>
  );
};
