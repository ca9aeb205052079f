import type { THistoryEntry } from '@samiti/common';
import { Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDateTime } from '../../../lib/format';
import { scriptLang } from '../../../lib/script';
import { diffSnapshots, formatSnapshotValue } from '../diff';
import { useUnitHistory } from '../hooks/useUnit';

const ACTION_KEYS = {
  create: 'history.actions.create',
  update: 'history.actions.update',
  rename: 'history.actions.rename',
  move: 'history.actions.move',
  delete: 'history.actions.delete',
  restore: 'history.actions.restore',
} as const;

/** A person is grammatically masculine in Hindi (जोड़ा गया), a unit feminine (बनाई गई): each has its own words. */
const PERSON_ACTION_KEYS = {
  create: 'personHistory.actions.create',
  update: 'personHistory.actions.update',
  delete: 'personHistory.actions.delete',
  restore: 'personHistory.actions.restore',
} as const;

const FIELD_KEYS = {
  name: 'history.fields.name',
  nameHi: 'history.fields.nameHi',
  geo: 'history.fields.geo',
  parentId: 'history.fields.parentId',
  parent: 'history.fields.parent',
  level: 'history.fields.level',
  wing: 'history.fields.wing',
  deletedAt: 'history.fields.deletedAt',
  gender: 'history.fields.gender',
  birthYear: 'history.fields.birthYear',
  phone: 'history.fields.phone',
  epic: 'history.fields.epic',
  homeUnitId: 'history.fields.homeUnitId',
  homeUnit: 'history.fields.homeUnit',
  consent: 'history.fields.consent',
  photoFileId: 'history.fields.photoFileId',
} as const;

/** Whose history is shown: decides the wording of actions. */
export type THistorySubject = 'unit' | 'person';

/** Shows a recorded value its own way (e.g. a consent record); undefined falls back to the generic formatting. */
export type TValueFormatter = (field: string, value: unknown, lang: string) => string | null | undefined;

const ACTION_COLORS: Record<string, string> = { create: 'green', delete: 'red', restore: 'teal', move: 'violet' };

/** "unit.create" → "Created"; actions this version does not know are shown as recorded. */
const actionLabel = (action: string, t: TFunction, subject: THistorySubject): string => {
  const verb = action.split('.').at(-1) ?? action;
  if (subject === 'person' && Object.hasOwn(PERSON_ACTION_KEYS, verb))
    return t(PERSON_ACTION_KEYS[verb as keyof typeof PERSON_ACTION_KEYS]);
  return Object.hasOwn(ACTION_KEYS, verb) ? t(ACTION_KEYS[verb as keyof typeof ACTION_KEYS]) : action;
};

const fieldLabel = (field: string, t: TFunction): string =>
  Object.hasOwn(FIELD_KEYS, field) ? t(FIELD_KEYS[field as keyof typeof FIELD_KEYS]) : field;

const Value = ({ value, kind }: { value: string | null; kind: 'before' | 'after' }) => {
  const { t } = useTranslation();
  if (value === null) {
    return (
      <Text span c="dimmed">
        {t('history.emptyValue')}
      </Text>
    );
  }
  return (
    <Text
      span
      c={kind === 'before' ? 'red.8' : 'green.8'}
      td={kind === 'before' ? 'line-through' : undefined}
      lang={scriptLang(value)}
      style={{ overflowWrap: 'anywhere' }}
    >
      {value}
    </Text>
  );
};

type TEntryProps = { entry: THistoryEntry; lang: string; subject: THistorySubject; formatValue?: TValueFormatter };

const Entry = ({ entry, lang, subject, formatValue }: TEntryProps) => {
  const { t } = useTranslation();
  const verb = entry.action.split('.').at(-1) ?? '';
  const changes = diffSnapshots(entry.before, entry.after);
  const isDate = (field: string) => field.endsWith('At');
  const show = (field: string, v: unknown): string | null => {
    const custom = formatValue?.(field, v, lang);
    if (custom !== undefined) return custom;
    return isDate(field) && typeof v === 'string' ? formatDateTime(v, lang) : formatSnapshotValue(v, lang);
  };

  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="history-entry">
      <Group justify="space-between" gap="xs" mb={changes.length ? 6 : 0}>
        <Group gap="xs">
          <Badge color={ACTION_COLORS[verb] ?? 'blue'} variant="light">
            {actionLabel(entry.action, t, subject)}
          </Badge>
          <Text size="sm">{t('history.by', { actor: entry.actor ?? t('history.system') })}</Text>
        </Group>
        <Text size="xs" c="dimmed" component="time" dateTime={entry.at}>
          {formatDateTime(entry.at, lang)}
        </Text>
      </Group>
      {changes.length > 0 && (
        <Stack gap={2}>
          {changes.map((c) => (
            <Text size="sm" key={c.field}>
              <Text span c="dimmed" component="span">
                {fieldLabel(c.field, t)}:{' '}
              </Text>
              {entry.before !== null && (
                <>
                  <Value value={show(c.field, c.before)} kind="before" />
                  {' → '}
                </>
              )}
              <Value value={show(c.field, c.after)} kind="after" />
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
};

type TViewProps = { history: UseQueryResult<THistoryEntry[]>; subject: THistorySubject; formatValue?: TValueFormatter };

/** An audit trail (of a unit, a person…), newest first as the server sends it. */
export const HistoryView = ({ history, subject, formatValue }: TViewProps) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';

  if (history.isPending) {
    return (
      <Stack gap="xs" aria-busy="true">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={56} radius="md" />
        ))}
      </Stack>
    );
  }
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState>{t('history.empty')}</EmptyState>;
  return (
    <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="history-list">
      {history.data.map((entry) => (
        <Entry key={entry.id} entry={entry} lang={lang} subject={subject} formatValue={formatValue} />
      ))}
    </Stack>
  );
};

/** The audit trail of one unit. */
export const HistoryList = ({ unitId }: { unitId: number }) => {
  const history = useUnitHistory(unitId);
  return <HistoryView history={history} subject="unit" />;
};
