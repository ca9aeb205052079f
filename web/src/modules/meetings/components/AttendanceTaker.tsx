import { MEETING_ATTENDANCE_STATUSES, type TMeetingAttendanceStatus, type TMeetingInvitee, type TPerson } from '@samiti/common';
import { Alert, Badge, Button, Collapse, Group, Modal, Paper, SegmentedControl, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/errors';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { PersonChooser } from '../../people/components/PersonChooser';
import type { TUnitRef } from '../../people/components/UnitPicker';
import { formatPhone, personName } from '../../people/names';
import { useAttendance, useTakeAttendance } from '../hooks/useMeetings';

const COLORS: Record<TMeetingAttendanceStatus, string> = { present: 'teal', absent: 'red', excused: 'yellow' };

/** One invitee: big toggles a thumb can hit on a 390 px phone; a correction shows the earlier records. */
const InviteeRow = ({ invitee, canEdit, onMark, busy }: { invitee: TMeetingInvitee; canEdit: boolean; onMark: (s: TMeetingAttendanceStatus) => void; busy: boolean }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [open, { toggle }] = useDisclosure(false);
  const post = invitee.post
    ? `${lang === 'hi' ? invitee.post.nameHi : invitee.post.name} · ${displayName(invitee.post.unit, lang)}`
    : t(invitee.source === 'walk-in' ? 'meetings.walkIn' : 'meetings.individual');
  const corrections = invitee.history.length - 1;
  return (
    <Paper withBorder p="xs" radius="md" data-testid="invitee-row" data-person-id={invitee.personId} data-status={invitee.current?.status ?? 'unmarked'}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={500} truncate>
              {personName(invitee, lang)}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {post} · {formatPhone(invitee.phone)}
            </Text>
          </div>
          {invitee.source === 'walk-in' && (
            <Badge size="sm" variant="outline" tt="none">
              {t('meetings.walkIn')}
            </Badge>
          )}
        </Group>
        {canEdit ? (
          <SegmentedControl
            fullWidth
            size="md"
            disabled={busy}
            value={invitee.current?.status ?? ''}
            onChange={(v) => onMark(v as TMeetingAttendanceStatus)}
            color={invitee.current ? COLORS[invitee.current.status] : undefined}
            data={MEETING_ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`meetings.attendance.${s}`) }))}
            data-testid="attendance-toggle"
            aria-label={t('meetings.attendanceOf', { name: personName(invitee, lang) })}
          />
        ) : (
          <Text size="sm">{invitee.current ? t(`meetings.attendance.${invitee.current.status}`) : t('meetings.attendance.unmarked')}</Text>
        )}
        {corrections > 0 && (
          <>
            <UnstyledButton onClick={toggle} aria-expanded={open}>
              <Text size="xs" c="indigo">
                {t('meetings.corrections', { count: corrections })}
              </Text>
            </UnstyledButton>
            <Collapse expanded={open}>
              <Stack gap={2}>
                {invitee.history.map((h) => (
                  <Text key={`${h.recordedAt}-${h.status}`} size="xs" c="dimmed">
                    {formatDateTime(h.recordedAt, lang)} · {t(`meetings.attendance.${h.status}`)}
                    {h.recordedBy ? ` · ${h.recordedBy}` : ''}
                  </Text>
                ))}
              </Stack>
            </Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
};

/** Add someone who came without an invitation: an existing person, or a new one with consent (people module). */
const WalkInModal = ({ homeUnit, onClose, onAdd }: { homeUnit: TUnitRef; onClose: () => void; onAdd: (p: TPerson) => void }) => {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const [person, setPerson] = useState<TPerson | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Modal opened onClose={onClose} fullScreen={isPhone} title={t('meetings.addWalkIn')}>
      <Stack>
        <PersonChooser value={person} onChange={setPerson} homeUnit={homeUnit} creating={creating} setCreating={setCreating} />
        {!creating && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!person} onClick={() => person && onAdd(person)} data-testid="walk-in-submit">
              {t('meetings.markPresent')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
};

/** Attendance of every invitee, taken row by row (each tap is saved), with walk-ins and counts. */
export const AttendanceTaker = ({ meetingId, homeUnit }: { meetingId: number; homeUnit: TUnitRef }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const attendance = useAttendance(meetingId);
  const take = useTakeAttendance(meetingId);
  const [walkIn, setWalkIn] = useState(false);
  if (attendance.isPending) return <Skeleton height={120} radius="md" />;
  if (attendance.isError) return <ErrorState error={attendance.error} onRetry={() => void attendance.refetch()} />;
  const { items, counts, canTakeAttendance } = attendance.data;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <Stack gap="xs" data-testid="attendance">
      <Group justify="space-between">
        <Text size="sm" data-testid="attendance-counts">
          {t('meetings.counts', { invited: n(counts.invited), present: n(counts.present), absent: n(counts.absent), excused: n(counts.excused), walkIns: n(counts.walkIns) })}
        </Text>
        {canTakeAttendance && (
          <Button variant="light" size="sm" onClick={() => setWalkIn(true)} data-testid="walk-in-add">
            + {t('meetings.addWalkIn')}
          </Button>
        )}
      </Group>
      {take.isError && (
        <Alert color="red" role="alert">
          {errorText(take.error, t)}
        </Alert>
      )}
      {items.length === 0 ? (
        <EmptyState>{t('meetings.noInvitees')}</EmptyState>
      ) : (
        items.map((i) => (
          <InviteeRow key={i.id} invitee={i} canEdit={canTakeAttendance} busy={take.isPending} onMark={(status) => take.mutate([{ personId: i.personId, status }])} />
        ))
      )}
      {walkIn && (
        <WalkInModal
          homeUnit={homeUnit}
          onClose={() => setWalkIn(false)}
          onAdd={(p) => take.mutate([{ personId: p.id, status: 'present', walkIn: true }], { onSuccess: () => setWalkIn(false) })}
        />
      )}
    </Stack>
  );
};
