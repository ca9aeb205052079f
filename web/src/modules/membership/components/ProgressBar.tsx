import { Progress } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { progressSections, type TProgressCounts } from '../progress';

/** Verified (green) and pending (yellow) against the target; the empty rest is what is left to do. */
export const ProgressBar = ({ row, size }: { row: TProgressCounts; size: 'sm' | 'xl' }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const { verified, pending } = progressSections(row);
  const label = t('progress.barLabel', {
    verified: formatNumber(row.verified, lang),
    pending: formatNumber(Math.max(0, row.enrolled - row.verified), lang),
    target: row.target === null ? t('progress.noTarget') : formatNumber(row.target, lang),
  });
  return (
    <Progress.Root size={size} radius="xl" aria-label={label} title={label} role="img">
      <Progress.Section value={verified} color="teal" withAria={false} />
      <Progress.Section value={pending} color="yellow.5" withAria={false} />
    </Progress.Root>
  );
};
