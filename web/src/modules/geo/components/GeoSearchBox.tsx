import type { TGeoSearchHit } from '@samiti/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { SearchCombobox } from '../../../components/SearchCombobox';
import { useGeoSearch } from '../hooks/useGeoSearch';
import { geoPath } from '../paths';
import { GeoHitLabel } from './GeoHitLabel';

/** Find a state, constituency, district or booth by name (either script) or code, and open it. */
export const GeoSearchBox = ({ initial = '' }: { initial?: string }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const { hits, isSearching, error, enabled } = useGeoSearch(text);
  return (
    <SearchCombobox<TGeoSearchHit>
      label={t('geo.searchLabel')}
      placeholder={t('geo.searchPlaceholder')}
      hint={t('units.searchHint')}
      value={text}
      onChange={setText}
      items={hits}
      itemKey={(h) => h.code}
      renderItem={(h) => <GeoHitLabel hit={h} />}
      onPick={(h) => {
        setText('');
        const path = geoPath(h.code);
        // Districts have no page of their own: keep showing the hit in the search box.
        if (path.startsWith('/geo?')) setText(h.code);
        else void navigate(path);
      }}
      isActive={enabled}
      isSearching={isSearching}
      error={error}
      testId="geo-search"
    />
  );
};
