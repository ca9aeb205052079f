import type { TPersonRef, TTour } from '@samiti/common';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formError } from '../../../lib/errors';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { PersonPick } from '../../training/components/PersonPick';
import { useCreateTour, useUpdateTour } from '../hooks/useTours';

const FIELDS = ['unitId', 'leaderPersonId', 'title', 'titleHi', 'startsOn', 'endsOn', 'notes'] as const;
type Props = { opened: boolean; onClose: () => void; tour?: TTour; onSaved?: (t: TTour) => void };

const TourForm = ({ onClose, tour, onSaved }: Omit<Props, 'opened'>) => {
  const { t } = useTranslation();
  const create = useCreateTour();
  const update = useUpdateTour(tour?.id ?? 0);
  const m = tour ? update : create;
  const [unit, setUnit] = useState<TUnitRef | null>(tour?.unit ?? null);
  const [leader, setLeader] = useState<TPersonRef | null>(tour?.leader ?? null);
  const [title, setTitle] = useState(tour?.title ?? '');
  const [titleHi, setTitleHi] = useState(tour?.titleHi ?? '');
  const [startsOn, setStartsOn] = useState(tour?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(tour?.endsOn ?? '');
  const [notes, setNotes] = useState(tour?.notes ?? '');
  const [missing, setMissing] = useState<string | null>(null);
  const server = formError(m.error, FIELDS, t);
  const err = (f: (typeof FIELDS)[number]) => (missing === f ? t('tours.required') : server?.field === f ? server.message : undefined);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const need =
      !tour && !unit
        ? 'unitId'
        : !tour && !leader
          ? 'leaderPersonId'
          : !title.trim()
            ? 'title'
            : !startsOn
              ? 'startsOn'
              : !endsOn
                ? 'endsOn'
                : null;
    setMissing(need);
    if (need) return;
    const done = (saved: TTour) => {
      onClose();
      onSaved?.(saved);
    };
    if (tour)
      update.mutate(
        { title: title.trim(), titleHi: titleHi.trim() || null, startsOn, endsOn, notes: notes.trim() || null },
        { onSuccess: done },
      );
    else if (unit && leader)
      create.mutate(
        {
          unitId: unit.id,
          leaderPersonId: leader.id,
          title: title.trim(),
          titleHi: titleHi.trim() || undefined,
          startsOn,
          endsOn,
          notes: notes.trim() || undefined,
        },
        { onSuccess: done },
      );
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="tour-form">
      <Stack>
        {server && server.field === null && (
          <Alert color="red" role="alert">
            {server.message}
          </Alert>
        )}
        {!tour && (
          <>
            <UnitPicker label={t('tours.organisingUnit')} value={unit} onChange={setUnit} error={err('unitId')} />
            <PersonPick label={t('tours.leader')} value={leader} onChange={setLeader} error={err('leaderPersonId')} testId="tour-leader" />
          </>
        )}
        <TextInput
          label={t('tours.titleHi')}
          lang="hi"
          value={titleHi}
          onChange={(e) => setTitleHi(e.currentTarget.value)}
          error={err('titleHi')}
        />
        <TextInput
          label={t('tours.tourTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err('title')}
          required
          data-testid="tour-title"
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label={t('tours.startsOn')}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={err('startsOn')}
            required
            data-testid="tour-starts"
          />
          <TextInput
            type="date"
            label={t('tours.endsOn')}
            value={endsOn}
            min={startsOn || undefined}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            error={err('endsOn')}
            required
            data-testid="tour-ends"
          />
        </SimpleGrid>
        <Textarea
          label={t('tours.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={err('notes')}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={m.isPending} data-testid="tour-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const TourFormModal = ({ opened, ...rest }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={rest.onClose} title={rest.tour ? t('tours.editTour') : t('tours.newTour')}>
      {opened && <TourForm {...rest} />}
    </Modal>
  );
};
