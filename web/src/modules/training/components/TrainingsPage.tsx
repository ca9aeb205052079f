import type { TCourse } from '@samiti/common';
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { CursorList } from '../../../components/CursorList';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { displayName, pickNames } from '../../../lib/names';
import { useMe } from '../../auth/hooks/useMe';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { useCourses } from '../hooks/useTraining';
import { CourseFormModal } from './CourseFormModal';
import { MyTrainings } from './MyTrainings';

const CourseCard = ({ course }: { course: TCourse }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const names = pickNames(course, lang);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component={Link}
      to={`/trainings/${course.id}`}
      data-testid="course-row"
      style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{names.primary}</Text>
          {names.secondary && (
            <Text size="sm" c="dimmed">
              {names.secondary}
            </Text>
          )}
        </div>
        <Badge variant="light">{t('training.sessionsCount', { count: course.sessionCount })}</Badge>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {displayName(course.unit, lang)} · {t('training.needs', { count: course.requiredSessions })}
        {course.nextSessionAt && ` · ${t('training.next', { when: formatDateTime(course.nextSessionAt, lang, 'Asia/Kolkata') })}`}
      </Text>
    </Paper>
  );
};

/** /trainings — training courses in the user's area, filtered by unit and name, 30 at a time. */
export const TrainingsPage = () => {
  const { t } = useTranslation();
  useDocumentTitle(`${t('training.title')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  const [creating, setCreating] = useState(false);
  const courses = useCourses({ q: debounced, unit: unit?.id ?? null });
  const canCreate = me?.grants.some((g) => g.role !== 'viewer') ?? false;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('training.title')}
        description={t('training.pageDescription')}
        actions={
          canCreate && (
            <Button onClick={() => setCreating(true)} data-testid="course-create">
              {t('training.newCourse')}
            </Button>
          )
        }
      />
      <MyTrainings />
      <Group align="flex-end" grow>
        <TextInput
          label={t('common.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder={t('training.searchPlaceholder')}
          data-testid="course-search"
        />
        <UnitPicker label={t('training.filterUnit')} value={unit} onChange={setUnit} />
      </Group>
      <CursorList
        query={courses}
        empty={t('training.empty')}
        testId="course-list"
        itemKey={(c) => c.id}
        renderItem={(c) => <CourseCard course={c} />}
      />
      <CourseFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(c) => void navigate(`/trainings/${c.id}`)} />
    </Stack>
  );
};
