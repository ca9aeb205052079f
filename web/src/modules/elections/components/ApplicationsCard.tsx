import type { TElection, TSeat } from '@samiti/common';
import { Anchor, Alert, Group, Paper, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../../lib/errors';
import { electionKeys, setElectionApplications, setSeatApplications } from '../api';

/** Opens or closes the public application form for the election, with the form's link. */
export const ApplicationsCard = ({ election }: { election: TElection }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (open: boolean) => setElectionApplications(election.id, open),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: electionKeys.all }),
  });
  if (!election.actions.canOpenApplications && !election.applicationsOpen) return null;
  const href = `/apply/${election.id}`;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="applications-card">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={500}>{t('elections.applications.title')}</Text>
          <Switch
            checked={election.applicationsOpen}
            disabled={!election.actions.canOpenApplications || toggle.isPending}
            onChange={(e) => toggle.mutate(e.currentTarget.checked)}
            label={t('elections.applications.open')}
            data-testid="applications-open"
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('elections.applications.help')}
        </Text>
        {election.applicationsOpen && (
          <Anchor component={Link} to={href} size="sm" data-testid="applications-link">
            {t('elections.applications.link')}: {window.location.origin}
            {href}
          </Anchor>
        )}
        {toggle.isError && <Alert color="red">{errorText(toggle.error, t)}</Alert>}
      </Stack>
    </Paper>
  );
};

/** A seat's own setting: follow the election, or open/closed regardless. */
export const SeatApplicationsControl = ({ seat, canEdit }: { seat: TSeat; canEdit: boolean }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const set = useMutation({
    mutationFn: (open: boolean | null) => setSeatApplications(seat.id, open),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: electionKeys.all }),
  });
  if (!canEdit) return null;
  const value = seat.applicationsOpen === null ? 'follow' : seat.applicationsOpen ? 'open' : 'closed';
  return (
    <Group gap="xs" data-testid="seat-applications">
      <Text size="sm">{t('elections.applications.seat')}</Text>
      <SegmentedControl
        size="xs"
        value={value}
        disabled={set.isPending}
        onChange={(v) => set.mutate(v === 'follow' ? null : v === 'open')}
        data={[
          { value: 'follow', label: t('elections.applications.follow') },
          { value: 'open', label: t('elections.applications.seatOpen') },
          { value: 'closed', label: t('elections.applications.seatClosed') },
        ]}
      />
      {set.isError && (
        <Text size="sm" c="red">
          {errorText(set.error, t)}
        </Text>
      )}
    </Group>
  );
};
