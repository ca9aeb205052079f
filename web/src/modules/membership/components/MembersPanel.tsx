import { MEMBERSHIP_STATUSES, type TMembership, type TMembershipStatus } from '@samiti/common';
import { Badge, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../../../components/Table.module.css';
import { formatDate, formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { PersonName } from '../../people/components/PersonName';
import { formatPhone, personName } from '../../people/names';
import { useMembers } from '../hooks/useDrives';
import { MemberActions } from './MemberActions';

export const STATUS_COLOR: Record<TMembershipStatus, string> = { pending: 'yellow', verified: 'teal', rejected: 'red' };

const MemberRow = ({ member }: { member: TMembership }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const unitName = displayName(member.unit, lang);
  const by =
    member.channel === 'self'
      ? t('members.selfEnrolled')
      : member.enrolledBy
        ? t('members.enrolledBy', { name: personName(member.enrolledBy, lang) || '—' })
        : null;
  return (
    <Table.Tr data-testid="member-row" data-membership-id={member.id} data-status={member.status}>
      <Table.Td>
        <PersonName person={member.person} personId={member.person.id} layout="inline" testId="member-name" />
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatPhone(member.person.phone)} · <span lang={scriptLang(unitName)}>{unitName}</span>
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(member.createdAt, lang)}
          {by && ` · ${by}`}
        </Text>
        {member.status === 'rejected' && member.rejectionReason && (
          <Text size="xs" c="red.8">
            {t('members.reason', { reason: member.rejectionReason })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Badge color={STATUS_COLOR[member.status]} variant="light" tt="none" miw="max-content" data-testid="member-status">
            {t(`members.statuses.${member.status}`)}
          </Badge>
          {member.status === 'verified' && member.method && (
            <Text size="xs" c="dimmed">
              {t('members.verifiedBy', { method: t(`members.methods.${member.method}`) })}
            </Text>
          )}
          {member.isActive && (
            <Badge color="teal" size="xs" tt="none">
              {t('leaderboard.active')}
            </Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td ta="right">
        <MemberActions member={member} />
      </Table.Td>
    </Table.Tr>
  );
};

type Props = { driveId: number; unitId: number | null; status: TMembershipStatus | null; onStatus: (s: TMembershipStatus | null) => void };

/** Members enrolled under the unit, newest first, filtered by status, with verify / reject where allowed. */
export const MembersPanel = ({ driveId, unitId, status, onStatus }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const members = useMembers(driveId, { unit: unitId, status });
  const { items } = members;

  const body = () => {
    if (members.isPending)
      return (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={48} radius="sm" />
          ))}
        </Stack>
      );
    if (members.isError && items.length === 0) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
    if (items.length === 0) return <EmptyState>{status ? t('members.emptyFiltered') : t('members.empty')}</EmptyState>;
    return (
      <Stack gap="xs">
        <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: members.isPlaceholderData ? 0.6 : 1 }}>
          <Table verticalSpacing="xs" className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.colMember')}</Table.Th>
                <Table.Th>{t('members.colStatus')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <MemberRow key={m.id} member={m} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed" data-testid="members-count">
            {t('people.shown', { shown: formatNumber(items.length, lang) })}
          </Text>
          {members.hasNextPage && (
            <Button
              variant="light"
              onClick={() => void members.fetchNextPage()}
              loading={members.isFetchingNextPage}
              data-testid="load-more"
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Group>
        {members.isFetchNextPageError && <ErrorState error={members.error} onRetry={() => void members.fetchNextPage()} />}
      </Stack>
    );
  };

  const state = members.isPending ? 'loading' : members.isError && items.length === 0 ? 'error' : items.length === 0 ? 'empty' : 'ready';
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('members.statusLabel')}
        value={status ?? 'all'}
        onChange={(v) => onStatus((MEMBERSHIP_STATUSES as readonly string[]).includes(v) ? (v as TMembershipStatus) : null)}
        data={[
          { value: 'all', label: t('members.statusAll') },
          ...MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`members.statuses.${s}`) })),
        ]}
        fullWidth
        data-testid="members-status"
      />
      <div data-testid="members-table" data-state={state} aria-busy={state === 'loading'}>
        {body()}
      </div>
    </Stack>
  );
};
