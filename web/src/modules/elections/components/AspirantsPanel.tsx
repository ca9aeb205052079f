import type { TAspirant, TSeat } from '@samiti/common';
import { Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDateTime } from '../../../lib/format';
import { pickNames } from '../../../lib/names';
import type { TCriterion } from '../api';
import { useSeatAspirants, useScoreAspirant } from '../hooks/useElections';
import { AddAspirantModal } from './AddAspirantModal';
import { SeatApplicationsControl } from './ApplicationsCard';
import { AspirantDocuments } from './AspirantDocuments';
import { MoveAspirantModal } from './MoveAspirantModal';

const STAGE_COLOR: Record<string, string> = {
  candidate: 'green',
  'not-selected': 'gray',
  interviewed: 'violet',
  shortlisted: 'blue',
  screened: 'cyan',
  applied: 'yellow',
};

const AspirantCard = ({ a, onMove }: { a: TAspirant; onMove: () => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const names = pickNames({ name: a.person.name ?? a.person.nameHi ?? '', nameHi: a.person.nameHi }, lang);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="aspirant" data-stage={a.stage}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={500}>{names.primary}</Text>
          {names.secondary && (
            <Text size="sm" c="dimmed">
              {names.secondary}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {a.person.phone}
          </Text>
        </div>
        <Group gap="xs">
          <Badge color={STAGE_COLOR[a.stage]} data-testid="aspirant-stage">
            {t(`elections.stages.${a.stage}`)}
          </Badge>
          {a.channel === 'public' && (
            <Badge variant="outline" color="gray" data-testid="aspirant-channel">
              {t('elections.partyRecord.public')}
            </Badge>
          )}
          {a.actions.canMove && (
            <Button size="xs" variant="light" onClick={onMove} data-testid="aspirant-move">
              {t('elections.move')}
            </Button>
          )}
        </Group>
      </Group>
      {a.statement && (
        <Text size="sm" mt="xs">
          {a.statement}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('elections.record', { posts: a.posts.length, members: a.membersEnrolled, trainings: a.trainingsAttended })}
        {a.posts.length > 0 &&
          `: ${a.posts.map((p) => `${p.post} (${lang === 'hi' && p.unitNameHi ? p.unitNameHi : p.unitName}${p.endDate ? `, ${p.startDate.slice(0, 4)}–${p.endDate.slice(0, 4)}` : ''})`).join('; ')}`}
      </Text>
      {a.trainingsCompleted.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="aspirant-trainings">
          {t('elections.partyRecord.trainings')}:{' '}
          {a.trainingsCompleted.map((c) => (lang === 'hi' && c.nameHi ? c.nameHi : c.name)).join('; ')}
        </Text>
      )}
      {a.programmeCount > 0 && (
        <Text size="xs" c="dimmed" data-testid="aspirant-programmes">
          {t('elections.partyRecord.programmes', { count: a.programmeCount })}:{' '}
          {a.programmes
            .map(
              (p) =>
                `${lang === 'hi' ? p.programmeHi : p.programme} (${t(`elections.partyRecord.${p.role === 'in-charge' ? 'inCharge' : 'team'}`)}${p.heldOn ? `, ${p.heldOn}` : ''})`,
            )
            .join('; ')}
        </Text>
      )}
      <AspirantDocuments aspirant={a} />
      <Timeline bulletSize={10} lineWidth={1} mt="xs" active={a.history.length - 1}>
        {a.history.map((h) => (
          <Timeline.Item key={h.id} title={<Text size="xs">{t(`elections.stages.${h.to}`)}</Text>}>
            <Text size="xs" c="dimmed">
              {[h.by, formatDateTime(h.at, lang), h.reason].filter(Boolean).join(' · ')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
};

/** The screening comparison: mean score per criterion for every aspirant; a screener enters their own scores. */
const ScoresTable = ({ criteria, items }: { criteria: TCriterion[]; items: TAspirant[] }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const score = useScoreAspirant();
  const [draft, setDraft] = useState<Record<string, number | string>>({});
  if (!criteria.length || !items.length) return null;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table data-testid="score-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('elections.aspirant')}</Table.Th>
            {criteria.map((c) => (
              <Table.Th key={c.id} ta="right">
                {lang === 'hi' && c.nameHi ? c.nameHi : c.name} / {c.maxScore}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('elections.total')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{(lang === 'hi' ? a.person.nameHi : a.person.name) ?? a.person.name ?? a.person.nameHi}</Table.Td>
              {criteria.map((c) => {
                const mean = a.scores.find((s) => s.criterionId === c.id);
                return (
                  <Table.Td key={c.id} ta="right">
                    {a.actions.canScore ? (
                      <NumberInput
                        size="xs"
                        w={70}
                        min={0}
                        max={c.maxScore}
                        aria-label={`${c.name}: ${a.person.name ?? ''}`}
                        placeholder={mean ? String(mean.mean) : '–'}
                        value={draft[`${a.id}:${c.id}`] ?? ''}
                        onChange={(v) => setDraft((d) => ({ ...d, [`${a.id}:${c.id}`]: v }))}
                        style={{ display: 'inline-block' }}
                      />
                    ) : (
                      (mean?.mean ?? '–')
                    )}
                  </Table.Td>
                );
              })}
              <Table.Td ta="right" fw={600}>
                {a.totalScore ?? '–'}
              </Table.Td>
              <Table.Td>
                {a.actions.canScore && (
                  <Button
                    size="xs"
                    variant="light"
                    loading={score.isPending && score.variables?.id === a.id}
                    onClick={() => {
                      const scores = criteria
                        .map((c) => ({ criterionId: c.id, score: Number(draft[`${a.id}:${c.id}`]) }))
                        .filter(
                          (s, i) =>
                            draft[`${a.id}:${criteria[i]?.id}`] !== undefined &&
                            draft[`${a.id}:${criteria[i]?.id}`] !== '' &&
                            Number.isFinite(s.score),
                        );
                      if (scores.length) score.mutate({ id: a.id, scores });
                    }}
                  >
                    {t('common.save')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};

/** A seat's aspirant pipeline: add, move with reasons, compare screening scores. */
export const AspirantsPanel = ({ seat }: { seat: TSeat }) => {
  const { t } = useTranslation();
  const list = useSeatAspirants(seat.id);
  const [adding, setAdding] = useState(false);
  const [moving, setMoving] = useState<TAspirant | null>(null);
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const canAdd = list.data?.canAdd ?? false;
  return (
    <Stack gap="sm" data-testid="aspirants">
      <Group justify="space-between">
        <Text fw={500}>{t('elections.aspirantsCount', { count: items.length })}</Text>
        <SeatApplicationsControl seat={list.data?.seat ?? seat} canEdit={canAdd} />
        {canAdd && (
          <Button size="xs" onClick={() => setAdding(true)} data-testid="aspirant-add">
            {t('elections.addAspirant')}
          </Button>
        )}
      </Group>
      {list.isSuccess && items.length === 0 && <EmptyState>{t('elections.noAspirants')}</EmptyState>}
      {items.map((a) => (
        <AspirantCard key={a.id} a={a} onMove={() => setMoving(a)} />
      ))}
      <ScoresTable criteria={list.data?.criteria ?? []} items={items} />
      {adding && <AddAspirantModal seat={seat} onClose={() => setAdding(false)} />}
      {moving && <MoveAspirantModal aspirant={moving} onClose={() => setMoving(null)} />}
    </Stack>
  );
};
