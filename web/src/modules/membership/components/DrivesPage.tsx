import type { TDrive } from '@samiti/common';
import { Anchor, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { displayName, pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { useMe } from '../../auth/hooks/useMe';
import { driveKeys } from '../api';
import { useDrives } from '../hooks/useDrives';
import { canCreateDrive, canReadOutbox } from '../permissions';
import { DriveFormModal } from './DriveFormModal';
import { DriveNames, useDriveDates } from './DriveName';
import { DriveStateBadge } from './DriveStateBadge';
import { useQueryClient } from '@tanstack/react-query';

const DriveCard = ({ drive }: { drive: TDrive }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const dates = useDriveDates();
  const queryClient = useQueryClient();
  const unitName = displayName(drive.unit, lang);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component={Link}
      to={`/drives/${drive.id}`}
      // The list row is the whole drive: its page shows at once.
      onClick={() => queryClient.setQueryData(driveKeys.detail(drive.id), (old: TDrive | undefined) => old ?? drive)}
      aria-label={t('drives.openDrive', { name: pickNames(drive, lang).primary })}
      data-testid="drive-row"
      data-drive-id={drive.id}
      style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <DriveNames drive={drive} order="row" />
        <DriveStateBadge drive={drive} />
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        <span lang={scriptLang(unitName)}>{t('drives.runBy', { unit: unitName })}</span> · {dates(drive)}
      </Text>
    </Paper>
  );
};

/** /drives — the membership drives the user can see, newest first. */
export const DrivesPage = () => {
  const { t } = useTranslation();
  useDocumentTitle(`${t('drives.title')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const drives = useDrives();
  const [creating, setCreating] = useState(false);
  const canCreate = me ? canCreateDrive(me.grants) : false;

  const body = () => {
    if (drives.isPending)
      return (
        <Stack gap="xs" aria-busy="true" data-testid="drives-loading">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={64} radius="md" />
          ))}
        </Stack>
      );
    if (drives.isError) return <ErrorState error={drives.error} onRetry={() => void drives.refetch()} />;
    if (drives.data.length === 0) return <EmptyState>{canCreate ? t('drives.emptyCanCreate') : t('drives.empty')}</EmptyState>;
    return (
      <Stack gap="xs" data-testid="drive-list">
        {drives.data.map((d) => (
          <DriveCard key={d.id} drive={d} />
        ))}
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('drives.title')}
        description={t('drives.pageDescription')}
        gap="sm"
        actions={
          <Group gap="xs">
            {me && canReadOutbox(me.grants) && (
              <Anchor component={Link} to="/sms-outbox" size="sm" data-testid="sms-outbox-link">
                {t('drives.smsOutbox')}
              </Anchor>
            )}
            {canCreate && (
              <Button onClick={() => setCreating(true)} data-testid="drive-create-button">
                {t('drives.create')}
              </Button>
            )}
          </Group>
        }
      />
      {body()}
      {canCreate && (
        <DriveFormModal opened={creating} onClose={() => setCreating(false)} onCreated={(d) => void navigate(`/drives/${d.id}`)} />
      )}
    </Stack>
  );
};
