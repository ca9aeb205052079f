import type { TAssignment, TAssignmentStatus } from '@samiti/common';
import { Alert, Anchor, Button, FileButton, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import type { TActKind } from '../api';
import { useActOnAssignment, useMyAssignments, useUploadAssignmentPhoto } from '../hooks/useDirectives';
import { PhotoStrip } from './PhotoStrip';
import { ReportModal } from './ReportModal';
import { StatusBadge } from './StatusBadge';

const STATUSES: TAssignmentStatus[] = ['new', 'acknowledged', 'in-progress', 'done', 'declined'];

const AssignmentCard = ({ a, onReport }: { a: TAssignment; onReport: (id: number, kind: Exclude<TActKind, 'acknowledge'>) => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const act = useActOnAssignment();
  const photo = useUploadAssignmentPhoto();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="my-assignment" data-assignment-id={a.id} style={a.isOverdue ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Anchor component={Link} to={`/directives/${a.directiveId}`} fw={500}>
          {a.directiveText}
        </Anchor>
        <Group gap={4} wrap="nowrap">
          <StatusBadge status={a.status} isOverdue={a.isOverdue} />
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('directives.fromUnit', { unit: displayName(a.issuer, lang) })} · {t('directives.forUnit', { unit: displayName(a.unit, lang) })} ·{' '}
        {t('directives.due', { date: formatDate(a.dueDate, lang) })}
      </Text>
      {a.report.text && (
        <Text size="sm" mt={4}>
          {a.report.text}
        </Text>
      )}
      <PhotoStrip ids={a.report.photoFileIds} />
      {a.actions.canAct && (
        <Group gap="xs" mt="sm">
          {a.status === 'new' && (
            <Button size="compact-md" variant="light" loading={act.isPending} onClick={() => act.mutate({ id: a.id, kind: 'acknowledge' })} data-testid="act-acknowledge">
              {t('directives.act.acknowledge')}
            </Button>
          )}
          <Button size="compact-md" variant="light" color="yellow" onClick={() => onReport(a.id, 'progress')} data-testid="act-progress">
            {t('directives.act.progress')}
          </Button>
          <Button size="compact-md" color="teal" onClick={() => onReport(a.id, 'complete')} data-testid="act-complete">
            {t('directives.act.complete')}
          </Button>
          <Button size="compact-md" variant="subtle" color="red" onClick={() => onReport(a.id, 'decline')} data-testid="act-decline">
            {t('directives.act.decline')}
          </Button>
          <FileButton onChange={(file) => file && photo.mutate({ id: a.id, file })} accept="image/jpeg,image/png,image/webp">
            {(props) => (
              <Button {...props} size="compact-md" variant="subtle" loading={photo.isPending} data-testid="act-photo">
                {t('directives.act.photo')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {(act.error || photo.error) && (
        <Alert color="red" mt="xs">
          {errorText(act.error ?? photo.error, t)}
        </Alert>
      )}
    </Paper>
  );
};

/** "My assignments": what is addressed to the logged-in person, open first and overdue marked; phone-sized. */
export const MyAssignmentsPage = () => {
  const { t } = useTranslation();
  useDocumentTitle(t('directives.mine.title'));
  const [status, setStatus] = useState<TAssignmentStatus | null>(null);
  const list = useMyAssignments(status);
  const [report, setReport] = useState<{ id: number; kind: Exclude<TActKind, 'acknowledge'> } | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('directives.mine.title')}
        </Title>
        <Select
          aria-label={t('directives.mine.filter')}
          placeholder={t('directives.mine.all')}
          data={STATUSES.map((s) => ({ value: s, label: t(`directives.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus((v as TAssignmentStatus | null) ?? null)}
          clearable
          w={180}
          comboboxProps={{ withinPortal: false }}
        />
      </Group>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : list.items.length === 0 ? (
        <EmptyState>{t('directives.mine.empty')}</EmptyState>
      ) : (
        list.items.map((a) => <AssignmentCard key={a.id} a={a} onReport={(id, kind) => setReport({ id, kind })} />)
      )}
      {list.hasNextPage && (
        <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
      <ReportModal key={report ? `${report.id}-${report.kind}` : 'none'} assignmentId={report?.id ?? 0} kind={report?.kind ?? null} onClose={() => setReport(null)} />
    </Stack>
  );
};
