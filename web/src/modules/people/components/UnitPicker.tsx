import type { TUnitSearchHit } from '@samiti/common';
import { Anchor, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchCombobox } from '../../../components/SearchCombobox';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { UnitHitLabel } from '../../units/components/UnitHitLabel';
import { useLevelLabel } from '../../units/hooks/useLevelLabel';
import { useUnitSearch } from '../../units/hooks/useUnitSearch';

export type TUnitRef = { id: number; name: string; nameHi: string | null; level: string };

type Props = {
  label: string;
  description?: string;
  value: TUnitRef | null;
  onChange: (unit: TUnitRef | null) => void;
  error?: string;
};

/** Shows the chosen unit with a "Change" link that opens a search over every unit the user may see. */
export const UnitPicker = ({ label, description, value, onChange, error }: Props) => {
  const { t, i18n } = useTranslation();
  const levelLabel = useLevelLabel();
  const [searching, setSearching] = useState(value === null);
  const [text, setText] = useState('');
  const { hits, isSearching, error: searchError, enabled } = useUnitSearch(text, null);

  if (value && !searching) {
    const { primary, secondary } = pickNames(value, i18n.resolvedLanguage ?? 'en');
    return (
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
        <Paper withBorder p="xs" radius="sm" mt={4} data-testid="home-unit-picked" data-unit-id={value.id}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" lang={scriptLang(primary)} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {primary}
              {secondary && (
                <Text span size="xs" c="dimmed" ml={6} lang={scriptLang(secondary)}>
                  {secondary}
                </Text>
              )}
              <Text span size="xs" c="dimmed" ml={6}>
                · {levelLabel(value.level)}
              </Text>
            </Text>
            <Anchor component="button" type="button" size="sm" onClick={() => setSearching(true)} data-testid="home-unit-change">
              {t('personForm.homeUnitChange')}
            </Anchor>
          </Group>
        </Paper>
        {error && (
          <Text size="xs" c="red" mt={4} role="alert">
            {error}
          </Text>
        )}
      </div>
    );
  }

  return (
    <SearchCombobox<TUnitSearchHit>
      label={label}
      description={description}
      placeholder={t('personForm.homeUnitSearch')}
      hint={t('units.searchHint')}
      value={text}
      onChange={setText}
      items={hits}
      itemKey={(h) => String(h.id)}
      renderItem={(h) => <UnitHitLabel hit={h} />}
      onPick={(h) => {
        onChange({ id: h.id, name: h.name, nameHi: h.nameHi, level: h.level });
        setText('');
        setSearching(false);
      }}
      isActive={enabled}
      isSearching={isSearching}
      error={searchError}
      fieldError={error}
      testId="home-unit-search"
    />
  );
};
