import { MEETING_TYPES, type TMeeting, type TMeetingType, type TUnit } from '@samiti/common';
import { Alert, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorField, errorText } from '../../../lib/errors';
import { emptyMeetingForm, type TMeetingField, type TMeetingFormValues, type TMeetingProblem, toMeetingBody, validateMeetingForm } from '../form';
import { useCreateMeeting } from '../hooks/useMeetings';
import { InviteeRulesField } from './InviteeRulesField';
import { PeoplePicker, type TPickedPerson } from './PeoplePicker';

type Props = { unit: TUnit; onClose: () => void; onCreated: (meeting: TMeeting) => void };

/** Plan a meeting of the unit (or record one already held), with who is expected by rule and by name. */
export const MeetingFormModal = ({ unit, onClose, onCreated }: Props) => {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const create = useCreateMeeting();
  const [values, setValues] = useState<TMeetingFormValues>(emptyMeetingForm);
  const [chair, setChair] = useState<TPickedPerson[]>([]);
  const [people, setPeople] = useState<TPickedPerson[]>([]);
  const [problems, setProblems] = useState<Partial<Record<TMeetingField, TMeetingProblem>>>({});
  const serverField = errorField(create.error);
  const serverMessage = create.error ? errorText(create.error, t) : null;

  const set = <K extends keyof TMeetingFormValues>(key: K, value: TMeetingFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (create.isError) create.reset();
  };
  const fieldError = (field: TMeetingField) => {
    const p = problems[field];
    if (p) return t(`meetings.errors.${p}`);
    return serverField === field ? (serverMessage ?? undefined) : undefined;
  };
  const isFieldShown = (f: string | undefined) => f !== undefined && ['title', 'startsAt', 'venue', 'agenda'].includes(f);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateMeetingForm(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const body = toMeetingBody(unit.id, { ...values, chairPersonId: chair[0]?.id ?? null, personIds: people.map((p) => p.id) });
    create.mutate(body, {
      onSuccess: (m) => {
        onClose();
        onCreated(m);
      },
    });
  };

  return (
    <Modal opened onClose={onClose} fullScreen={isPhone} size="lg" title={t('meetings.new')}>
      <form onSubmit={onSubmit} noValidate data-testid="meeting-form">
        <Stack>
          {serverMessage && !isFieldShown(serverField) && (
            <Alert color="red" role="alert" data-testid="meeting-form-error">
              {serverMessage}
            </Alert>
          )}
          <SegmentedControl
            fullWidth
            value={values.status}
            onChange={(v) => set('status', v === 'held' ? 'held' : 'planned')}
            data={[
              { value: 'planned', label: t('meetings.planAhead') },
              { value: 'held', label: t('meetings.recordHeld') },
            ]}
            data-testid="meeting-form-status"
          />
          <Select
            label={t('meetings.type')}
            data={MEETING_TYPES.map((v) => ({ value: v, label: t(`meetings.types.${v}`) }))}
            value={values.type}
            onChange={(v) => v && set('type', v as TMeetingType)}
            allowDeselect={false}
            data-testid="meeting-form-type"
          />
          <TextInput
            label={t('meetings.titleField')}
            placeholder={t('meetings.titlePlaceholder')}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={fieldError('title')}
            required
            data-autofocus
            data-testid="meeting-form-title"
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput type="date" label={t('meetings.date')} value={values.date} onChange={(e) => set('date', e.currentTarget.value)} error={fieldError('startsAt')} required data-testid="meeting-form-date" />
            <TextInput type="time" label={t('meetings.time')} value={values.time} onChange={(e) => set('time', e.currentTarget.value)} required data-testid="meeting-form-time" />
          </SimpleGrid>
          <TextInput label={t('meetings.venue')} value={values.venue} onChange={(e) => set('venue', e.currentTarget.value)} error={fieldError('venue')} data-testid="meeting-form-venue" />
          <Textarea
            label={t('meetings.agenda')}
            description={t('meetings.agendaHint')}
            value={values.agenda}
            onChange={(e) => set('agenda', e.currentTarget.value)}
            error={fieldError('agenda')}
            autosize
            minRows={2}
            data-testid="meeting-form-agenda"
          />
          <PeoplePicker label={t('meetings.chair')} value={chair} onChange={setChair} single testId="meeting-form-chair" />
          <InviteeRulesField
            unitLevel={unit.level}
            includeSelf={values.includeSelf}
            onIncludeSelf={(v) => set('includeSelf', v)}
            rules={values.rules}
            onRules={(r) => set('rules', r)}
          />
          <PeoplePicker label={t('meetings.individuals')} description={t('meetings.individualsHint')} value={people} onChange={setPeople} testId="meeting-form-people" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="meeting-form-submit">
              {t('meetings.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
