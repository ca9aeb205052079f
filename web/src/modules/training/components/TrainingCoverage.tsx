import { Paper, Progress, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useCourses, useCoverage } from '../hooks/useTraining';
import { percent } from '../posts';

/** What share of the unit's current office bearers (itself and below) completed a course, or any course. */
export const TrainingCoverage = ({ unitId }: { unitId: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [courseId, setCourseId] = useState<string | null>(null);
  const courses = useCourses({ q: '', unit: null });
  const coverage = useCoverage(unitId, courseId ? Number(courseId) : null);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="training-coverage">
      <Stack gap="xs">
        <Text fw={600}>{t('training.coverageTitle')}</Text>
        <Select
          label={t('training.course')}
          placeholder={t('training.anyCourse')}
          clearable
          value={courseId}
          onChange={setCourseId}
          data={courses.items.map((c) => ({ value: String(c.id), label: displayName(c, lang) }))}
        />
        {coverage.isPending && <Skeleton height={30} />}
        {coverage.isError && <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />}
        {coverage.data && (
          <>
            <Progress value={percent(coverage.data.share)} size="lg" aria-label={t('training.coverageTitle')} />
            <Text size="sm" data-testid="coverage-text">
              {t('training.coverageLine', {
                completed: formatNumber(coverage.data.completed, lang),
                total: formatNumber(coverage.data.officeBearers, lang),
                percent: percent(coverage.data.share),
              })}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
};
