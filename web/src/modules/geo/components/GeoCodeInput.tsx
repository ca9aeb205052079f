import type { TGeoRef, TGeoSearchHit } from '@samiti/common';
import { Anchor, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchCombobox } from '../../../components/SearchCombobox';
import { pickNames } from '../../../lib/names';
import { useGeoKindLabel } from '../hooks/useGeoKindLabel';
import { useGeoSearch } from '../hooks/useGeoSearch';
import { GeoHitLabel } from './GeoHitLabel';

type Props = {
  /** The code as the form holds it ('' = none). */
  value: string;
  onChange: (code: string) => void;
  /** The geography already linked, to show its name before any search. */
  initial: TGeoRef | null;
  error?: string;
  /** Hits of this kind (the level's usual geography) are listed first. */
  preferKind: string | null;
};

/** A geography code field: type a code directly, or search by name in either script and pick. */
export const GeoCodeInput = ({ value, onChange, initial, error, preferKind }: Props) => {
  const { t, i18n } = useTranslation();
  const kindLabel = useGeoKindLabel();
  const [picked, setPicked] = useState<TGeoRef | null>(initial);
  const { hits, isSearching, error: searchError, enabled } = useGeoSearch(value);
  const sorted = preferKind ? [...hits].sort((a, b) => Number(b.kind === preferKind) - Number(a.kind === preferKind)) : hits;
  const shown = picked && picked.code === value.trim().toUpperCase() ? picked : null;

  return (
    <div>
      <SearchCombobox<TGeoSearchHit>
        label={t('unitForm.geo')}
        description={t('unitForm.geoDescription')}
        placeholder={t('unitForm.geoPlaceholder')}
        value={value}
        onChange={onChange}
        items={shown ? [] : sorted}
        itemKey={(h) => h.code}
        renderItem={(h) => <GeoHitLabel hit={h} />}
        onPick={(h) => {
          setPicked(h);
          onChange(h.code);
        }}
        isActive={enabled && !shown}
        isSearching={isSearching}
        error={searchError}
        fieldError={error}
        testId="unit-form-geo"
      />
      {shown && (
        <Group gap="xs" mt={4} justify="space-between" wrap="nowrap">
          <Text size="sm" c="teal.8" data-testid="unit-form-geo-picked">
            {pickNames(shown, i18n.resolvedLanguage ?? 'en').primary} · {kindLabel(shown.kind)}
          </Text>
          <Anchor component="button" type="button" size="sm" onClick={() => onChange('')}>
            {t('unitForm.geoClear')}
          </Anchor>
        </Group>
      )}
    </div>
  );
};
