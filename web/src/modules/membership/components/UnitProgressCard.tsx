import type { TProgress } from '@samiti/common';
import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { useLevelLabel } from '../../units/hooks/useLevelLabel';
import { progressColor, verifiedPercent } from '../progress';
import { ProgressBar } from './ProgressBar';

const Stat = ({ label, value, color, testId }: { label: string; value: string; color?: string; testId: string }) => (
  <div>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={700} size="lg" c={color} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value}
    </Text>
  </div>
);

/** The selected unit's enrolment against its target: the numbers, a bar, and how its sub-units' targets add up. */
export const UnitProgressCard = ({ progress, isStale }: { progress: TProgress; isStale: boolean }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const levelLabel = useLevelLabel();
  const row = progress.unit;
  const { primary, secondary } = pickNames(row.unit, lang);
  const percent = verifiedPercent(row);
  const n = (x: number) => formatNumber(x, lang);
  return (
    <Paper withBorder p="md" radius="md" style={{ opacity: isStale ? 0.6 : 1 }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={700} size="lg" lang={scriptLang(primary)} data-testid="progress-unit-name" style={{ overflowWrap: 'anywhere' }}>
              {primary}
            </Text>
            {secondary && (
              <Text size="xs" c="dimmed" lang={scriptLang(secondary)}>
                {secondary}
              </Text>
            )}
          </div>
          <Badge variant="light" tt="none" style={{ flexShrink: 0 }}>
            {levelLabel(row.unit.level)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm">
          <Stat label={t('progress.verified')} value={n(row.verified)} color="teal.8" testId="progress-verified" />
          <Stat label={t('progress.pending')} value={n(Math.max(0, row.enrolled - row.verified))} testId="progress-pending" />
          <Stat label={t('progress.rejected')} value={n(row.rejected)} testId="progress-rejected" />
          <Stat label={t('progress.target')} value={row.target === null ? '—' : n(row.target)} testId="progress-target" />
        </SimpleGrid>
        <ProgressBar row={row} size="xl" />
        <Text
          size="sm"
          fw={500}
          c={progressColor(percent) === 'gray' ? 'dimmed' : `${progressColor(percent)}.8`}
          data-testid="progress-summary"
        >
          {row.target !== null && row.target > 0 && percent !== null
            ? t('progress.ofTarget', { verified: n(row.verified), target: n(row.target), percent: n(percent) })
            : t('progress.noTargetLine', { verified: n(row.verified) })}
        </Text>
        {progress.children.length > 0 && progress.childTargetSum > 0 && (
          <Text size="xs" c="dimmed" data-testid="progress-child-target-sum">
            {t('progress.childTargetSum', { sum: n(progress.childTargetSum) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
};
