import { STOP_PURPOSES, type TPersonRef, type TStop, type TStopPurpose } from '@samiti/common';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { displayName } from '../../../lib/names';
import { useTranslation } from 'react-i18next';
import { formError } from '../../../lib/errors';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { PersonPick } from '../../training/components/PersonPick';
import { conflictsOf } from '../api';
import { useAddStop, useProgrammeOptions, useUpdateStop } from '../hooks/useTours';
import { indiaDay, indiaInstant, indiaTime } from '../month';
import { ConflictList } from './ConflictList';

const FIELDS = ['unitId', 'startsAt', 'endsAt', 'purpose', 'coordinatorPersonId', 'notes', 'meetingId', 'programmeInstanceId'] as const;
type Props = { opened: boolean; onClose: () => void; tourId: number; defaultDay: string; stop?: TStop };

/** Add or move a stop; when the server lists clashes, they are shown and the user may confirm to save anyway. */
const StopForm = ({ onClose, tourId, defaultDay, stop }: Omit<Props, 'opened'>) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const add = useAddStop(tourId);
  const update = useUpdateStop(stop?.id ?? 0);
  const m = stop ? update : add;
  const [unit, setUnit] = useState<TUnitRef | null>(stop?.unit ?? null);
  const [day, setDay] = useState(stop ? indiaDay(stop.startsAt) : defaultDay);
  const [from, setFrom] = useState(stop ? indiaTime(stop.startsAt) : '10:00');
  const [to, setTo] = useState(stop ? indiaTime(stop.endsAt) : '12:00');
  const [purpose, setPurpose] = useState<TStopPurpose>(stop?.purpose ?? 'meeting');
  const [coordinator, setCoordinator] = useState<TPersonRef | null>(stop?.coordinator ?? null);
  const [notes, setNotes] = useState(stop?.notes ?? '');
  const [instanceId, setInstanceId] = useState<string | null>(stop?.programmeInstance ? String(stop.programmeInstance.id) : null);
  const options = useProgrammeOptions(purpose === 'programme' && unit ? unit.id : null);
  const [missing, setMissing] = useState<string | null>(null);
  const conflicts = conflictsOf(m.error);
  const server = conflicts.length > 0 ? null : formError(m.error, FIELDS, t);
  const err = (f: (typeof FIELDS)[number]) => (missing === f ? t('tours.required') : server?.field === f ? server.message : undefined);

  const save = (confirm: boolean) => {
    if (!unit) return setMissing('unitId');
    if (!day) return setMissing('startsAt');
    setMissing(null);
    const body = {
      unitId: unit.id,
      startsAt: indiaInstant(day, from),
      endsAt: indiaInstant(day, to),
      purpose,
      notes: notes.trim() || undefined,
      confirm,
    };
    const linked = purpose === 'programme' && instanceId ? Number(instanceId) : null;
    if (stop)
      update.mutate(
        { ...body, notes: notes.trim() || null, coordinatorPersonId: coordinator?.id ?? null, programmeInstanceId: linked },
        { onSuccess: onClose },
      );
    else add.mutate({ ...body, coordinatorPersonId: coordinator?.id, programmeInstanceId: linked ?? undefined }, { onSuccess: onClose });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="stop-form">
      <Stack>
        {server && server.field === null && (
          <Alert color="red" role="alert">
            {server.message}
          </Alert>
        )}
        {conflicts.length > 0 && (
          <Alert color="orange" title={t('tours.conflictsTitle')} data-testid="stop-conflicts">
            <Stack gap="xs">
              <ConflictList conflicts={conflicts} />
              <Group>
                <Button color="orange" size="xs" onClick={() => save(true)} loading={m.isPending} data-testid="stop-confirm">
                  {t('tours.saveAnyway')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <UnitPicker label={t('tours.place')} value={unit} onChange={setUnit} error={err('unitId')} />
        <TextInput
          type="date"
          label={t('tours.date')}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={err('startsAt')}
          required
          data-testid="stop-date"
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="time"
            label={t('tours.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            required
            data-testid="stop-from"
          />
          <TextInput
            type="time"
            label={t('tours.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={err('endsAt')}
            required
            data-testid="stop-to"
          />
        </SimpleGrid>
        <Select
          label={t('tours.purpose')}
          value={purpose}
          onChange={(v) => v && setPurpose(v as TStopPurpose)}
          data={STOP_PURPOSES.map((p) => ({ value: p, label: t(`tours.purposes.${p}`) }))}
          allowDeselect={false}
        />
        {purpose === 'programme' && (
          <Select
            label={t('tours.programmeEvent')}
            description={t('tours.programmeEventHint')}
            placeholder={unit ? t('tours.programmeEventNone') : t('tours.programmeEventNeedsPlace')}
            disabled={!unit}
            clearable
            value={instanceId}
            onChange={setInstanceId}
            data={(options.data?.items ?? []).map((i) => ({
              value: String(i.id),
              label: `${displayName({ name: i.programmeName, nameHi: i.programmeNameHi }, lang)} · ${displayName(i.unit ?? i.scopeUnit, lang)}`,
            }))}
            error={err('programmeInstanceId')}
            data-testid="stop-programme-instance"
          />
        )}
        <PersonPick
          label={t('tours.coordinator')}
          value={coordinator}
          onChange={setCoordinator}
          error={err('coordinatorPersonId')}
          testId="stop-coordinator"
        />
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
          <Button type="submit" loading={m.isPending} data-testid="stop-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const StopFormModal = ({ opened, ...rest }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={rest.onClose} title={rest.stop ? t('tours.editStop') : t('tours.newStop')} size="lg">
      {opened && <StopForm {...rest} />}
    </Modal>
  );
};
