import type { TInstance, TPersonRef } from '@samiti/common';
import { Alert, Anchor, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { personName } from '../../people/names';
import { PersonPick } from '../../training/components/PersonPick';
import { useUpdateInstance } from '../hooks/useProgrammes';

/** In-charge (a tenure), team (toli), date and venue, and cancelling with a reason. */
export const InstancePlan = ({ instance }: { instance: TInstance }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const update = useUpdateInstance(instance.id);
  const [date, setDate] = useState(instance.plannedDate ?? '');
  const [venue, setVenue] = useState(instance.venue ?? '');
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const isOpen = instance.status === 'not-planned' || instance.status === 'planned';
  const canEdit = instance.canEdit && instance.status !== 'cancelled';
  const inCharge: TPersonRef | null = instance.inCharge
    ? { id: instance.inCharge.id, name: instance.inCharge.name, nameHi: instance.inCharge.nameHi }
    : null;
  return (
    <Stack gap="sm" data-testid="instance-plan">
      {update.isError && (
        <Alert color="red" role="alert">
          {errorText(update.error, t)}
        </Alert>
      )}
      {canEdit ? (
        <PersonPick
          label={t('programmes.inCharge')}
          value={inCharge}
          onChange={(p) => update.mutate({ inChargePersonId: p?.id ?? null })}
          testId="instance-in-charge"
        />
      ) : (
        <Text size="sm">{inCharge ? t('programmes.inChargeIs', { name: personName(inCharge, lang) }) : t('programmes.noInCharge')}</Text>
      )}
      <div>
        <Text size="sm" fw={500}>
          {t('programmes.team')}
        </Text>
        {instance.team.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('programmes.noTeam')}
          </Text>
        )}
        {instance.team.map((m) => (
          <Group key={m.id} gap="xs">
            <Text size="sm">{personName(m, lang)}</Text>
            {canEdit && (
              <Anchor
                component="button"
                type="button"
                size="xs"
                c="red"
                onClick={() => update.mutate({ team: instance.team.filter((x) => x.id !== m.id).map((x) => x.id) })}
              >
                {t('programmes.remove')}
              </Anchor>
            )}
          </Group>
        ))}
        {canEdit && (
          <PersonPick
            label={t('programmes.addToTeam')}
            value={null}
            onChange={(p) => p && update.mutate({ team: [...instance.team.map((x) => x.id), p.id] })}
            testId="instance-team-add"
          />
        )}
      </div>
      {canEdit && isOpen && (
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('programmes.plannedDate')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-testid="instance-date"
          />
          <TextInput
            label={t('programmes.venue')}
            value={venue}
            onChange={(e) => setVenue(e.currentTarget.value)}
            style={{ flex: 1 }}
            data-testid="instance-venue"
          />
          <Button
            loading={update.isPending}
            disabled={!date}
            onClick={() => update.mutate({ plannedDate: date || null, venue: venue.trim() || null, status: 'planned' })}
            data-testid="instance-plan-save"
          >
            {t('programmes.savePlan')}
          </Button>
        </Group>
      )}
      {canEdit && isOpen && !cancelling && (
        <Anchor component="button" type="button" size="sm" c="red" onClick={() => setCancelling(true)} style={{ alignSelf: 'flex-start' }}>
          {t('programmes.cancelEvent')}
        </Anchor>
      )}
      {cancelling && (
        <Stack gap="xs">
          <Textarea
            label={t('programmes.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group>
            <Button variant="default" onClick={() => setCancelling(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={!reason.trim()}
              loading={update.isPending}
              onClick={() => update.mutate({ status: 'cancelled', cancelReason: reason.trim() }, { onSuccess: () => setCancelling(false) })}
            >
              {t('programmes.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
};
