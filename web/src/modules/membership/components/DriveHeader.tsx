import type { TDrive } from '@samiti/common';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { DriveNames, useDriveDates } from './DriveName';
import { DriveStateBadge } from './DriveStateBadge';
import { SelfEnrolLink } from './SelfEnrolLink';

type Props = {
  drive: TDrive;
  /** A booth being looked at: the self-enrolment link is offered for it. */
  boothId: number | null;
  onEnrol: (() => void) | null;
  onTargets: (() => void) | null;
};

/** The drive: name, dates, who runs it, the active-member rule, and the actions the server allows. */
export const DriveHeader = ({ drive, boothId, onEnrol, onTargets }: Props) => {
  const { t, i18n } = useTranslation();
  const dates = useDriveDates();
  const unitName = displayName(drive.unit, i18n.resolvedLanguage ?? 'en');
  return (
    <Paper withBorder p="md" radius="md" data-testid="drive-header" data-drive-id={drive.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <DriveNames drive={drive} order="title" />
          <DriveStateBadge drive={drive} />
        </Group>
        <Text size="sm" c="dimmed">
          <span lang={scriptLang(unitName)}>{t('drives.runBy', { unit: unitName })}</span> · {dates(drive)}
        </Text>
        <Group gap="xs">
          <Badge variant="outline" color="teal" tt="none" data-testid="drive-active-rule">
            {t('drives.activeRule', { count: drive.activeRuleMinVerified })}
          </Badge>
          {drive.allowSelfEnrol && (
            <Badge variant="outline" color="indigo" tt="none">
              {t('drives.selfEnrolOn')}
            </Badge>
          )}
        </Group>
        {drive.allowSelfEnrol && drive.isOpen && <SelfEnrolLink driveId={drive.id} boothId={boothId} />}
        {(onEnrol || onTargets) && (
          <Group gap="xs" role="toolbar" aria-label={t('drives.actionsLabel')}>
            {onEnrol && (
              <Button onClick={onEnrol} data-testid="enrol-button">
                {t('drives.enrol')}
              </Button>
            )}
            {onTargets && (
              <Button variant="default" onClick={onTargets} data-testid="targets-button">
                {t('drives.setTargets')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
};
