import { ELECTION_TYPES, type TElectionType } from '@samiti/common';
import { Badge, Button, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { displayName, pickNames } from '../../../lib/names';
import { useMe } from '../../auth/hooks/useMe';
import { useElections } from '../hooks/useElections';
import { ElectionFormModal } from './ElectionFormModal';
import { PartySettingCard } from './PartySettingCard';

const YEARS = Array.from({ length: 2030 - 1990 + 1 }, (_, i) => String(2030 - i));

/** /elections — every election the user can see, newest first, with type and year filters. */
export const ElectionsPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(`${t('elections.title')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [type, setType] = useState<TElectionType | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const list = useElections({ type, year: year ? Number(year) : null });
  const [creating, setCreating] = useState(false);
  const canCreate = (me?.grants ?? []).some((g) => g.role === 'admin' || g.role === 'national-admin');

  const body = () => {
    if (list.isPending) return <Skeleton height={160} radius="md" aria-busy="true" />;
    if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
    if (list.data.length === 0) return <EmptyState>{t('elections.empty')}</EmptyState>;
    return (
      <Stack gap="xs" data-testid="election-list">
        {list.data.map((e) => {
          const { primary, secondary } = pickNames(e, lang);
          const where = e.unit
            ? displayName(e.unit, lang)
            : e.stateName
              ? displayName({ name: e.stateName, nameHi: e.stateNameHi }, lang)
              : t('elections.national');
          return (
            <Paper
              key={e.id}
              withBorder
              radius="md"
              p="sm"
              component={Link}
              to={`/elections/${e.id}`}
              data-testid="election-row"
              style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
            >
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text fw={500}>{primary}</Text>
                  {secondary && (
                    <Text size="sm" c="dimmed">
                      {secondary}
                    </Text>
                  )}
                </div>
                <Group gap={6}>
                  <Badge variant="light">{t(`elections.types.${e.type}`)}</Badge>
                  {e.isShipped && <Badge color="gray">{t('elections.shipped')}</Badge>}
                </Group>
              </Group>
              <Text size="sm" c="dimmed" mt={4}>
                {where} · {e.year} · {t('elections.seatCount', { count: e.seatCount })}
              </Text>
            </Paper>
          );
        })}
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('elections.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('elections.pageDescription')}
          </Text>
        </div>
        {canCreate && (
          <Button onClick={() => setCreating(true)} data-testid="election-create-button">
            {t('elections.create')}
          </Button>
        )}
      </Group>
      <PartySettingCard />
      <Group gap="sm">
        <Select
          placeholder={t('elections.allTypes')}
          aria-label={t('elections.type')}
          data={ELECTION_TYPES.map((v) => ({ value: v, label: t(`elections.types.${v}`) }))}
          value={type}
          onChange={(v) => setType(v as TElectionType | null)}
          clearable
          data-testid="election-filter-type"
        />
        <Select
          placeholder={t('elections.allYears')}
          aria-label={t('elections.year')}
          data={YEARS}
          value={year}
          onChange={setYear}
          clearable
          searchable
          w={140}
        />
      </Group>
      {body()}
      {canCreate && (
        <ElectionFormModal opened={creating} onClose={() => setCreating(false)} onCreated={(e) => void navigate(`/elections/${e.id}`)} />
      )}
    </Stack>
  );
};
