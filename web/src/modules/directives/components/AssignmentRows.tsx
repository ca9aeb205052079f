import type { TAssignment } from '@samiti/common';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { displayName } from '../../../lib/names';
import { PhotoStrip } from './PhotoStrip';
import { StatusBadge } from './StatusBadge';

/** The assignments under a unit of a directive's roll-up: who, status, report. */
export const AssignmentRows = ({ items, hasMore, onMore }: { items: TAssignment[]; hasMore: boolean; onMore: () => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  if (items.length === 0) return <EmptyState>{t('directives.noAssignments')}</EmptyState>;
  return (
    <Stack gap={6} data-testid="assignment-rows">
      {items.map((a) => (
        <Paper key={a.id} withBorder p="xs" radius="md" data-testid="assignment-row">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={500}>
                {displayName(a.unit, lang)}
              </Text>
              <Text size="xs" c={a.isVacant ? 'orange' : 'dimmed'}>
                {a.isVacant ? t('directives.vacant') : a.person ? displayName({ name: a.person.name ?? a.person.nameHi ?? '', nameHi: a.person.nameHi }, lang) : t('directives.wholeUnit')}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap">
              <StatusBadge status={a.status} isOverdue={a.isOverdue} />
            </Group>
          </Group>
          {a.report.text && (
            <Text size="xs" mt={4}>
              {a.report.text}
            </Text>
          )}
          {a.report.numbers && Object.keys(a.report.numbers).length > 0 && (
            <Text size="xs" c="dimmed">
              {Object.entries(a.report.numbers)
                .map(([k, v]) => `${k}: ${v}`)
                .join(' · ')}
            </Text>
          )}
          <PhotoStrip ids={a.report.photoFileIds} />
          {a.declineReason && (
            <Text size="xs" c="dimmed">
              {t('directives.declinedBecause', { reason: a.declineReason })}
            </Text>
          )}
        </Paper>
      ))}
      {hasMore && (
        <Button variant="light" onClick={onMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
};
