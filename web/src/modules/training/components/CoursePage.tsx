import type { TCourseDetail, TSession } from '@samiti/common';
import { Anchor, Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RecordRoute, RecordView } from '../../../components/RecordRoute';
import { EmptyState } from '../../../components/EmptyState';
import { formatDateTime } from '../../../lib/format';
import { displayName, pickNames } from '../../../lib/names';
import { HistoryView } from '../../units/components/HistoryList';
import { useCourse, useTrainingHistory } from '../hooks/useTraining';
import { CourseFormModal } from './CourseFormModal';
import { SessionFormModal } from './SessionFormModal';

export const SessionLine = ({ session }: { session: TSession }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const c = session.counts;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component={Link}
      to={`/training-sessions/${session.id}`}
      data-testid="session-row"
      style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} td={session.isCancelled ? 'line-through' : undefined}>
          {formatDateTime(session.startsAt, lang, 'Asia/Kolkata')}
          {session.title ? ` · ${session.title}` : ''}
        </Text>
        <Badge variant="light" color={session.mode === 'online' ? 'blue' : 'grape'}>
          {t(`training.${session.mode}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {displayName(session.unit, lang)} · {session.mode === 'online' ? session.link : session.venue}
      </Text>
      <Text size="sm">
        {session.isCancelled
          ? t('training.cancelled')
          : t('training.countsLine', { invited: c.invited, yes: c.yes, capacity: session.capacity, present: c.present })}
      </Text>
    </Paper>
  );
};

const CourseView = ({ course }: { course: TCourseDetail }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const names = pickNames(course, lang);
  useDocumentTitle(`${names.primary} · ${t('app.name')}`);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const history = useTrainingHistory(`/trainings/${course.id}/history`);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/trainings" size="sm">
        ← {t('training.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" data-testid="course-title">
            {names.primary}
          </Title>
          {names.secondary && <Text c="dimmed">{names.secondary}</Text>}
          <Text size="sm" c="dimmed">
            {displayName(course.unit, lang)} · {t('training.needs', { count: course.requiredSessions })}
          </Text>
          {course.description && <Text size="sm">{course.description}</Text>}
        </div>
        {course.actions.canEdit && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('training.edit')}
            </Button>
            <Button onClick={() => setAdding(true)} data-testid="session-create">
              {t('training.newSession')}
            </Button>
          </Group>
        )}
      </Group>
      <Tabs defaultValue="sessions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sessions">{t('training.sessions')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('training.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sessions" pt="md">
          {course.sessions.length === 0 ? (
            <EmptyState>{t('training.noSessions')}</EmptyState>
          ) : (
            <Stack gap="xs" data-testid="session-list">
              {course.sessions.map((s) => (
                <SessionLine key={s.id} session={s} />
              ))}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryView history={history} subject="unit" />
        </Tabs.Panel>
      </Tabs>
      <CourseFormModal opened={editing} onClose={() => setEditing(false)} course={course} />
      <SessionFormModal opened={adding} onClose={() => setAdding(false)} courseId={course.id} />
    </Stack>
  );
};

const CourseLoader = ({ id }: { id: number }) => <RecordView query={useCourse(id)}>{(c) => <CourseView course={c} />}</RecordView>;

/** /trainings/:id — a course, its sessions and its history. */
export const CoursePage = () => <RecordRoute>{(id) => <CourseLoader id={id} />}</RecordRoute>;
