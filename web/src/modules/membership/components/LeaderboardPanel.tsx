import { Badge, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../../../components/Table.module.css';
import { formatNumber } from '../../../lib/format';
import { PersonName } from '../../people/components/PersonName';
import { useLeaderboard } from '../hooks/useDrives';

/** Enrollers under the unit, ranked by verified members they brought in; those meeting the drive's rule are active members. */
export const LeaderboardPanel = ({ driveId, unitId }: { driveId: number; unitId: number | null }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const board = useLeaderboard(driveId, unitId);
  const n = (x: number) => formatNumber(x, lang);

  if (board.isPending)
    return (
      <Stack gap="xs" aria-busy="true" data-testid="leaderboard-loading">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={40} radius="sm" />
        ))}
      </Stack>
    );
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const { items, activeRuleMinVerified } = board.data;
  return (
    <Stack gap="xs" data-testid="leaderboard">
      <Text size="sm" c="dimmed">
        {t('leaderboard.description')} {t('drives.activeRule', { count: activeRuleMinVerified })}
      </Text>
      {items.length === 0 ? (
        <EmptyState>{t('leaderboard.empty')}</EmptyState>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: board.isPlaceholderData ? 0.6 : 1 }}>
          <Table verticalSpacing="xs" className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>{t('leaderboard.colRank')}</Table.Th>
                <Table.Th>{t('leaderboard.colEnroller')}</Table.Th>
                <Table.Th ta="right">{t('progress.verified')}</Table.Th>
                <Table.Th ta="right" visibleFrom="xs">
                  {t('progress.enrolled')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={`${e.kind}-${e.id}`} data-testid="leaderboard-row" data-active={e.isActive ? 'true' : undefined}>
                  <Table.Td className={classes.num} fw={700}>
                    {n(e.rank)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <PersonName person={e} personId={e.kind === 'person' ? e.id : undefined} layout="inline" />
                      {e.isActive && (
                        <Badge size="sm" color="teal" tt="none" data-testid="leaderboard-active">
                          {t('leaderboard.active')}
                        </Badge>
                      )}
                      {e.kind === 'user' && (
                        <Badge size="xs" variant="outline" color="gray" tt="none">
                          {t('leaderboard.account')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" hiddenFrom="xs">
                      {t('progress.enrolled')}: {n(e.enrolled)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className={classes.num} fw={600}>
                    {n(e.verified)}
                  </Table.Td>
                  <Table.Td ta="right" visibleFrom="xs" className={classes.num}>
                    {n(e.enrolled)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
};
