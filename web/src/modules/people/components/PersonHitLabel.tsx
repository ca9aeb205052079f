import type { TPerson } from '@samiti/common';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { formatPhone } from '../names';
import { PersonName } from './PersonName';

/** A person search hit: the name in both scripts, where they live and their (maybe masked) number, to tell namesakes apart. */
export const PersonHitLabel = ({ person }: { person: TPerson }) => {
  const { i18n } = useTranslation();
  const unitName = displayName(person.homeUnit, i18n.resolvedLanguage ?? 'en');
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid="person-search-hit" data-person-id={person.id}>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" component="div">
          <PersonName person={person} layout="inline" />
        </Text>
        <Text size="xs" c="dimmed" lang={scriptLang(unitName)} lineClamp={1}>
          {unitName}
        </Text>
      </div>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
        {formatPhone(person.phone)}
      </Text>
    </Group>
  );
};
