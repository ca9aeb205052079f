import type { TConflict } from '@samiti/common';
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { displayName } from '../../../lib/names';

/** Each clash in words: which stop, when, and how much time the road needs against what the plan leaves. */
export const ConflictList = ({ conflicts }: { conflicts: TConflict[] }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <List size="sm" spacing={2} data-testid="conflict-list">
      {conflicts.map((c) => (
        <List.Item key={`${c.kind}-${c.stopId}`}>
          <Text size="sm" span>
            {c.kind === 'overlap'
              ? t('tours.conflictOverlap', {
                  place: displayName({ name: c.unitName, nameHi: c.unitNameHi }, lang),
                  when: formatDateTime(c.startsAt, lang, 'Asia/Kolkata'),
                  tour: c.tourTitle,
                })
              : t('tours.conflictTravel', {
                  place: displayName({ name: c.unitName, nameHi: c.unitNameHi }, lang),
                  when: formatDateTime(c.startsAt, lang, 'Asia/Kolkata'),
                  km: c.distanceKm ?? '?',
                  needed: c.neededMinutes,
                  gap: c.gapMinutes,
                })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
};
