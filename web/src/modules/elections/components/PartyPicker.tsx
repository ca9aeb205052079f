import type { TPartyRef } from '@samiti/common';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParties } from '../hooks/useElections';

export const partyLabel = (p: TPartyRef, lang: string) => {
  const name = lang === 'hi' && p.nameHi ? p.nameHi : p.name;
  return p.short ? `${p.short} — ${name}` : name;
};

type Props = { label: string; value: TPartyRef | null; onChange: (p: TPartyRef | null) => void; testId?: string; clearable?: boolean };

/** A party chosen by typing any of its names (BJP, भाजपा, Bharatiya Janata Party). */
export const PartyPicker = ({ label, value, onChange, testId, clearable = true }: Props) => {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const parties = useParties(q);
  const data = useMemo(() => {
    const list = [...(parties.data ?? [])];
    if (value && !list.some((p) => p.key === value.key)) list.unshift(value);
    return list.map((p) => ({ value: p.key, label: partyLabel(p, lang) }));
  }, [parties.data, value, lang]);
  return (
    <Select
      label={label}
      data={data}
      value={value?.key ?? null}
      searchable
      clearable={clearable}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(key) => onChange(key ? ((parties.data ?? []).find((p) => p.key === key) ?? (value?.key === key ? value : null)) : null)}
      nothingFoundMessage="–"
      data-testid={testId}
    />
  );
};
