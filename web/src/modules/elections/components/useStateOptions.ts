import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../lib/names';
import { useGeoStates } from '../../geo/hooks/useGeo';

/** States and UTs as select options (ECI code → name in the UI language). */
export const useStateOptions = () => {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const states = useGeoStates();
  return useMemo(() => (states.data ?? []).map((s) => ({ value: s.code, label: displayName(s, lang) })), [states.data, lang]);
};
