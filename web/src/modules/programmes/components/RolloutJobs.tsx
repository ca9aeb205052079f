import type { TRolloutJob } from '@samiti/common';
import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { programmeKeys } from '../api';
import { useRolloutJob } from '../hooks/useProgrammes';

/** One background roll-out: polled while it is built; the programme's counts refresh once it is ready. */
const JobLine = ({ job }: { job: TRolloutJob }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const queryClient = useQueryClient();
  const live = useRolloutJob(job.id).data ?? job;
  useEffect(() => {
    if (live.status !== 'creating' && job.status === 'creating') void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
  }, [live.status, job.status, queryClient]);
  if (live.status === 'failed') {
    return (
      <Alert color="red" role="alert" data-testid="rollout-job">
        {t('programmes.rolloutFailed', { phase: live.phase, error: live.error ?? '' })}
      </Alert>
    );
  }
  if (live.status === 'ready') return null;
  return (
    <Alert color="blue" data-testid="rollout-job">
      <Stack gap={4}>
        <Text size="sm">
          {t('programmes.rolloutRunning', {
            phase: live.phase,
            created: formatNumber(live.created, lang),
            total: formatNumber(live.total, lang),
          })}
        </Text>
        <Progress value={live.total > 0 ? (100 * live.created) / live.total : 0} animated />
      </Stack>
    </Alert>
  );
};

/** Roll-outs of the programme still being built in the background (or failed): none of their events count yet. */
export const RolloutJobs = ({ jobs }: { jobs: TRolloutJob[] }) => (
  <>
    {jobs.map((j) => (
      <JobLine key={j.id} job={j} />
    ))}
  </>
);
