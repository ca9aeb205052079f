import type { TInstanceStatus } from '@samiti/common';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR: Record<TInstanceStatus, string> = {
  'not-planned': 'gray',
  planned: 'blue',
  held: 'yellow',
  reported: 'green',
  cancelled: 'red',
};

export const StatusBadge = ({ status, isOverdue }: { status: TInstanceStatus; isOverdue?: boolean }) => {
  const { t } = useTranslation();
  return (
    <Badge color={isOverdue ? 'orange' : COLOR[status]} variant="light" data-testid="instance-status" data-status={status}>
      {t(`programmes.status_${status}`)}
      {isOverdue ? ` · ${t('programmes.overdue')}` : ''}
    </Badge>
  );
};
