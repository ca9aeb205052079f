import { RSVP_RESPONSES, type TInvitee, type TSession } from '@samiti/common';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RecordRoute, RecordView } from '../../../components/RecordRoute';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/errors';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { formatPhone, personName } from '../../people/names';
import { HistoryView } from '../../units/components/HistoryList';
import type { TInviteeFilter } from '../api';
import { useInvitees, useMarkAttendance, useRsvp, useSession, useTrainingHistory, useUpdateSession } from '../hooks/useTraining';
import { InvitePanel } from './InvitePanel';
import { SessionFormModal } from './SessionFormModal';

/** One invitee as a phone-sized card: RSVP and attendance are each one tap. */
const InviteeRow = ({ session, invitee }: { session: TSession; invitee: TInvitee }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const rsvp = useRsvp(session.id);
  const mark = useMarkAttendance(session.id);
  const failure = rsvp.error ?? mark.error;
  return (
    <Paper withBorder radius="sm" p="xs" data-testid="invitee-row" data-person-id={invitee.personId}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/people/${invitee.personId}`} fw={500}>
            {personName(invitee, lang)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {displayName(invitee.homeUnit, lang)} · {formatPhone(invitee.phone)}
          </Text>
        </div>
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            size="xs"
            // No answer yet: a value matching no segment, so none looks chosen.
            value={invitee.rsvp ?? 'none'}
            disabled={!session.actions.canInvite || rsvp.isPending}
            onChange={(v) => rsvp.mutate({ personId: invitee.personId, response: v as (typeof RSVP_RESPONSES)[number] })}
            data={RSVP_RESPONSES.map((r) => ({ value: r, label: t(`training.rsvp.${r}`) }))}
            aria-label={t('training.rsvpLabel')}
            data-testid="invitee-rsvp"
          />
          {session.actions.canTakeAttendance && (
            <Group gap={4}>
              {(['present', 'absent'] as const).map((status) => (
                <Button
                  key={status}
                  size="compact-md"
                  variant={invitee.attendance === status ? 'filled' : 'default'}
                  color={status === 'present' ? 'green' : 'red'}
                  loading={mark.isPending && mark.variables?.[0]?.status === status}
                  onClick={() => mark.mutate([{ personId: invitee.personId, status }])}
                  data-testid={`mark-${status}`}
                >
                  {t(`training.attendance.${status}`)}
                </Button>
              ))}
            </Group>
          )}
        </Group>
      </Group>
      {failure && (
        <Text size="xs" c="red" role="alert">
          {errorText(failure, t)}
        </Text>
      )}
    </Paper>
  );
};

const Invitees = ({ session }: { session: TSession }) => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<TInviteeFilter>({ rsvp: null, attendance: null });
  const invitees = useInvitees(session.id, filter);
  return (
    <Stack gap="xs">
      <Group grow>
        <Select
          label={t('training.rsvpLabel')}
          clearable
          value={filter.rsvp}
          onChange={(v) => setFilter((f) => ({ ...f, rsvp: v as TInviteeFilter['rsvp'] }))}
          data={[
            ...RSVP_RESPONSES.map((r) => ({ value: r, label: t(`training.rsvp.${r}`) })),
            { value: 'none', label: t('training.noAnswer') },
          ]}
        />
        <Select
          label={t('training.attendanceLabel')}
          clearable
          value={filter.attendance}
          onChange={(v) => setFilter((f) => ({ ...f, attendance: v as TInviteeFilter['attendance'] }))}
          data={[
            { value: 'present', label: t('training.attendance.present') },
            { value: 'absent', label: t('training.attendance.absent') },
            { value: 'none', label: t('training.unmarked') },
          ]}
        />
      </Group>
      {invitees.isPending && <Skeleton height={48} />}
      {invitees.isError && <ErrorState error={invitees.error} onRetry={() => void invitees.refetch()} />}
      {invitees.data && invitees.items.length === 0 && <EmptyState>{t('training.noInvitees')}</EmptyState>}
      {invitees.items.map((i) => (
        <InviteeRow key={i.personId} session={session} invitee={i} />
      ))}
      {invitees.hasNextPage && (
        <Button variant="default" onClick={() => void invitees.fetchNextPage()} loading={invitees.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
};

const Figure = ({ label, value }: { label: string; value: string }) => (
  <Paper withBorder radius="md" p="xs">
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={700} size="lg">
      {value}
    </Text>
  </Paper>
);

const SessionView = ({ session }: { session: TSession }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(`${session.courseName} · ${t('app.name')}`);
  const [editing, setEditing] = useState(false);
  const update = useUpdateSession(session.id);
  const history = useTrainingHistory(`/training-sessions/${session.id}/history`);
  const c = session.counts;
  const n = (x: number) => formatNumber(x, lang);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/trainings/${session.courseId}`} size="sm">
        ← {displayName({ name: session.courseName, nameHi: session.courseNameHi }, lang)}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h3" data-testid="session-title">
            {formatDateTime(session.startsAt, lang, 'Asia/Kolkata')}
            {session.title ? ` · ${session.title}` : ''}
          </Title>
          <Text size="sm" c="dimmed">
            <Badge variant="light" mr="xs">
              {t(`training.${session.mode}`)}
            </Badge>
            {displayName(session.unit, lang)} ·{' '}
            {session.mode === 'online' && session.link ? (
              <Anchor href={session.link} target="_blank" rel="noreferrer">
                {session.link}
              </Anchor>
            ) : (
              session.venue
            )}
          </Text>
          {session.trainer && <Text size="sm">{t('training.trainerIs', { name: personName(session.trainer, lang) })}</Text>}
        </div>
        {session.actions.canEdit && !session.isCancelled && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('training.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => update.mutate({ isCancelled: true })} loading={update.isPending}>
              {t('training.cancelSession')}
            </Button>
          </Group>
        )}
      </Group>
      {session.isCancelled && <Alert color="red">{t('training.cancelled')}</Alert>}
      {update.isError && <Alert color="red">{errorText(update.error, t)}</Alert>}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Figure label={t('training.invitedLabel')} value={n(c.invited)} />
        <Figure label={t('training.yesOfCapacity')} value={`${n(c.yes)} / ${n(session.capacity)}`} />
        <Figure label={t('training.attendance.present')} value={n(c.present)} />
        <Figure label={t('training.attendance.absent')} value={n(c.absent)} />
      </SimpleGrid>
      <Tabs defaultValue="invitees" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="invitees">{t('training.invitees')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('training.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="invitees" pt="md">
          <Stack gap="md">
            {session.actions.canInvite && <InvitePanel sessionId={session.id} />}
            <Invitees session={session} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryView history={history} subject="unit" />
        </Tabs.Panel>
      </Tabs>
      <SessionFormModal opened={editing} onClose={() => setEditing(false)} courseId={session.courseId} session={session} />
    </Stack>
  );
};

const SessionLoader = ({ id }: { id: number }) => <RecordView query={useSession(id)}>{(s) => <SessionView session={s} />}</RecordView>;

/** /training-sessions/:id — a session: invite, take RSVPs and attendance (phone-friendly), history. */
export const SessionPage = () => <RecordRoute>{(id) => <SessionLoader id={id} />}</RecordRoute>;
