import type { TPersonRef, TSession, TSessionMode } from '@samiti/common';
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formError } from '../../../lib/errors';
import { indiaDay, indiaInstant, indiaTime } from '../../tours/month';
import { useCreateSession, useUpdateSession } from '../hooks/useTraining';
import { PersonPick } from './PersonPick';

const FIELDS = ['title', 'mode', 'link', 'venue', 'trainerPersonId', 'startsAt', 'durationMinutes', 'capacity', 'unitId'] as const;
type Props = { opened: boolean; onClose: () => void; courseId: number; session?: TSession };

const SessionForm = ({ onClose, courseId, session }: Omit<Props, 'opened'>) => {
  const { t } = useTranslation();
  const create = useCreateSession(courseId);
  const update = useUpdateSession(session?.id ?? 0);
  const m = session ? update : create;
  const [mode, setMode] = useState<TSessionMode>(session?.mode ?? 'offline');
  const [title, setTitle] = useState(session?.title ?? '');
  const [link, setLink] = useState(session?.link ?? '');
  const [venue, setVenue] = useState(session?.venue ?? '');
  const [trainer, setTrainer] = useState<TPersonRef | null>(session?.trainer ?? null);
  const [day, setDay] = useState(session ? indiaDay(session.startsAt) : '');
  const [time, setTime] = useState(session ? indiaTime(session.startsAt) : '10:00');
  const [duration, setDuration] = useState<number | string>(session?.durationMinutes ?? 120);
  const [capacity, setCapacity] = useState<number | string>(session?.capacity ?? 50);
  const [missing, setMissing] = useState<string | null>(null);
  const server = formError(m.error, FIELDS, t);
  const err = (f: (typeof FIELDS)[number]) => (missing === f ? t('training.required') : server?.field === f ? server.message : undefined);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!day) return setMissing('startsAt');
    if (mode === 'online' && !link.trim()) return setMissing('link');
    if (mode === 'offline' && !venue.trim()) return setMissing('venue');
    setMissing(null);
    const common = {
      mode,
      startsAt: indiaInstant(day, time),
      durationMinutes: Number(duration),
      capacity: Number(capacity),
    };
    if (session) {
      update.mutate(
        {
          ...common,
          title: title.trim() || null,
          link: mode === 'online' ? link.trim() : null,
          venue: venue.trim() || null,
          trainerPersonId: trainer?.id ?? null,
        },
        { onSuccess: onClose },
      );
    } else {
      create.mutate(
        {
          ...common,
          title: title.trim() || undefined,
          link: mode === 'online' ? link.trim() : undefined,
          venue: venue.trim() || undefined,
          trainerPersonId: trainer?.id,
        },
        { onSuccess: onClose },
      );
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="session-form">
      <Stack>
        {server && server.field === null && (
          <Alert color="red" role="alert">
            {server.message}
          </Alert>
        )}
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as TSessionMode)}
          data={[
            { value: 'offline', label: t('training.offline') },
            { value: 'online', label: t('training.online') },
          ]}
        />
        <TextInput
          label={t('training.sessionTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err('title')}
        />
        {mode === 'online' ? (
          <TextInput
            label={t('training.link')}
            placeholder="https://"
            value={link}
            onChange={(e) => setLink(e.currentTarget.value)}
            error={err('link')}
            required
            data-testid="session-link"
          />
        ) : (
          <TextInput
            label={t('training.venue')}
            value={venue}
            onChange={(e) => setVenue(e.currentTarget.value)}
            error={err('venue')}
            required
            data-testid="session-venue"
          />
        )}
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label={t('training.date')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            error={err('startsAt')}
            required
            data-testid="session-date"
          />
          <TextInput type="time" label={t('training.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} required />
          <NumberInput
            label={t('training.duration')}
            value={duration}
            onChange={setDuration}
            min={15}
            max={1440}
            step={15}
            allowDecimal={false}
            error={err('durationMinutes')}
          />
          <NumberInput
            label={t('training.capacity')}
            value={capacity}
            onChange={setCapacity}
            min={1}
            max={100000}
            allowDecimal={false}
            error={err('capacity')}
            data-testid="session-capacity"
          />
        </SimpleGrid>
        <PersonPick
          label={t('training.trainer')}
          value={trainer}
          onChange={setTrainer}
          error={err('trainerPersonId')}
          testId="session-trainer"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={m.isPending} data-testid="session-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const SessionFormModal = ({ opened, ...rest }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={rest.onClose} title={rest.session ? t('training.editSession') : t('training.newSession')}>
      {opened && <SessionForm {...rest} />}
    </Modal>
  );
};
