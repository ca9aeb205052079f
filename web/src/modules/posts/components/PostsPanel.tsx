import type { TPostSlot, TUnit } from '@samiti/common';
import { Anchor, Badge, Group, Skeleton, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatNumber } from '../../../lib/format';
import type { TUnitRef } from '../../people/components/UnitPicker';
import { useUnitPosts } from '../hooks/usePosts';
import { committeeSummary, type THolder } from '../slots';
import { AppointModal } from './AppointModal';
import { EndTenureModal, type THolderTarget } from './EndTenureModal';
import { PostHistory } from './PostHistory';
import { PostSlotCard } from './PostSlotCard';
import { ReplaceModal } from './ReplaceModal';

type TDialog = { kind: 'appoint'; slot: TPostSlot } | { kind: 'end' | 'replace'; slot: TPostSlot; holder: THolder };

const SlotsSkeleton = () => (
  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" aria-busy="true" data-testid="posts-loading">
    {[0, 1, 2, 3].map((i) => (
      <Skeleton key={i} height={96} radius="md" />
    ))}
  </SimpleGrid>
);

/** The unit page's "Posts" tab: every post slot with its holders and vacancies, or (?view=history) the post history. */
export const PostsPanel = ({ unit }: { unit: TUnit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [params] = useSearchParams();
  const showHistory = params.get('view') === 'history';
  const posts = useUnitPosts(unit.id);
  // The last dialog stays in state while its modal animates closed.
  const [dialog, setDialog] = useState<TDialog | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (next: TDialog) => {
    setDialog(next);
    setOpened(true);
  };
  const close = () => setOpened(false);
  const unitRef: TUnitRef = { id: unit.id, name: unit.name, nameHi: unit.nameHi, level: unit.level };
  const holderTarget: THolderTarget | null = dialog && dialog.kind !== 'appoint' ? { slot: dialog.slot, holder: dialog.holder } : null;

  if (showHistory) {
    return (
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {t('posts.historyTitle')}
          </Title>
          <Anchor component={Link} to="?tab=posts" replace size="sm" data-testid="posts-back">
            ← {t('posts.backToPosts')}
          </Anchor>
        </Group>
        <PostHistory unitId={unit.id} />
      </Stack>
    );
  }

  const body = () => {
    if (posts.isPending) return <SlotsSkeleton />;
    if (posts.isError) return <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />;
    if (posts.data.slots.length === 0) return <EmptyState>{t('posts.empty')}</EmptyState>;
    const summary = committeeSummary(posts.data);
    const counts = { filled: formatNumber(summary.filled, lang), total: formatNumber(summary.total, lang) };
    return (
      <Stack gap="sm">
        {summary.isBooth ? (
          <Badge
            size="xl"
            radius="sm"
            color={summary.color}
            variant={summary.isComplete ? 'filled' : 'light'}
            tt="none"
            data-testid="committee-badge"
            data-complete={summary.isComplete ? 'true' : 'false'}
            style={{ alignSelf: 'flex-start' }}
          >
            {summary.isComplete ? '✓ ' : ''}
            {t('posts.committee', counts)}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed" data-testid="posts-filled">
            {t('posts.filled', counts)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {posts.data.slots.map((slot) => (
            <PostSlotCard
              key={slot.post}
              slot={slot}
              canAppoint={posts.data.canAppoint}
              onAppoint={(s) => open({ kind: 'appoint', slot: s })}
              onEnd={(s, holder) => open({ kind: 'end', slot: s, holder })}
              onReplace={(s, holder) => open({ kind: 'replace', slot: s, holder })}
            />
          ))}
        </SimpleGrid>
      </Stack>
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Anchor component={Link} to="?tab=posts&view=history" size="sm" data-testid="post-history-link">
          {t('posts.historyLink')}
        </Anchor>
      </Group>
      {body()}
      <AppointModal
        unit={unitRef}
        slot={dialog?.kind === 'appoint' ? dialog.slot : null}
        opened={opened && dialog?.kind === 'appoint'}
        onClose={close}
      />
      <EndTenureModal target={holderTarget} opened={opened && dialog?.kind === 'end'} onClose={close} />
      <ReplaceModal unit={unitRef} target={holderTarget} opened={opened && dialog?.kind === 'replace'} onClose={close} />
    </Stack>
  );
};
