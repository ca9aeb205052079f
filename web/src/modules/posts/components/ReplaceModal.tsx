import type { TEndReason, TPerson } from '@samiti/common';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/dates';
import { formError } from '../../../lib/errors';
import { pickNames } from '../../../lib/names';
import { PersonChooser } from '../../people/components/PersonChooser';
import type { TUnitRef } from '../../people/components/UnitPicker';
import { personName } from '../../people/names';
import { useReplaceTenure } from '../hooks/useTenureMutations';
import { type TDateProblem, tenureDateProblem } from '../slots';
import type { THolderTarget } from './EndTenureModal';
import { DateField, ReasonField } from './TenureFields';

type Props = { unit: TUnitRef; target: THolderTarget | null; opened: boolean; onClose: () => void };
const FIELDS = ['personId', 'date', 'reason'] as const;

const ReplaceBody = ({ unit, target, onClose }: { unit: TUnitRef; target: THolderTarget; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const today = todayIso();
  const replace = useReplaceTenure();
  const [person, setPerson] = useState<TPerson | null>(null);
  const [creating, setCreating] = useState(false);
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState<TEndReason | null>(null);
  const [problems, setProblems] = useState<{ person?: boolean; date?: TDateProblem; reason?: boolean }>({});
  const server = formError(replace.error, FIELDS, t);
  const reset = () => {
    if (replace.isError) replace.reset();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = { person: !person, date: tenureDateProblem(date, today, target.holder.startDate) ?? undefined, reason: reason === null };
    setProblems(found);
    if (!person || found.date || !reason) return;
    replace.mutate({ tenureId: target.holder.tenureId, body: { personId: person.id, date, reason } }, { onSuccess: onClose });
  };

  const chooser = (
    <PersonChooser
      value={person}
      onChange={(p) => {
        setPerson(p);
        setProblems((x) => ({ ...x, person: false }));
        reset();
      }}
      error={problems.person ? t('posts.personRequired') : server?.field === 'personId' ? server.message : undefined}
      homeUnit={unit}
      creating={creating}
      setCreating={setCreating}
      excludeIds={target.slot.holders.map((h) => h.personId)}
    />
  );
  return (
    // The chooser stays at one place in the tree (outside the form: it may hold the new-person
    // form) so what was typed in the search survives switching to "create new person".
    <Stack>
      {!creating && (
        <Text size="sm" c="dimmed">
          {t('posts.replaceBody', { name: personName(target.holder, lang) || t('people.unnamed') })}
        </Text>
      )}
      {!creating && server && server.field === null && (
        <Alert color="red" role="alert">
          {server.message}
        </Alert>
      )}
      {chooser}
      {!creating && (
        <form onSubmit={onSubmit} noValidate data-testid="replace-form">
          <Stack>
            <DateField
              label={t('posts.changeDate')}
              value={date}
              min={target.holder.startDate.slice(0, 10)}
              max={today}
              onChange={(v) => {
                setDate(v);
                setProblems((x) => ({ ...x, date: undefined }));
                reset();
              }}
              error={problems.date ? t(`posts.dateErrors.${problems.date}`) : server?.field === 'date' ? server.message : undefined}
              testId="replace-date"
            />
            <ReasonField
              value={reason}
              onChange={(v) => {
                setReason(v);
                setProblems((x) => ({ ...x, reason: false }));
                reset();
              }}
              error={problems.reason ? t('posts.reasonRequired') : server?.field === 'reason' ? server.message : undefined}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={replace.isPending} data-testid="replace-submit">
                {t('posts.replaceSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
};

/** End a holder's tenure and start another person's in the same seat on the same date. */
export const ReplaceModal = ({ unit, target, opened, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const isPhone = useMediaQuery('(max-width: 36em)');
  const title = target
    ? t('posts.replaceTitle', { name: personName(target.holder, lang) || t('people.unnamed'), post: pickNames(target.slot, lang).primary })
    : '';
  return (
    <Modal opened={opened && target !== null} onClose={onClose} fullScreen={isPhone} title={title}>
      {target && <ReplaceBody unit={unit} target={target} onClose={onClose} />}
    </Modal>
  );
};
