import type { TTour } from '@samiti/common';
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { CursorList } from '../../../components/CursorList';
import { PageHeader } from '../../../components/PageHeader';
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
    <Paper
      withBorder
      radius="md"
      p="sm"
      component={Link}
      to={`/tours/${tour.id}`}
      data-testid="tour-row"
      style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} td={tour.isCancelled ? 'line-through' : undefined}>
          {lang === 'hi' ? (tour.titleHi ?? tour.title) : tour.title}
        </Text>
        <Badge variant="light">{t('tours.stopsCount', { count: tour.stopCount })}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {personName(tour.leader, lang)} · {formatDate(tour.startsOn, lang)} – {formatDate(tour.endsOn, lang)} ·{' '}
        {displayName(tour.unit, lang)}
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
  return (
    <Stack gap="md">
      <PageHeader
        title={t('tours.title')}
        description={t('tours.pageDescription')}
        actions={
          canCreate && (
            <Button onClick={() => setCreating(true)} data-testid="tour-create">
              {t('tours.newTour')}
            </Button>
          )
        }
      />
      <Group grow align="flex-end">
        <UnitPicker label={t('tours.filterUnit')} value={unit} onChange={setUnit} />
        <TextInput type="date" label={t('tours.filterFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('tours.filterTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <CursorList
        query={tours}
        empty={t('tours.empty')}
        testId="tour-list"
        itemKey={(x) => x.id}
        renderItem={(x) => <TourCard tour={x} />}
      />
      <TourFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(x) => void navigate(`/tours/${x.id}`)} />
    </Stack>
  );
};
