import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/dates';
import { DRIVE_STATE_COLOR, driveState } from '../drive';

export const DriveStateBadge = ({ drive }: { drive: { isOpen: boolean; startsOn: string; endsOn: string } }) => {
  const { t } = useTranslation();
  const state = driveState(drive, todayIso());
  return (
    <Badge
      color={DRIVE_STATE_COLOR[state]}
      variant="light"
      tt="none"
      style={{ flexShrink: 0 }}
      data-testid="drive-state"
      data-state={state}
    >
      {t(`drives.states.${state}`)}
    </Badge>
  );
};
