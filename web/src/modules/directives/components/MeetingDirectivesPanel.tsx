import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { useMeeting } from '../../meetings/hooks/useMeetings';
import { useMeetingDirectives } from '../hooks/useDirectives';
import { DirectiveFormModal } from './DirectiveFormModal';
import { DirectiveList } from './DirectiveList';

/** The meeting page's directives: those issued from this meeting, and "new directive" from it. */
export const MeetingDirectivesPanel = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const meetingId = Number(useParams().id);
  const meeting = useMeeting(meetingId);
  const list = useMeetingDirectives(meetingId);
  const [isCreating, setCreating] = useState(false);
  const m = meeting.data;
  return (
    <Stack gap="xs" data-testid="meeting-directives">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('directives.ofMeeting')}
        </Title>
        {m && m.status !== 'cancelled' && Object.values(m.actions).some(Boolean) && (
          <Button size="xs" onClick={() => setCreating(true)} data-testid="meeting-directive-new">
            {t('directives.new')}
          </Button>
        )}
      </Group>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data ? (
        <DirectiveList items={list.data.items} hasMore={false} onMore={() => undefined} isLoadingMore={false} />
      ) : (
        <Text c="dimmed">{t('common.loading')}</Text>
      )}
      {m && (
        <DirectiveFormModal
          opened={isCreating}
          onClose={() => setCreating(false)}
          unit={m.unit}
          meetingId={m.id}
          onCreated={(id, isBackground) => {
            setCreating(false);
            if (!isBackground) void navigate(`/directives/${id}`);
          }}
        />
      )}
    </Stack>
  );
};
