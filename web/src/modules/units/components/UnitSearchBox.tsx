import type { TUnit, TUnitSearchHit } from '@samiti/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { SearchCombobox } from '../../../components/SearchCombobox';
import { usePrimeUnit } from '../hooks/usePrimeUnit';
import { useUnitSearch } from '../hooks/useUnitSearch';
import { UnitHitLabel } from './UnitHitLabel';

/** Jump to any unit in this unit's subtree by name, typed in Hindi or English. */
export const UnitSearchBox = ({ unit }: { unit: TUnit }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const prime = usePrimeUnit();
  const [text, setText] = useState('');
  const { hits, isSearching, error, enabled } = useUnitSearch(text, unit.id);

  return (
    <SearchCombobox<TUnitSearchHit>
      label={t('units.searchLabel')}
      placeholder={t('units.searchPlaceholder')}
      hint={t('units.searchHint')}
      value={text}
      onChange={setText}
      items={hits}
      itemKey={(h) => String(h.id)}
      renderItem={(h) => <UnitHitLabel hit={h} />}
      onPick={(h) => {
        prime(h);
        setText('');
        void navigate(`/units/${h.id}`);
      }}
      isActive={enabled}
      isSearching={isSearching}
      error={error}
      testId="unit-search"
    />
  );
};
