import type { TMyTraining } from '@samiti/common';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useMyTrainings, useRsvpMine } from '../hooks/useTraining';

/** One invitation: when and where, the seats, and the invitee's own yes / no. */
const MyTrainingRow = ({ item }: { item: TMyTraining }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const { session } = item;
  const answer = useRsvpMine(session.id);
  const course = lang === 'hi' ? (session.courseNameHi ?? session.courseName) : session.courseName;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="my-training" data-session-id={session.id}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{course}</Text>
          <Text size="sm" c="dimmed">
            {formatDateTime(session.startsAt, lang, 'Asia/Kolkata')} · {displayName(session.unit, lang)} ·{' '}
            {session.mode === 'online' && session.link ? (
              <Anchor href={session.link} target="_blank" rel="noreferrer">
                {t('training.online')}
              </Anchor>
            ) : (
              session.venue
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {t('training.mine.seats', { yes: session.counts.yes, capacity: session.capacity })}
          </Text>
        </div>
        <Group gap="xs" wrap="wrap">
          {item.rsvp && (
            <Badge variant="light" color={item.rsvp === 'yes' ? 'green' : 'gray'} data-testid="my-training-answer">
              {t('training.mine.yourAnswer', { answer: t(`training.rsvp.${item.rsvp}`) })}
            </Badge>
          )}
          {item.canRsvp ? (
            <>
              <Button
                size="compact-md"
                color="green"
                variant={item.rsvp === 'yes' ? 'filled' : 'default'}
                disabled={item.isFull}
                loading={answer.isPending && answer.variables === 'yes'}
                onClick={() => answer.mutate('yes')}
                data-testid="my-training-yes"
              >
                {t('training.mine.coming')}
              </Button>
              <Button
                size="compact-md"
                color="red"
                variant={item.rsvp === 'no' ? 'filled' : 'default'}
                loading={answer.isPending && answer.variables === 'no'}
                onClick={() => answer.mutate('no')}
                data-testid="my-training-no"
              >
                {t('training.mine.notComing')}
              </Button>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {session.isCancelled ? t('training.cancelled') : t('training.mine.closed')}
            </Text>
          )}
        </Group>
      </Group>
      {item.canRsvp && item.isFull && (
        <Text size="sm" c="orange" mt={4} data-testid="my-training-full">
          {t('training.mine.full')}
        </Text>
      )}
      {answer.error && (
        <Alert color="red" mt="xs" data-testid="my-training-error">
          {errorText(answer.error, t)}
        </Alert>
      )}
    </Paper>
  );
};

/** "My trainings": the sessions the logged-in user (their linked person) is invited to. Hidden when there are none. */
export const MyTrainings = () => {
  const { t } = useTranslation();
  const mine = useMyTrainings();
  if (mine.isPending || mine.isError || mine.items.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="my-trainings">
      <div>
        <Title order={3}>{t('training.mine.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('training.mine.description')}
        </Text>
      </div>
      {mine.items.map((item) => (
        <MyTrainingRow key={item.session.id} item={item} />
      ))}
      {mine.hasNextPage && (
        <Button variant="default" onClick={() => void mine.fetchNextPage()} loading={mine.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
};
