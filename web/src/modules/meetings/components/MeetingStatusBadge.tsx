import type { TMeetingStatus } from '@samiti/common';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<TMeetingStatus, string> = { planned: 'blue', held: 'teal', 'minutes-approved': 'green', cancelled: 'gray' };

export const MeetingStatusBadge = ({ status }: { status: TMeetingStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" miw="max-content" data-testid="meeting-status" data-status={status}>
      {t(`meetings.statuses.${status}`)}
    </Badge>
  );
};
