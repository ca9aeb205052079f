import type { TStop } from '@samiti/common';
import { Anchor, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { personName } from '../../people/names';
import { useCreateStopProgrammeInstance, useInstanceTourStops, useProgrammeChoices } from '../hooks/useTours';

/** The programme event a stop visits, as a link; for a programme stop without one, planners may create it here. */
export const StopProgramme = ({ stop }: { stop: TStop }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [open, setOpen] = useState(false);
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const choices = useProgrammeChoices(open);
  const create = useCreateStopProgrammeInstance(stop.id);
  const inst = stop.programmeInstance;
  if (inst) {
    return (
      <Anchor component={Link} to={`/programme-instances/${inst.id}`} size="sm" data-testid="stop-programme-link">
        {t('tours.programmeLink', {
          name: displayName({ name: inst.programmeName, nameHi: inst.programmeNameHi }, lang),
          place: displayName(inst.unit ?? inst.scopeUnit, lang),
        })}
      </Anchor>
    );
  }
  if (!stop.actions.canEdit || stop.purpose !== 'programme') return null;
  if (!open) {
    return (
      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)} data-testid="stop-programme-create">
        {t('tours.createProgrammeEvent')}
      </Button>
    );
  }
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        size="xs"
        label={t('tours.programmeChoice')}
        value={programmeId}
        onChange={setProgrammeId}
        data={(choices.data ?? []).map((p) => ({ value: String(p.id), label: displayName({ name: p.name, nameHi: p.nameHi }, lang) }))}
        data-testid="stop-programme-choice"
      />
      <Button
        size="xs"
        disabled={!programmeId}
        loading={create.isPending}
        onClick={() => programmeId && create.mutate(Number(programmeId))}
        data-testid="stop-programme-create-submit"
      >
        {t('tours.createProgrammeEventButton')}
      </Button>
      {create.isError && (
        <Text c="red" size="xs">
          {errorText(create.error, t)}
        </Text>
      )}
    </Group>
  );
};

/** On a programme instance's page: the leaders' tour stops that visit it. */
export const InstanceTourStops = ({ instanceId }: { instanceId: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const stops = useInstanceTourStops(instanceId);
  if (stops.isPending) return null;
  if (stops.isError) return <ErrorState error={stops.error} onRetry={() => void stops.refetch()} />;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="instance-tour-stops">
      <Stack gap={4}>
        <Text fw={600}>{t('tours.instanceStopsTitle')}</Text>
        {stops.data.length === 0 && <EmptyState>{t('tours.instanceStopsEmpty')}</EmptyState>}
        {stops.data.map((s) => (
          <Anchor
            key={s.stopId}
            component={Link}
            to={`/tours/${s.tourId}`}
            size="sm"
            td={s.isCancelled ? 'line-through' : undefined}
            data-testid="instance-tour-stop"
          >
            {t('tours.instanceStop', {
              leader: personName(s.leader, lang),
              tour: lang === 'hi' ? (s.tourTitleHi ?? s.tourTitle) : s.tourTitle,
              when: formatDateTime(s.startsAt, lang, 'Asia/Kolkata'),
              place: displayName(s.unit, lang),
            })}
          </Anchor>
        ))}
      </Stack>
    </Paper>
  );
};
