import { Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDate } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useMe } from '../../auth/hooks/useMe';
import { useProgrammes } from '../hooks/useProgrammes';
import { ProgrammeFormModal } from './ProgrammeFormModal';

/** /programmes — programmes issued in or above the user's area, searchable in either script, 30 at a time. */
export const ProgrammesPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(`${t('programmes.title')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [creating, setCreating] = useState(false);
  const list = useProgrammes(q);
  const canCreate = me?.grants.some((g) => g.role !== 'viewer') ?? false;
  const body = () => {
    if (list.isPending) return <Skeleton height={64} radius="md" />;
    if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
    if (list.items.length === 0) return <EmptyState>{q ? t('programmes.noMatch') : t('programmes.empty')}</EmptyState>;
    return (
      <Stack gap="xs" data-testid="programme-list">
        {list.items.map((p) => (
          <Paper
            key={p.id}
            withBorder
            radius="md"
            p="sm"
            component={Link}
            to={`/programmes/${p.id}`}
            data-testid="programme-row"
            style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
          >
            <Text fw={600} lang={lang === 'hi' ? 'hi' : undefined}>
              {lang === 'hi' ? p.nameHi : p.name}
            </Text>
            <Text size="sm" c="dimmed">
              {displayName(p.unit, lang)} · {formatDate(p.createdAt.slice(0, 10), lang)}
            </Text>
          </Paper>
        ))}
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    );
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('programmes.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('programmes.pageDescription')}
          </Text>
        </div>
        {canCreate && (
          <Button onClick={() => setCreating(true)} data-testid="programme-create">
            {t('programmes.newProgramme')}
          </Button>
        )}
      </Group>
      <TextInput
        label={t('programmes.search')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="programme-search"
      />
      {body()}
      <ProgrammeFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/programmes/${id}`)} />
    </Stack>
  );
};
