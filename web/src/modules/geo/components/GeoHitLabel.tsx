import type { TGeoSearchHit } from '@samiti/common';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { useGeoKindLabel } from '../hooks/useGeoKindLabel';

/** One geography search hit: name in the UI language, the other script, kind and code. */
export const GeoHitLabel = ({ hit }: { hit: TGeoSearchHit }) => {
  const { i18n } = useTranslation();
  const kindLabel = useGeoKindLabel();
  const { primary, secondary } = pickNames(hit, i18n.resolvedLanguage ?? 'en');
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <div style={{ minWidth: 0 }}>
        <Text size="sm" lang={scriptLang(primary)} truncate>
          {primary}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {secondary && <span lang={scriptLang(secondary)}>{secondary} · </span>}
          {hit.code}
        </Text>
      </div>
      <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
        {kindLabel(hit.kind)}
      </Badge>
    </Group>
  );
};
