import type { TStop, TTourDetail } from '@samiti/common';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RecordRoute, RecordView } from '../../../components/RecordRoute';
import { EmptyState } from '../../../components/EmptyState';
import { errorText } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { formatPhone, personName } from '../../people/names';
import { HistoryView } from '../../units/components/HistoryList';
import { itineraryUrl } from '../api';
import { useTour, useTourHistory, useUpdateStop, useUpdateTour } from '../hooks/useTours';
import { indiaDay, indiaTime } from '../month';
import { ConflictList } from './ConflictList';
import { StopFormModal } from './StopFormModal';
import { StopProgramme } from './StopProgramme';
import { StopPhotos, StopReportModal } from './StopReportModal';
import { TourFormModal } from './TourFormModal';

const StopCard = ({ stop, onEdit, onReport }: { stop: TStop; onEdit: () => void; onReport: () => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const cancel = useUpdateStop(stop.id);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="stop-row" data-stop-id={stop.id}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} td={stop.isCancelled ? 'line-through' : undefined}>
            {formatDate(indiaDay(stop.startsAt), lang)} · {indiaTime(stop.startsAt)}–{indiaTime(stop.endsAt)} ·{' '}
            {displayName(stop.unit, lang)}
          </Text>
          <Group gap={6}>
            <Badge variant="light">{t(`tours.purposes.${stop.purpose}`)}</Badge>
            {stop.isCancelled && <Badge color="gray">{t('tours.cancelled')}</Badge>}
            {stop.report && (
              <Badge color={stop.report.isHeld ? 'green' : 'red'} data-testid="stop-report-badge">
                {stop.report.isHeld ? t('tours.held') : t('tours.notHeld')}
              </Badge>
            )}
          </Group>
          {stop.coordinator && (
            <Text size="sm">
              {t('tours.coordinatorIs', { name: personName(stop.coordinator, lang) })} {formatPhone(stop.coordinator.phone)}
            </Text>
          )}
          <StopProgramme stop={stop} />
          {stop.notes && <Text size="sm">{stop.notes}</Text>}
          {stop.report?.summary && (
            <Text size="sm" c="dimmed">
              {stop.report.summary}
            </Text>
          )}
          {stop.photoFileIds.length > 0 && <StopPhotos stop={stop} canChange={false} />}
        </div>
        <Group gap="xs">
          {stop.actions.canReport && (
            <Button size="xs" variant="light" onClick={onReport} data-testid="stop-report">
              {t('tours.report')}
            </Button>
          )}
          {stop.actions.canEdit && (
            <>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('tours.edit')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={cancel.isPending}
                onClick={() => cancel.mutate({ isCancelled: true })}
              >
                {t('tours.cancelStop')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {stop.conflicts.length > 0 && !stop.isCancelled && (
        <Alert color="orange" mt="xs" p="xs" title={t('tours.confirmedConflicts')} data-testid="stop-stored-conflicts">
          <ConflictList conflicts={stop.conflicts} />
        </Alert>
      )}
      {cancel.isError && (
        <Text c="red" size="xs">
          {errorText(cancel.error, t)}
        </Text>
      )}
    </Paper>
  );
};

const TourView = ({ tour }: { tour: TTourDetail }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const title = lang === 'hi' ? (tour.titleHi ?? tour.title) : tour.title;
  useDocumentTitle(`${title} · ${t('app.name')}`);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editStop, setEditStop] = useState<TStop | null>(null);
  const [reporting, setReporting] = useState<TStop | null>(null);
  const cancel = useUpdateTour(tour.id);
  const history = useTourHistory(`/tours/${tour.id}/history`);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/tours" size="sm">
        ← {t('tours.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" data-testid="tour-title-heading">
            {title}
          </Title>
          <Text size="sm">
            <Anchor component={Link} to={`/people/${tour.leader.id}?tab=training`}>
              {personName(tour.leader, lang)}
            </Anchor>{' '}
            · {formatDate(tour.startsOn, lang)} – {formatDate(tour.endsOn, lang)} · {displayName(tour.unit, lang)}
          </Text>
          {tour.notes && <Text size="sm">{tour.notes}</Text>}
        </div>
        <Group gap="xs">
          <Button component="a" variant="default" href={itineraryUrl(tour.id, 'pdf', lang)} target="_blank" data-testid="tour-pdf">
            {t('tours.pdf')}
          </Button>
          <Button component="a" variant="default" href={itineraryUrl(tour.id, 'ics', lang)} data-testid="tour-ics">
            {t('tours.ics')}
          </Button>
          {tour.actions.canEdit && (
            <>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('tours.edit')}
              </Button>
              <Button onClick={() => setAdding(true)} data-testid="stop-create">
                {t('tours.newStop')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {tour.isCancelled && <Alert color="red">{t('tours.tourCancelled')}</Alert>}
      {tour.hiddenStops > 0 && <Alert color="gray">{t('tours.hiddenStops', { count: tour.hiddenStops })}</Alert>}
      <Tabs defaultValue="itinerary" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="itinerary">{t('tours.itinerary')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('tours.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="itinerary" pt="md">
          {tour.stops.length === 0 ? (
            <EmptyState>{t('tours.noStops')}</EmptyState>
          ) : (
            <Stack gap="xs" data-testid="stop-list">
              {tour.stops.map((s) => (
                <StopCard key={s.id} stop={s} onEdit={() => setEditStop(s)} onReport={() => setReporting(s)} />
              ))}
            </Stack>
          )}
          {tour.actions.canEdit && (
            <Group justify="flex-end" mt="md">
              <Button variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ isCancelled: true })}>
                {t('tours.cancelTour')}
              </Button>
            </Group>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryView history={history} subject="unit" />
        </Tabs.Panel>
      </Tabs>
      <TourFormModal opened={editing} onClose={() => setEditing(false)} tour={tour} />
      <StopFormModal opened={adding} onClose={() => setAdding(false)} tourId={tour.id} defaultDay={tour.startsOn} />
      <StopFormModal
        opened={editStop !== null}
        onClose={() => setEditStop(null)}
        tourId={tour.id}
        defaultDay={tour.startsOn}
        stop={editStop ?? undefined}
      />
      <StopReportModal stop={reporting} onClose={() => setReporting(null)} />
    </Stack>
  );
};

const TourLoader = ({ id }: { id: number }) => <RecordView query={useTour(id)}>{(x) => <TourView tour={x} />}</RecordView>;

/** /tours/:id — a leader's tour: its itinerary with conflicts, reports, exports and history. */
export const TourPage = () => <RecordRoute>{(id) => <TourLoader id={id} />}</RecordRoute>;
