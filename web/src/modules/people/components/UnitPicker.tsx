import type { TUnitSearchHit } from '@samiti/common';
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PickedValue } from '../../../components/PickedValue';
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
      <PickedValue
        label={label}
        description={description}
        changeLabel={t('personForm.homeUnitChange')}
        onChange={() => setSearching(true)}
        changeTestId="home-unit-change"
        error={error}
        attrs={{ 'data-testid': 'home-unit-picked', 'data-unit-id': value.id }}
      >
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
      </PickedValue>
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
