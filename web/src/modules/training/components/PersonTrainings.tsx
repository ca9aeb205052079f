import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDateTime } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { usePersonTrainings } from '../hooks/useTraining';

/** A person's training history: each course with sessions attended against those required. */
export const PersonTrainings = ({ personId }: { personId: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const trainings = usePersonTrainings(personId);
  if (trainings.isPending) return <Skeleton height={60} />;
  if (trainings.isError) return <ErrorState error={trainings.error} onRetry={() => void trainings.refetch()} />;
  if (trainings.data.length === 0) return <EmptyState>{t('training.personEmpty')}</EmptyState>;
  return (
    <Stack gap="xs" data-testid="person-trainings">
      {trainings.data.map((c) => (
        <Paper key={c.courseId} withBorder radius="md" p="sm">
          <Group justify="space-between">
            <Anchor component={Link} to={`/trainings/${c.courseId}`} fw={600}>
              {displayName({ name: c.courseName, nameHi: c.courseNameHi }, lang)}
            </Anchor>
            <Badge color={c.isComplete ? 'green' : 'gray'} data-testid="training-status">
              {c.isComplete ? t('training.complete') : t('training.attendedOf', { attended: c.attended, required: c.requiredSessions })}
            </Badge>
          </Group>
          {c.sessions.map((s) => (
            <Text key={s.sessionId} size="sm" c="dimmed">
              <Anchor component={Link} to={`/training-sessions/${s.sessionId}`} size="sm">
                {formatDateTime(s.startsAt, lang, 'Asia/Kolkata')}
              </Anchor>{' '}
              · {displayName(s.unit, lang)} ·{' '}
              {s.isCancelled
                ? t('training.cancelled')
                : s.attendance
                  ? t(`training.attendance.${s.attendance}`)
                  : s.rsvp
                    ? t(`training.rsvp.${s.rsvp}`)
                    : t('training.noAnswer')}
            </Text>
          ))}
        </Paper>
      ))}
    </Stack>
  );
};
