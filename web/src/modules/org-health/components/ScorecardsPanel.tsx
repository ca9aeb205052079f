import { Anchor, Button, Checkbox, Group, Menu, Paper, Skeleton, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { displayName } from '../../../lib/names';
import { scorecardExportUrl, type TScorecard, type TScorecardFilter } from '../api';
import { useScorecards } from '../hooks/useHealth';
import { ProposeModal } from './ProposeModal';

/** Scorecards of the subtree's office bearers, the inactive ones on a switch, exports, and "propose replacement". */
export const ScorecardsPanel = ({ unitId, canPropose }: { unitId: number; canPropose: boolean }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [filter, setFilter] = useState<TScorecardFilter>({ inactive: true, post: '', level: '' });
  const [selected, setSelected] = useState<Record<number, TScorecard>>({});
  const [proposing, setProposing] = useState(false);
  const cards = useScorecards(unitId, filter);
  const picked = Object.values(selected);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="scorecards">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{t('health.scorecardsTitle')}</Text>
          <Menu>
            <Menu.Target>
              <Button variant="light" size="xs" data-testid="scorecards-export">
                {t('health.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
                <Menu.Item key={f} component="a" href={scorecardExportUrl(unitId, filter, f, lang)}>
                  {t(`health.export_${f}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Group gap="sm" wrap="wrap">
          <Switch
            label={t('health.onlyInactive')}
            checked={filter.inactive}
            onChange={(e) => setFilter({ ...filter, inactive: e.currentTarget.checked })}
            data-testid="only-inactive"
          />
          <TextInput
            size="xs"
            placeholder={t('health.postFilter')}
            value={filter.post}
            onChange={(e) => setFilter({ ...filter, post: e.currentTarget.value.trim() })}
          />
          <TextInput
            size="xs"
            placeholder={t('health.levelFilter')}
            value={filter.level}
            onChange={(e) => setFilter({ ...filter, level: e.currentTarget.value.trim() })}
          />
        </Group>
        {cards.formula && (
          <Text size="xs" c="dimmed" data-testid="score-formula">
            {cards.formula}
          </Text>
        )}
        {cards.isPending && <Skeleton height={100} />}
        {cards.isError && <ErrorState error={cards.error} onRetry={() => void cards.refetch()} />}
        {cards.data && cards.items.length === 0 && <EmptyState>{t('health.noScorecards')}</EmptyState>}
        {cards.items.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  {canPropose && <Table.Th />}
                  <Table.Th>{t('health.person')}</Table.Th>
                  <Table.Th>{t('health.meetingsCol')}</Table.Th>
                  <Table.Th>{t('health.directivesCol')}</Table.Th>
                  <Table.Th>{t('health.membersCol')}</Table.Th>
                  <Table.Th>{t('health.daysCol')}</Table.Th>
                  <Table.Th>{t('health.scoreCol')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cards.items.map((c) => (
                  <Table.Tr key={c.tenureId} data-testid="scorecard-row" data-inactive={c.isInactive}>
                    {canPropose && (
                      <Table.Td>
                        <Checkbox
                          aria-label={t('health.select')}
                          checked={Boolean(selected[c.tenureId])}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setSelected((s) => {
                              const next = { ...s };
                              if (on) next[c.tenureId] = c;
                              else delete next[c.tenureId];
                              return next;
                            });
                          }}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Anchor href={`/people/${c.person.id}`} size="sm">
                        {displayName({ name: c.person.name ?? c.person.nameHi ?? '', nameHi: c.person.nameHi }, lang)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {`${lang === 'hi' ? c.postNameHi : c.postName} · ${displayName(c.unit, lang)}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>{`${c.meetingsAttended} / ${c.meetingsInvited} (${c.meetingsHeld})`}</Table.Td>
                    <Table.Td>{`${c.directivesOnTime} / ${c.directivesOverdue}`}</Table.Td>
                    <Table.Td>{c.membersVerified}</Table.Td>
                    <Table.Td>{c.daysSinceActivity}</Table.Td>
                    <Table.Td fw={600}>{c.score}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          {cards.hasNextPage && (
            <Button variant="light" onClick={() => void cards.fetchNextPage()} loading={cards.isFetchingNextPage}>
              {t('health.loadMore')}
            </Button>
          )}
          {canPropose && (
            <Button disabled={picked.length === 0} onClick={() => setProposing(true)} data-testid="propose-open">
              {t('health.propose', { count: picked.length })}
            </Button>
          )}
        </Group>
      </Stack>
      {proposing && (
        <ProposeModal
          unitId={unitId}
          holders={picked}
          onClose={() => {
            setProposing(false);
            setSelected({});
          }}
        />
      )}
    </Paper>
  );
};
