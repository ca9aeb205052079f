import type { TPerson, TPostSlot } from '@samiti/common';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/dates';
import { formError } from '../../../lib/errors';
import { displayName, pickNames } from '../../../lib/names';
import { PersonChooser } from '../../people/components/PersonChooser';
import type { TUnitRef } from '../../people/components/UnitPicker';
import { useAppoint } from '../hooks/useTenureMutations';
import { type TDateProblem, tenureDateProblem } from '../slots';
import { DateField } from './TenureFields';

type Props = { unit: TUnitRef; slot: TPostSlot | null; opened: boolean; onClose: () => void };
const FIELDS = ['personId', 'startDate'] as const;

const AppointBody = ({ unit, slot, onClose }: { unit: TUnitRef; slot: TPostSlot; onClose: () => void }) => {
  const { t } = useTranslation();
  const today = todayIso();
  const appoint = useAppoint();
  const [person, setPerson] = useState<TPerson | null>(null);
  const [creating, setCreating] = useState(false);
  const [startDate, setStartDate] = useState(today);
  const [problems, setProblems] = useState<{ person?: 'personRequired'; date?: TDateProblem }>({});
  const server = formError(appoint.error, FIELDS, t);
  const reset = () => {
    if (appoint.isError) appoint.reset();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = { person: person ? undefined : ('personRequired' as const), date: tenureDateProblem(startDate, today) ?? undefined };
    setProblems(found);
    if (!person || found.date) return;
    appoint.mutate({ unitId: unit.id, post: slot.post, personId: person.id, startDate }, { onSuccess: onClose });
  };

  const chooser = (
    <PersonChooser
      value={person}
      onChange={(p) => {
        setPerson(p);
        setProblems((x) => ({ ...x, person: undefined }));
        reset();
      }}
      error={problems.person ? t(`posts.${problems.person}`) : server?.field === 'personId' ? server.message : undefined}
      homeUnit={unit}
      creating={creating}
      setCreating={setCreating}
      excludeIds={slot.holders.map((h) => h.personId)}
    />
  );
  return (
    // The chooser stays at one place in the tree (outside the form: it may hold the new-person
    // form) so what was typed in the search survives switching to "create new person".
    <Stack>
      {!creating && server && server.field === null && (
        <Alert color="red" role="alert">
          {server.message}
        </Alert>
      )}
      {chooser}
      {!creating && (
        <form onSubmit={onSubmit} noValidate data-testid="appoint-form">
          <Stack>
            <DateField
              label={t('posts.startDate')}
              value={startDate}
              max={today}
              onChange={(v) => {
                setStartDate(v);
                setProblems((x) => ({ ...x, date: undefined }));
                reset();
              }}
              error={problems.date ? t(`posts.dateErrors.${problems.date}`) : server?.field === 'startDate' ? server.message : undefined}
              testId="appoint-start-date"
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={appoint.isPending} data-testid="appoint-submit">
                {t('posts.appoint')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
};

/** Fill a vacant seat: pick (or create) a person and the date the tenure starts (today by default). */
export const AppointModal = ({ unit, slot, opened, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const isPhone = useMediaQuery('(max-width: 36em)');
  const title = slot ? `${t('posts.appointTitle', { post: pickNames(slot, lang).primary })} · ${displayName(unit, lang)}` : '';
  return (
    <Modal opened={opened && slot !== null} onClose={onClose} fullScreen={isPhone} title={title}>
      {slot && <AppointBody unit={unit} slot={slot} onClose={onClose} />}
    </Modal>
  );
};
