import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { formatDate } from '../../../lib/format';

/** A drive's name in the UI language first, the other script small beneath it. */
export const DriveNames = ({ drive, order }: { drive: { name: string; nameHi: string | null }; order: 'title' | 'row' }) => {
  const { i18n } = useTranslation();
  const { primary, secondary } = pickNames(drive, i18n.resolvedLanguage ?? 'en');
  return (
    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      <Text
        component={order === 'title' ? 'h1' : 'span'}
        fw={700}
        size={order === 'title' ? 'xl' : 'md'}
        m={0}
        display="block"
        lang={scriptLang(primary)}
        data-testid={order === 'title' ? 'drive-name' : undefined}
      >
        {primary}
      </Text>
      {secondary && (
        <Text size="xs" c="dimmed" lang={scriptLang(secondary)}>
          {secondary}
        </Text>
      )}
    </div>
  );
};

/** "1 Sept 2025 – 31 Oct 2025" in the UI language. */
export const useDriveDates = (): ((drive: { startsOn: string; endsOn: string }) => string) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (drive) => t('drives.dates', { start: formatDate(drive.startsOn, lang), end: formatDate(drive.endsOn, lang) });
};
