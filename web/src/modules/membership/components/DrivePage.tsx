import type { TDrive } from '@samiti/common';
import { Anchor, Button, Group, Paper, Skeleton, Stack, Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { ErrorState } from '../../../components/ErrorState';
import { pickNames } from '../../../lib/names';
import { ExportMenu } from '../../exports/components/ExportMenu';
import { idParam, isDriveTab } from '../drive';
import { useDrive, useProgress } from '../hooks/useDrives';
import { useDriveParams } from '../hooks/useDriveParams';
import { DriveBreadcrumbs } from './DriveBreadcrumbs';
import { DriveHeader } from './DriveHeader';
import { EnrolModal } from './EnrolModal';
import { LeaderboardPanel } from './LeaderboardPanel';
import { MembersPanel } from './MembersPanel';
import { ProgressChildren } from './ProgressChildren';
import { TargetsModal } from './TargetsModal';
import { UnitProgressCard } from './UnitProgressCard';

const ProgressSkeleton = () => (
  <Paper withBorder p="md" radius="md" aria-busy="true">
    <Stack gap="sm">
      <Skeleton height={22} width="50%" />
      <Skeleton height={44} />
      <Skeleton height={18} radius="xl" />
    </Stack>
  </Paper>
);

type TDialog = 'enrol' | 'targets' | null;

const DriveView = ({ drive }: { drive: TDrive }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(`${pickNames(drive, lang).primary} · ${t('app.name')}`);
  const params = useDriveParams(drive.id);
  const progress = useProgress(drive.id, params.unit);
  const [dialog, setDialog] = useState<TDialog>(null);
  const data = progress.data;
  // Leaderboard and members follow the unit whose numbers are on screen (the server's default when none was asked for).
  const unitId = params.unit ?? data?.unit.unit.id ?? null;
  const isStale = progress.isPlaceholderData;
  const isBooth = data !== undefined && !isStale && data.children.length === 0;
  const progressState = progress.isPending ? 'loading' : progress.isError && !data ? 'error' : isStale ? 'loading' : 'ready';

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/drives" size="sm">
        ← {t('drives.allDrives')}
      </Anchor>
      <DriveHeader
        drive={drive}
        boothId={isBooth && data ? data.unit.unit.id : null}
        onEnrol={drive.actions.canEnrol && data ? () => setDialog('enrol') : null}
        onTargets={drive.actions.canSetTargets && data && !isStale ? () => setDialog('targets') : null}
      />
      {data && <DriveBreadcrumbs driveUnitId={drive.unit.id} unit={data.unit.unit} hrefFor={params.hrefFor} />}
      <div
        data-testid="drive-progress"
        data-state={progressState}
        data-unit-id={data?.unit.unit.id}
        aria-busy={progressState === 'loading'}
      >
        {data ? (
          <UnitProgressCard progress={data} isStale={isStale} />
        ) : progress.isError ? (
          <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
        ) : (
          <ProgressSkeleton />
        )}
      </div>
      {progress.isError && data && <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />}
      {unitId !== null && (
        // Members and leaderboard of the unit on screen, as the tabs below show them.
        <Group justify="flex-end" data-testid="drive-exports">
          {drive.actions.canEnrol && (
            // The members import, opened for this drive from the unit on screen (one the user can see).
            <Button component={Link} to={`/units/${unitId}/import?drive=${drive.id}`} variant="default" data-testid="drive-import">
              {t('memberImports.fromDrive')}
            </Button>
          )}
          <ExportMenu unitId={unitId} driveId={drive.id} />
        </Group>
      )}
      <Tabs value={params.tab} onChange={(v) => isDriveTab(v) && params.setTab(v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="progress" data-testid="tab-progress">
            {t('drives.tabProgress')}
          </Tabs.Tab>
          <Tabs.Tab value="leaderboard" data-testid="tab-leaderboard">
            {t('drives.tabLeaderboard')}
          </Tabs.Tab>
          <Tabs.Tab value="members" data-testid="tab-members">
            {t('drives.tabMembers')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="progress" pt="md">
          {data ? (
            <ProgressChildren progress={data} sort={params.sort} onSort={params.setSort} hrefFor={params.hrefFor} isStale={isStale} />
          ) : (
            !progress.isError && <Skeleton height={160} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="leaderboard" pt="md">
          {unitId !== null && <LeaderboardPanel driveId={drive.id} unitId={unitId} />}
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          {unitId !== null && <MembersPanel driveId={drive.id} unitId={unitId} status={params.status} onStatus={params.setStatus} />}
        </Tabs.Panel>
      </Tabs>
      {data && drive.actions.canEnrol && (
        <EnrolModal drive={drive} unit={data.unit.unit} opened={dialog === 'enrol'} onClose={() => setDialog(null)} />
      )}
      {data && drive.actions.canSetTargets && (
        <TargetsModal driveId={drive.id} progress={data} opened={dialog === 'targets'} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
};

const DriveLoader = ({ id }: { id: number }) => {
  const drive = useDrive(id);
  if (drive.data) return <DriveView drive={drive.data} />;
  if (drive.isError) return <ErrorState error={drive.error} onRetry={() => void drive.refetch()} />;
  return (
    <Stack gap="md" aria-busy="true" data-testid="drive-loading">
      <Skeleton height={120} radius="md" />
      <ProgressSkeleton />
    </Stack>
  );
};

/** /drives/:id?unit=… — a drive's progress at one unit, with its sub-units, enrollers and members. */
export const DrivePage = () => {
  const { id } = useParams();
  const driveId = idParam(id);
  if (driveId === null) return <NotFoundPage />;
  return <DriveLoader key={driveId} id={driveId} />;
};
