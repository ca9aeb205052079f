import type { TUnit } from '@samiti/common';
import { Alert, Badge, Button, Group, Paper, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { driveKeys } from '../../membership/api';
import { personKeys } from '../../people/api';
import { postKeys } from '../../posts/api';
import { unitKeys } from '../../units/api';
import { useImportJob } from '../hooks/useImport';
import { isJobFinished, jobPercent, type TImportJob } from '../upload';
import { ImportCounts } from './ImportReport';

const STATUS_COLOR: Record<TImportJob['status'], string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };

/** The background import: a bar of rows processed, asked again every second, then the outcome. */
export const JobStatus = ({ jobId, unit, driveId, onAnother }: { jobId: number; unit: TUnit; driveId: string; onAnother: () => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const job = useImportJob(jobId);
  const data = job.data;
  const queryClient = useQueryClient();
  const isDone = data?.status === 'done';
  // New people and appointments now show in lists, post slots and unit histories.
  useEffect(() => {
    if (!isDone) return;
    void queryClient.invalidateQueries({ queryKey: personKeys.all });
    void queryClient.invalidateQueries({ queryKey: postKeys.all });
    void queryClient.invalidateQueries({ queryKey: unitKeys.all });
    void queryClient.invalidateQueries({ queryKey: driveKeys.all });
  }, [isDone, queryClient]);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('imports.jobTitle')}
          </Title>
          {data && (
            <Text component="div" data-testid="import-status" data-status={data.status}>
              <Badge color={STATUS_COLOR[data.status]} variant="light" size="lg">
                {t(`imports.statuses.${data.status}`)}
              </Badge>
            </Text>
          )}
        </Group>
        {!data && job.isError && <ErrorState error={job.error} onRetry={() => void job.refetch()} />}
        {!data && !job.isError && <Skeleton height={16} radius="xl" />}
        {data && (
          <>
            <Progress
              value={jobPercent(data)}
              size="xl"
              radius="xl"
              color={data.status === 'failed' ? 'red' : 'teal'}
              animated={!isJobFinished(data.status)}
              aria-label={t('imports.progress', { processed: formatNumber(data.processed, lang), total: formatNumber(data.total, lang) })}
              data-testid="import-progress"
            />
            <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('imports.progress', { processed: formatNumber(data.processed, lang), total: formatNumber(data.total, lang) })}
            </Text>
            {data.status === 'done' && (
              <Alert color="teal" role="status">
                {t('imports.doneBody')}
              </Alert>
            )}
            {data.status === 'done' && data.report && <ImportCounts report={data.report} />}
            {data.status === 'failed' && (
              <Alert color="red" role="alert">
                <Text size="sm" fw={500}>
                  {t('imports.failedBody')}
                </Text>
                {data.error && <Text size="sm">{data.error}</Text>}
              </Alert>
            )}
            {isJobFinished(data.status) && (
              <Group gap="sm">
                {data.kind === 'members' && driveId ? (
                  <Button component={Link} to={`/drives/${driveId}`} variant="light" data-testid="import-to-drive">
                    {t('memberImports.toDrive')}
                  </Button>
                ) : (
                  <Button component={Link} to={`/units/${unit.id}?tab=people`} variant="light">
                    {t('imports.back', { unit: displayName(unit, lang) })}
                  </Button>
                )}
                <Button variant="default" onClick={onAnother} data-testid="import-another">
                  {t('imports.another')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
};
