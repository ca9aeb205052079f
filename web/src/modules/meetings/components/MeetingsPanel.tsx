import { MEETING_STATUSES, MEETING_TYPES, type TMeeting, type TMeetingStatus, type TMeetingType, type TUnit } from '@samiti/common';
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useMe } from '../../auth/hooks/useMe';
import { useAncestors } from '../../units/hooks/useUnit';
import type { TMeetingFilter } from '../api';
import { useUnitMeetings } from '../hooks/useMeetings';
import { canRunMeetingsAt } from '../permissions';
import { MeetingFormModal } from './MeetingFormModal';
import { MeetingStatusBadge } from './MeetingStatusBadge';

const MeetingCard = ({ meeting }: { meeting: TMeeting }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const c = meeting.counts;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="meeting-row" data-meeting-id={meeting.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600} lang={/[\u0900-\u097f]/.test(meeting.title) ? 'hi' : undefined}>
            {meeting.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t(`meetings.types.${meeting.type}`)} · {formatDateTime(meeting.startsAt, lang, 'Asia/Kolkata')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('meetings.countsShort', { invited: formatNumber(c.invited, lang), present: formatNumber(c.present, lang) })}
          </Text>
        </div>
        <MeetingStatusBadge status={meeting.status} />
      </Group>
    </Paper>
  );
};

const EMPTY: TMeetingFilter = { type: null, status: null, from: '', to: '' };

/** The unit page's "Meetings" tab: its meetings newest first, filtered, 20 at a time, with "new meeting" for those who run them. */
export const MeetingsPanel = ({ unit }: { unit: TUnit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const [filter, setFilter] = useState<TMeetingFilter>(EMPTY);
  const [creating, setCreating] = useState(false);
  const meetings = useUnitMeetings(unit.id, filter);
  const { data: me } = useMe();
  const ancestors = useAncestors(unit.id);
  const canCreate =
    unit.deletedAt === null && me !== undefined && ancestors.data !== undefined && canRunMeetingsAt(me.grants, unit.id, ancestors.data.map((a) => a.id));
  const { items } = meetings;
  const isFiltered = filter.type !== null || filter.status !== null || filter.from !== '' || filter.to !== '';

  const list = () => {
    if (meetings.isPending)
      return (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={64} radius="md" />
          ))}
        </Stack>
      );
    if (meetings.isError && items.length === 0) return <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />;
    if (items.length === 0) return <EmptyState>{isFiltered ? t('meetings.emptyFiltered') : t('meetings.empty')}</EmptyState>;
    return (
      <Stack gap="xs" data-testid="meetings-list">
        {items.map((m) => (
          <MeetingCard key={m.id} meeting={m} />
        ))}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('meetings.shown', { shown: formatNumber(items.length, lang) })}
          </Text>
          {meetings.hasNextPage && (
            <Button variant="light" onClick={() => void meetings.fetchNextPage()} loading={meetings.isFetchingNextPage} data-testid="meetings-load-more">
              {t('common.loadMore')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  };

  return (
    <Stack gap="md" data-testid="meetings-panel">
      <Group justify="space-between">
        <Text fw={600}>{t('meetings.title')}</Text>
        {canCreate && (
          <Button onClick={() => setCreating(true)} data-testid="meeting-new">
            {t('meetings.new')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Select
          label={t('meetings.type')}
          placeholder={t('meetings.allTypes')}
          data={MEETING_TYPES.map((v) => ({ value: v, label: t(`meetings.types.${v}`) }))}
          value={filter.type}
          onChange={(v) => setFilter((f) => ({ ...f, type: (v as TMeetingType | null) ?? null }))}
          clearable
          data-testid="meetings-filter-type"
        />
        <Select
          label={t('meetings.status')}
          placeholder={t('meetings.allStatuses')}
          data={MEETING_STATUSES.map((v) => ({ value: v, label: t(`meetings.statuses.${v}`) }))}
          value={filter.status}
          onChange={(v) => setFilter((f) => ({ ...f, status: (v as TMeetingStatus | null) ?? null }))}
          clearable
          data-testid="meetings-filter-status"
        />
        <TextInput type="date" label={t('meetings.from')} value={filter.from} onChange={(e) => setFilter((f) => ({ ...f, from: e.currentTarget.value }))} />
        <TextInput type="date" label={t('meetings.to')} value={filter.to} onChange={(e) => setFilter((f) => ({ ...f, to: e.currentTarget.value }))} />
      </SimpleGrid>
      {list()}
      {creating && <MeetingFormModal unit={unit} onClose={() => setCreating(false)} onCreated={(m) => navigate(`/meetings/${m.id}`)} />}
    </Stack>
  );
};
