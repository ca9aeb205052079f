import type { TUnitSearchHit } from '@samiti/common';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayName, pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { useLevelLabel } from '../hooks/useLevelLabel';

/** A unit search hit with its trail of ancestors, which tells two units of the same name apart. */
export const UnitHitLabel = ({ hit }: { hit: TUnitSearchHit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const levelLabel = useLevelLabel();
  const { primary, secondary } = pickNames(hit, lang);
  const trail = hit.trail.map((a) => displayName(a, lang)).join(' › ');
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid="unit-search-hit" data-unit-id={hit.id}>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} lang={scriptLang(primary)}>
          {primary}
          {secondary && (
            <Text span size="xs" c="dimmed" ml={6} lang={scriptLang(secondary)}>
              {secondary}
            </Text>
          )}
        </Text>
        {trail && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {trail}
          </Text>
        )}
      </div>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        {hit.deletedAt && (
          <Badge size="xs" color="red">
            {t('units.deleted')}
          </Badge>
        )}
        <Badge size="xs" variant="light">
          {levelLabel(hit.level)}
        </Badge>
      </Group>
    </Group>
  );
};
