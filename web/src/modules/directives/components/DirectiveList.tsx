import type { TDirective } from '@samiti/common';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { formatDate, formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { RollupBar } from './RollupTable';

/** Directives as cards: text, issuer, due date, n of N done with a bar, overdue flagged. */
export const DirectiveList = ({ items, hasMore, onMore, isLoadingMore }: { items: TDirective[]; hasMore: boolean; onMore: () => void; isLoadingMore: boolean }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  if (items.length === 0) return <EmptyState>{t('directives.empty')}</EmptyState>;
  return (
    <Stack gap="xs" data-testid="directive-list">
      {items.map((d) => (
        <Paper key={d.id} withBorder p="sm" radius="md" data-testid="directive-item" data-directive-id={d.id}>
          <Anchor component={Link} to={`/directives/${d.id}`} fw={500} data-testid="directive-link">
            {d.text}
          </Anchor>
          <Group gap="xs" mt={4}>
            <Text size="xs" c="dimmed">
              {t('directives.fromUnit', { unit: displayName(d.unit, lang) })} · {t('directives.due', { date: formatDate(d.dueDate, lang) })}
            </Text>
            {d.isOverdue && (
              <Badge size="xs" color="red">
                {t('directives.overdue')}
              </Badge>
            )}
          </Group>
          <Group gap="sm" mt={6} wrap="nowrap">
            <div style={{ flex: 1 }}>
              <RollupBar counts={d.counts} size="sm" />
            </div>
            <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
              {t('directives.nOfN', { done: formatNumber(d.counts.done, lang), total: formatNumber(d.counts.total, lang) })}
            </Text>
          </Group>
        </Paper>
      ))}
      {hasMore && (
        <Button variant="light" onClick={onMore} loading={isLoadingMore} data-testid="directives-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
};
