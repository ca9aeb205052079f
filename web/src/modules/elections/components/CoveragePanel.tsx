import { ASPIRANT_STAGES } from '@samiti/common';
import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { useCoverage } from '../hooks/useElections';

/** At a glance: how many seats have aspirants and a final candidate, and where the aspirants stand. */
export const CoveragePanel = ({ electionId }: { electionId: number }) => {
  const { t } = useTranslation();
  const cov = useCoverage(electionId);
  if (cov.isError) return <ErrorState error={cov.error} onRetry={() => void cov.refetch()} />;
  if (!cov.data) return null;
  const c = cov.data;
  const pct = (n: number) => (c.seats ? Math.round((n / c.seats) * 100) : 0);
  return (
    <Stack gap="md" data-testid="coverage">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="sm">
          <Text size="sm" c="dimmed">
            {t('elections.seats')}
          </Text>
          <Text size="xl" fw={700} data-testid="coverage-seats">
            {c.seats}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm" c="dimmed">
            {t('elections.withAspirants')}
          </Text>
          <Text size="xl" fw={700} data-testid="coverage-aspirants">
            {c.withAspirants} / {c.seats}
          </Text>
          <Progress value={pct(c.withAspirants)} mt={6} aria-label={t('elections.withAspirants')} />
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm" c="dimmed">
            {t('elections.withCandidate')}
          </Text>
          <Text size="xl" fw={700} data-testid="coverage-candidates">
            {c.withCandidate} / {c.seats}
          </Text>
          <Progress value={pct(c.withCandidate)} color="green" mt={6} aria-label={t('elections.withCandidate')} />
        </Paper>
      </SimpleGrid>
      <Group gap="lg">
        {ASPIRANT_STAGES.map((s) => (
          <Text key={s} size="sm">
            {t(`elections.stages.${s}`)}: <b>{c.byStage[s] ?? 0}</b>
          </Text>
        ))}
      </Group>
    </Stack>
  );
};
