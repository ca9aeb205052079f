import type { TUnit } from '@samiti/common';
import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDate, formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useMe } from '../../auth/hooks/useMe';
import { canRunMeetingsAt } from '../../meetings/permissions';
import { useAncestors } from '../../units/hooks/useUnit';
import { useUnitCirculars, useUnitDirectives } from '../hooks/useDirectives';
import { CircularFormModal } from './CircularFormModal';
import { DirectiveFormModal } from './DirectiveFormModal';
import { DirectiveList } from './DirectiveList';
import { RollupBar } from './RollupTable';

/** The unit page's Directives tab: directives issued by the unit or reaching it, and its circulars. */
export const DirectivesPanel = ({ unit }: { unit: TUnit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const [scope, setScope] = useState<'issued' | 'received'>('issued');
  const [cScope, setCScope] = useState<'sent' | 'received'>('received');
  const [isCreating, setCreating] = useState(false);
  const [isSending, setSending] = useState(false);
  const list = useUnitDirectives(unit.id, scope);
  const circulars = useUnitCirculars(unit.id, cScope);
  const { data: me } = useMe();
  const ancestors = useAncestors(unit.id);
  // Issuing needs office bearer or above over the unit, like running its meetings; the server decides.
  const canIssue = unit.deletedAt === null && me !== undefined && ancestors.data !== undefined && canRunMeetingsAt(me.grants, unit.id, ancestors.data.map((a) => a.id));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v === 'received' ? 'received' : 'issued')}
          data={[
            { value: 'issued', label: t('directives.issued') },
            { value: 'received', label: t('directives.received') },
          ]}
          data-testid="directives-scope"
        />
        {canIssue && (
          <Button onClick={() => setCreating(true)} data-testid="directive-new">
            {t('directives.new')}
          </Button>
        )}
      </Group>
      {list.error ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.isPending ? <Text c="dimmed">{t('common.loading')}</Text> : (
        <DirectiveList items={list.items} hasMore={list.hasNextPage} onMore={() => void list.fetchNextPage()} isLoadingMore={list.isFetchingNextPage} />
      )}
      <Group justify="space-between" mt="md">
        <Title order={3} size="h4">
          {t('directives.circulars.title')}
        </Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={cScope}
            onChange={(v) => setCScope(v === 'sent' ? 'sent' : 'received')}
            data={[
              { value: 'received', label: t('directives.received') },
              { value: 'sent', label: t('directives.circulars.sent') },
            ]}
          />
          {canIssue && (
            <Button size="xs" variant="light" onClick={() => setSending(true)} data-testid="circular-new">
              {t('directives.circulars.new')}
            </Button>
          )}
        </Group>
      </Group>
      {circulars.error ? (
        <ErrorState error={circulars.error} onRetry={() => void circulars.refetch()} />
      ) : circulars.items.length === 0 ? (
        <EmptyState>{t('directives.circulars.empty')}</EmptyState>
      ) : (
        <Stack gap="xs">
          {circulars.items.map((c) => (
            <Paper key={c.id} withBorder p="sm" radius="md" data-testid="circular-item">
              <Anchor component={Link} to={`/circulars/${c.id}`} fw={500}>
                {c.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('directives.fromUnit', { unit: displayName(c.unit, lang) })} · {formatDate(c.createdAt.slice(0, 10), lang)}
              </Text>
              <Group gap="sm" mt={6} wrap="nowrap">
                <div style={{ flex: 1 }}>
                  <RollupBar counts={c.counts} size="sm" />
                </div>
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {t('directives.circulars.nAcknowledged', { done: formatNumber(c.counts.done, lang), total: formatNumber(c.counts.total, lang) })}
                </Text>
              </Group>
            </Paper>
          ))}
          {circulars.hasNextPage && (
            <Button variant="light" onClick={() => void circulars.fetchNextPage()} loading={circulars.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      )}
      <DirectiveFormModal
        opened={isCreating}
        onClose={() => setCreating(false)}
        unit={unit}
        onCreated={(id, isBackground) => {
          setCreating(false);
          if (!isBackground) void navigate(`/directives/${id}`);
        }}
      />
      <CircularFormModal
        opened={isSending}
        onClose={() => setSending(false)}
        unit={unit}
        onCreated={(id) => {
          setSending(false);
          void navigate(`/circulars/${id}`);
        }}
      />
    </Stack>
  );
};
