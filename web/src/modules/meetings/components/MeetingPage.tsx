import type { TMeeting } from '@samiti/common';
import { Alert, Anchor, Button, Group, Menu, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RecordRoute, RecordView } from '../../../components/RecordRoute';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { personName } from '../../people/names';
import { pdfUrl } from '../api';
import { useMeeting, useMeetingHistory, useMoveMeeting } from '../hooks/useMeetings';
import { AttendanceTaker } from './AttendanceTaker';
import { CancelMeetingModal, EditInviteesModal, EditMeetingModal } from './MeetingEditModals';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { MinutesEditor } from './MinutesEditor';
import { ResolutionsPanel } from './ResolutionsPanel';

const Section = ({ title, children, testId, right }: { title: string; children: ReactNode; testId: string; right?: ReactNode }) => (
  <Paper withBorder p="sm" radius="md" data-testid={testId}>
    <Group justify="space-between" mb="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {right}
    </Group>
    {children}
  </Paper>
);

const PdfMenu = ({ meeting }: { meeting: TMeeting }) => {
  const { t } = useTranslation();
  const canMinutes = meeting.status === 'held' || meeting.status === 'minutes-approved';
  const item = (kind: 'attendance-sheet' | 'minutes', lang: 'hi' | 'en') => (
    <Menu.Item component="a" href={pdfUrl(meeting.id, kind, lang)} target="_blank" rel="noopener" data-testid={`pdf-${kind}-${lang}`}>
      {t(kind === 'minutes' ? 'meetings.pdfMinutes' : 'meetings.pdfSheet')} · {lang === 'hi' ? 'हिंदी' : 'English'}
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" data-testid="meeting-pdf">
          {t('meetings.pdf')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {item('attendance-sheet', 'hi')}
        {item('attendance-sheet', 'en')}
        {canMinutes && item('minutes', 'hi')}
        {canMinutes && item('minutes', 'en')}
      </Menu.Dropdown>
    </Menu>
  );
};

const MeetingHistory = ({ meetingId }: { meetingId: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const history = useMeetingHistory(meetingId);
  if (history.isPending) return <Skeleton height={40} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Stack gap={2} data-testid="meeting-history">
      {history.data.map((e) => (
        <Text key={e.id} size="sm">
          <Text span c="dimmed" size="xs">
            {formatDateTime(e.at, lang)} · {e.actor ?? '—'} ·{' '}
          </Text>
          {t(`meetings.actions.${e.action.replace(/^meeting\./, '').replace(/\./g, '-')}`, { defaultValue: e.action })}
        </Text>
      ))}
    </Stack>
  );
};

type TDialog = 'edit' | 'invitees' | 'cancel' | null;

const MeetingView = ({ meeting, directivesSlot }: { meeting: TMeeting; directivesSlot?: ReactNode }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(`${meeting.title} · ${t('app.name')}`);
  const move = useMoveMeeting(meeting.id);
  const [dialog, setDialog] = useState<TDialog>(null);
  const a = meeting.actions;
  const homeUnit = { id: meeting.unit.id, name: meeting.unit.name, nameHi: meeting.unit.nameHi, level: meeting.unit.level };
  return (
    <Stack gap="md" data-testid="meeting-page" data-meeting-id={meeting.id}>
      <Anchor component={Link} to={`/units/${meeting.unit.id}?tab=meetings`} size="sm">
        ← {displayName(meeting.unit, lang)}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h3" data-testid="meeting-title">
            {meeting.title}
          </Title>
          <Text c="dimmed" size="sm">
            {t(`meetings.types.${meeting.type}`)} · {formatDateTime(meeting.startsAt, lang, 'Asia/Kolkata')}
          </Text>
          {(meeting.venue || meeting.venueUnit) && (
            <Text size="sm">{t('meetings.venueIs', { venue: [meeting.venue, meeting.venueUnit ? displayName(meeting.venueUnit, lang) : null].filter(Boolean).join(', ') })}</Text>
          )}
          {meeting.chair && <Text size="sm">{t('meetings.chairIs', { name: personName(meeting.chair, lang) })}</Text>}
          <Text size="xs" c="dimmed">
            {t('meetings.organisedBy', { name: meeting.organiser.displayName })}
          </Text>
        </div>
        <MeetingStatusBadge status={meeting.status} />
      </Group>
      {meeting.status === 'cancelled' && (
        <Alert color="gray" data-testid="meeting-cancelled">
          {t('meetings.cancelledBecause', { reason: meeting.cancelReason ?? '' })}
        </Alert>
      )}
      {move.isError && (
        <Alert color="red" role="alert" data-testid="meeting-move-error">
          {errorText(move.error, t)}
        </Alert>
      )}
      <Group gap="xs">
        {a.canHold && (
          <Button onClick={() => move.mutate({ status: 'held' })} loading={move.isPending} data-testid="meeting-hold">
            {t('meetings.markHeld')}
          </Button>
        )}
        {a.canApproveMinutes && (
          <Button color="green" onClick={() => move.mutate({ status: 'minutes-approved' })} loading={move.isPending} data-testid="meeting-approve">
            {t('meetings.approveMinutes')}
          </Button>
        )}
        {a.canEdit && (
          <Button variant="default" onClick={() => setDialog('edit')} data-testid="meeting-edit">
            {t('meetings.editDetails')}
          </Button>
        )}
        {a.canEditInvitees && (
          <Button variant="default" onClick={() => setDialog('invitees')} data-testid="meeting-invitees-edit">
            {t('meetings.editInvitees')}
          </Button>
        )}
        {a.canCancel && (
          <Button variant="subtle" color="red" onClick={() => setDialog('cancel')} data-testid="meeting-cancel">
            {t('meetings.cancelMeeting')}
          </Button>
        )}
        <PdfMenu meeting={meeting} />
      </Group>
      {meeting.agenda.length > 0 && (
        <Section title={t('meetings.agenda')} testId="meeting-agenda">
          <Stack component="ol" gap={2} m={0} pl="md">
            {meeting.agenda.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: agenda items are plain ordered text
              <li key={i}>{item}</li>
            ))}
          </Stack>
        </Section>
      )}
      <Section title={t('meetings.attendanceTitle')} testId="meeting-attendance">
        <AttendanceTaker meetingId={meeting.id} homeUnit={homeUnit} />
      </Section>
      <Section title={t('meetings.minutes')} testId="meeting-minutes">
        {/* Re-mounted only when the saved minutes change, so a resolution or attendance tap elsewhere keeps unsaved typing. */}
        <MinutesEditor key={`${meeting.minutesLang ?? ''}:${meeting.minutes ?? ''}`} meeting={meeting} />
      </Section>
      <Section title={t('meetings.resolutions')} testId="meeting-resolutions">
        <ResolutionsPanel meetingId={meeting.id} />
      </Section>
      {/* directives panel */}
      {directivesSlot}
      <Section title={t('meetings.history')} testId="meeting-history-section">
        <MeetingHistory meetingId={meeting.id} />
      </Section>
      {dialog === 'edit' && <EditMeetingModal meeting={meeting} onClose={() => setDialog(null)} />}
      {dialog === 'invitees' && <EditInviteesModal meeting={meeting} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelMeetingModal meeting={meeting} onClose={() => setDialog(null)} />}
    </Stack>
  );
};

const MeetingLoader = ({ id, directivesSlot }: { id: number; directivesSlot?: ReactNode }) => (
  <RecordView query={useMeeting(id)}>{(m) => <MeetingView meeting={m} directivesSlot={directivesSlot} />}</RecordView>
);

/**
 * /meetings/:id — one meeting: details, status actions, attendance, minutes, resolutions, PDFs and
 * history. `directivesSlot` is where the directives panel of this meeting goes (after resolutions).
 */
export const MeetingPage = ({ directivesSlot }: { directivesSlot?: ReactNode }) => (
  <RecordRoute>{(id) => <MeetingLoader id={id} directivesSlot={directivesSlot} />}</RecordRoute>
);
