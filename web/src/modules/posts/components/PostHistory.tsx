import { Button, Paper, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useUnitTenures } from '../hooks/usePosts';
import { TenureTable } from './TenureTable';

/** Everyone who has held a post in the unit, current and former, newest first, a page at a time. */
export const PostHistory = ({ unitId }: { unitId: number }) => {
  const { t } = useTranslation();
  const tenures = useUnitTenures(unitId);
  if (tenures.isPending) {
    return (
      <Stack gap="xs" aria-busy="true">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={40} radius="sm" />
        ))}
      </Stack>
    );
  }
  if (tenures.isError) return <ErrorState error={tenures.error} onRetry={() => void tenures.refetch()} />;
  if (tenures.items.length === 0) return <EmptyState>{t('posts.historyEmpty')}</EmptyState>;
  return (
    <Stack gap="xs">
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }} data-testid="post-history">
        <TenureTable items={tenures.items} show="person" />
      </Paper>
      {tenures.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void tenures.fetchNextPage()}
          loading={tenures.isFetchingNextPage}
          data-testid="post-history-more"
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
};
