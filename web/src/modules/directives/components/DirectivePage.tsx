import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { formatDate, formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useState } from 'react';
import { HistoryView } from '../../units/components/HistoryList';
import { useDirective, useDirectiveAssignments, useDirectiveHistory, useRollup } from '../hooks/useDirectives';
import { DirectiveEditModal } from './DirectiveEditModal';
import { AssignmentRows } from './AssignmentRows';
import { RollupBar, RollupTable } from './RollupTable';

/** A directive with its roll-up: n of N done per child unit, drill-down by clicking a child, to each booth's assignment. */
export const DirectivePage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unit');
  const unitId = unitParam ? Number(unitParam) : null;
  const directive = useDirective(id);
  const rollup = useRollup(id, unitId);
  const assignments = useDirectiveAssignments(id, unitId, rollup.data !== undefined);
  const history = useDirectiveHistory(id);
  const [isEditing, setEditing] = useState(false);
  useDocumentTitle(directive.data ? directive.data.text.slice(0, 60) : t('directives.title'));
  if (directive.error) return <ErrorState error={directive.error} onRetry={() => void directive.refetch()} />;
  if (!directive.data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const d = directive.data;
  const open = (unit: number) => setParams({ unit: String(unit) });
  const n = (x: number) => formatNumber(x, lang);
  const here = rollup.data;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Text size="xs" c="dimmed">
          {t('directives.title')}
          {d.meetingId !== null && (
            <>
              {' · '}
              <Anchor component={Link} to={`/meetings/${d.meetingId}`} size="xs">
                {t('directives.fromMeeting')}
              </Anchor>
            </>
          )}
        </Text>
        <Title order={2} size="h3" data-testid="directive-title">
          {d.text}
        </Title>
        <Group gap="xs" mt={4}>
          <Anchor component={Link} to={`/units/${d.unit.id}`} size="sm">
            {displayName(d.unit, lang)}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('directives.due', { date: formatDate(d.dueDate, lang) })}
          </Text>
          {d.isOverdue && <Badge color="red">{t('directives.overdue')}</Badge>}
          {d.actions.canEdit && (
            <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)} data-testid="directive-edit">
              {t('directives.edit')}
            </Button>
          )}
        </Group>
      </Paper>
      {isEditing && <DirectiveEditModal directive={d} onClose={() => setEditing(false)} />}
      {rollup.error ? (
        <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : here ? (
        <>
          <Breadcrumbs separator="›" data-testid="rollup-trail">
            {here.trail.map((u) => (
              <Anchor key={u.id} component="button" type="button" size="sm" onClick={() => open(u.id)}>
                {displayName(u, lang)}
              </Anchor>
            ))}
          </Breadcrumbs>
          <Paper withBorder p="md" radius="md" data-testid="rollup-summary">
            <Group justify="space-between">
              <Text fw={600}>{displayName(here.unit, lang)}</Text>
              <Text fw={600} data-testid="rollup-summary-done" data-done={here.counts.done} data-total={here.counts.total}>
                {t('directives.nOfN', { done: n(here.counts.done), total: n(here.counts.total) })}
              </Text>
            </Group>
            <RollupBar counts={here.counts} size="xl" />
            <Group gap="xs" mt="xs">
              <Badge variant="light">{t('directives.status.new')}: {n(here.counts.new)}</Badge>
              <Badge variant="light" color="indigo">{t('directives.status.acknowledged')}: {n(here.counts.acknowledged)}</Badge>
              <Badge variant="light" color="yellow">{t('directives.status.in-progress')}: {n(here.counts.inProgress)}</Badge>
              <Badge variant="light" color="gray">{t('directives.status.declined')}: {n(here.counts.declined)}</Badge>
              <Badge variant="light" color="red">{t('directives.overdue')}: {n(here.counts.overdue)}</Badge>
              <Badge variant="light" color="orange">{t('directives.vacant')}: {n(here.counts.vacant)}</Badge>
            </Group>
          </Paper>
          <RollupTable rollup={here} kind="directive" onOpen={open} isStale={rollup.isPlaceholderData} />
          <Title order={3} size="h5">
            {t('directives.assignmentsHere')}
          </Title>
          <AssignmentRows items={assignments.items} hasMore={assignments.hasNextPage} onMore={() => void assignments.fetchNextPage()} />
          {unitId !== null && (
            <Button variant="subtle" onClick={() => setParams({})} w="fit-content">
              {t('directives.backToIssuer')}
            </Button>
          )}
        </>
      ) : (
        <Text c="dimmed">{t('common.loading')}</Text>
      )}
      <Title order={3} size="h5">
        {t('directives.history')}
      </Title>
      <HistoryView history={history} subject="unit" />
    </Stack>
  );
};
