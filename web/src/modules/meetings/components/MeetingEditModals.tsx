import { MEETING_TYPES, type TMeeting, type TMeetingType } from '@samiti/common';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { agendaLines, fromStartsAt, toStartsAt } from '../form';
import { useAttendance, useInvitees, useMoveMeeting, usePatchMeeting } from '../hooks/useMeetings';
import { InviteeRulesField } from './InviteeRulesField';
import { PeoplePicker, type TPickedPerson } from './PeoplePicker';

const Shell = ({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) => {
  const isPhone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened onClose={onClose} fullScreen={isPhone} title={title}>
      {children}
    </Modal>
  );
};

/** Edit title, type, time, venue and agenda of a planned or held meeting. */
export const EditMeetingModal = ({ meeting, onClose }: { meeting: TMeeting; onClose: () => void }) => {
  const { t } = useTranslation();
  const patch = usePatchMeeting(meeting.id);
  const start = fromStartsAt(meeting.startsAt);
  const [v, setV] = useState({ type: meeting.type, title: meeting.title, date: start.date, time: start.time, venue: meeting.venue ?? '', agenda: meeting.agenda.join('\n') });
  const submit = () =>
    patch.mutate(
      {
        type: v.type,
        title: v.title,
        venue: v.venue.trim() || null,
        agenda: agendaLines(v.agenda),
        ...(v.date !== start.date || v.time !== start.time ? { startsAt: toStartsAt(v.date, v.time) } : {}),
      },
      { onSuccess: onClose },
    );
  return (
    <Shell title={t('meetings.editDetails')} onClose={onClose}>
      <Stack>
        {patch.isError && (
          <Alert color="red" role="alert">
            {errorText(patch.error, t)}
          </Alert>
        )}
        <Select label={t('meetings.type')} data={MEETING_TYPES.map((x) => ({ value: x, label: t(`meetings.types.${x}`) }))} value={v.type} onChange={(x) => x && setV({ ...v, type: x as TMeetingType })} allowDeselect={false} />
        <TextInput label={t('meetings.titleField')} value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} required data-testid="meeting-edit-title" />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="date" label={t('meetings.date')} value={v.date} onChange={(e) => setV({ ...v, date: e.currentTarget.value })} />
          <TextInput type="time" label={t('meetings.time')} value={v.time} onChange={(e) => setV({ ...v, time: e.currentTarget.value })} />
        </SimpleGrid>
        <TextInput label={t('meetings.venue')} value={v.venue} onChange={(e) => setV({ ...v, venue: e.currentTarget.value })} />
        <Textarea label={t('meetings.agenda')} description={t('meetings.agendaHint')} value={v.agenda} onChange={(e) => setV({ ...v, agenda: e.currentTarget.value })} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={patch.isPending} disabled={!v.title.trim()} onClick={submit} data-testid="meeting-edit-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Shell>
  );
};

/** Rebuild the invitee list of a planned meeting from new rules and individuals. */
export const EditInviteesModal = ({ meeting, onClose }: { meeting: TMeeting; onClose: () => void }) => {
  const { t } = useTranslation();
  const save = useInvitees(meeting.id);
  const [includeSelf, setIncludeSelf] = useState(meeting.inviteeRule.includeSelf);
  const [rules, setRules] = useState(meeting.inviteeRule.rules);
  // Individuals as invited now (names from the invitee list), editable like in the create form.
  const attendance = useAttendance(meeting.id);
  const [people, setPeople] = useState<TPickedPerson[] | null>(null);
  const shown =
    people ??
    (attendance.data?.items ?? []).filter((i) => i.source === 'individual').map((i) => ({ id: i.personId, name: i.name, nameHi: i.nameHi }));
  return (
    <Shell title={t('meetings.editInvitees')} onClose={onClose}>
      <Stack>
        {save.isError && (
          <Alert color="red" role="alert">
            {errorText(save.error, t)}
          </Alert>
        )}
        <InviteeRulesField unitLevel={meeting.unit.level} includeSelf={includeSelf} onIncludeSelf={setIncludeSelf} rules={rules} onRules={setRules} />
        <PeoplePicker label={t('meetings.individuals')} description={t('meetings.individualsHint')} value={shown} onChange={setPeople} testId="invitees-people" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ includeSelf, rules: rules.filter((r) => r.levels.length || r.posts.length), personIds: people ? people.map((p) => p.id) : meeting.inviteeRule.personIds }, { onSuccess: onClose })}
            data-testid="invitees-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Shell>
  );
};

/** Cancel a planned meeting: the reason is kept on the record. */
export const CancelMeetingModal = ({ meeting, onClose }: { meeting: TMeeting; onClose: () => void }) => {
  const { t } = useTranslation();
  const move = useMoveMeeting(meeting.id);
  const [reason, setReason] = useState('');
  return (
    <Shell title={t('meetings.cancelMeeting')} onClose={onClose}>
      <Stack>
        {move.isError && (
          <Alert color="red" role="alert">
            {errorText(move.error, t)}
          </Alert>
        )}
        <TextInput label={t('meetings.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-autofocus data-testid="cancel-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button color="red" disabled={!reason.trim()} loading={move.isPending} onClick={() => move.mutate({ status: 'cancelled', reason }, { onSuccess: onClose })} data-testid="cancel-submit">
            {t('meetings.cancelMeeting')}
          </Button>
        </Group>
      </Stack>
    </Shell>
  );
};
