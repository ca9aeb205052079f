import type { THealthSignal } from '@samiti/common';
import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const STATE_COLOR: Record<THealthSignal['state'], string> = { ok: 'green', weak: 'red', 'no-data': 'gray' };

/** Each signal as a small card: its name, state colour, value against the threshold, and the reason. */
export const SignalList = ({ signals }: { signals: THealthSignal[] }) => {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" data-testid="health-signals">
      {signals.map((s) => (
        <Paper key={s.key} withBorder radius="md" p="xs" data-testid={`signal-${s.key}`} data-state={s.state}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600}>
              {t(`health.signal.${s.key}`)}
            </Text>
            <Badge color={STATE_COLOR[s.state]} variant="light" size="sm">
              {t(`health.state.${s.state}`)}
            </Badge>
          </Group>
          <Text size="sm">{s.reason}</Text>
          {s.state !== 'no-data' && (
            <Text size="xs" c="dimmed">
              {t(s.unit === 'days' || s.key === 'directivesOverdue' ? 'health.thresholdMax' : 'health.thresholdMin', {
                value: s.threshold,
                unit: s.unit === 'days' ? t('health.days') : s.unit === 'percent' ? '%' : '',
              })}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
};
