import type { TAssignmentStatus } from '@samiti/common';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR: Record<TAssignmentStatus, string> = { new: 'blue', acknowledged: 'indigo', 'in-progress': 'yellow', done: 'teal', declined: 'gray' };

export const StatusBadge = ({ status, isOverdue }: { status: TAssignmentStatus; isOverdue: boolean }) => {
  const { t } = useTranslation();
  return (
    <>
      <Badge color={COLOR[status]} variant="light" data-testid="assignment-status" data-status={status}>
        {t(`directives.status.${status}`)}
      </Badge>
      {isOverdue && (
        <Badge color="red" variant="filled" ml={4} data-testid="assignment-overdue">
          {t('directives.overdue')}
        </Badge>
      )}
    </>
  );
};
