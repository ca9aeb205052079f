import type { TTour } from '@samiti/common';
import { Badge, Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDate } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useMe } from '../../auth/hooks/useMe';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { personName } from '../../people/names';
import { useTours } from '../hooks/useTours';
import { TourFormModal } from './TourFormModal';

const TourCard = ({ tour }: { tour: TTour }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <Paper withBorder radius="md" p="sm" component={Link} to={`/tours/${tour.id}`} data-testid="tour-row" style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} td={tour.isCancelled ? 'line-through' : undefined}>
          {lang === 'hi' ? (tour.titleHi ?? tour.title) : tour.title}
        </Text>
        <Badge variant="light">{t('tours.stopsCount', { count: tour.stopCount })}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {personName(tour.leader, lang)} · {formatDate(tour.startsOn, lang)} – {formatDate(tour.endsOn, lang)} · {displayName(tour.unit, lang)}
      </Text>
    </Paper>
  );
};

/** /tours — tours organised in the user's area, by dates, 30 at a time. */
export const ToursPage = () => {
  const { t } = useTranslation();
  useDocumentTitle(`${t('tours.title')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  const [creating, setCreating] = useState(false);
  const tours = useTours({ from, to, unit: unit?.id ?? null });
  const canCreate = me?.grants.some((g) => g.role !== 'viewer') ?? false;
  const body = () => {
    if (tours.isPending) return <Skeleton height={64} radius="md" />;
    if (tours.isError) return <ErrorState error={tours.error} onRetry={() => void tours.refetch()} />;
    if (tours.items.length === 0) return <EmptyState>{t('tours.empty')}</EmptyState>;
    return (
      <Stack gap="xs" data-testid="tour-list">
        {tours.items.map((x) => (
          <TourCard key={x.id} tour={x} />
        ))}
        {tours.hasNextPage && (
          <Button variant="default" onClick={() => void tours.fetchNextPage()} loading={tours.isFetchingNextPage}>
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
            {t('tours.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('tours.pageDescription')}
          </Text>
        </div>
        {canCreate && (
          <Button onClick={() => setCreating(true)} data-testid="tour-create">
            {t('tours.newTour')}
          </Button>
        )}
      </Group>
      <Group grow align="flex-end">
        <UnitPicker label={t('tours.filterUnit')} value={unit} onChange={setUnit} />
        <TextInput type="date" label={t('tours.filterFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('tours.filterTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {body()}
      <TourFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(x) => void navigate(`/tours/${x.id}`)} />
    </Stack>
  );
};
