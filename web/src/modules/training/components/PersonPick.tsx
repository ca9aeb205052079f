import type { TPersonRef } from '@samiti/common';
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PickedValue } from '../../../components/PickedValue';
import { SearchCombobox } from '../../../components/SearchCombobox';
import { PersonHitLabel } from '../../people/components/PersonHitLabel';
import { usePersonSearch } from '../../people/hooks/usePeople';
import { personName } from '../../people/names';

type Props = { label: string; value: TPersonRef | null; onChange: (p: TPersonRef | null) => void; error?: string; testId: string };

/** A person chosen by searching everyone the user may see (name in either script, or mobile number). */
export const PersonPick = ({ label, value, onChange, error, testId }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [text, setText] = useState('');
  const { hits, isSearching, error: searchError, enabled } = usePersonSearch(text);
  if (value) {
    return (
      <PickedValue
        label={label}
        changeLabel={t('training.change')}
        onChange={() => onChange(null)}
        error={error}
        attrs={{ 'data-testid': `${testId}-picked`, 'data-person-id': value.id }}
      >
        <Text size="sm">{personName(value, lang)}</Text>
      </PickedValue>
    );
  }
  return (
    <SearchCombobox
      label={label}
      placeholder={t('training.personPlaceholder')}
      hint={t('units.searchHint')}
      value={text}
      onChange={setText}
      items={hits}
      itemKey={(p) => String(p.id)}
      renderItem={(p) => <PersonHitLabel person={p} />}
      onPick={(p) => onChange({ id: p.id, name: p.name, nameHi: p.nameHi })}
      isActive={enabled}
      isSearching={isSearching}
      error={searchError}
      fieldError={error}
      testId={testId}
    />
  );
};
