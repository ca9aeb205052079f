import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { levelLabel } from '../levels';
import { useLevels, useWings } from './useConfig';

/** (levelKey) → the level's name in the UI language. */
export const useLevelLabel = (): ((key: string) => string) => {
  const { i18n } = useTranslation();
  const { data: levels } = useLevels();
  const lang = i18n.resolvedLanguage ?? 'en';
  return useCallback((key: string) => levelLabel(levels, key, lang), [levels, lang]);
};

/** (wingKey) → the wing's name in the UI language. */
export const useWingLabel = (): ((key: string) => string) => {
  const { i18n } = useTranslation();
  const { data: wings } = useWings();
  const lang = i18n.resolvedLanguage ?? 'en';
  return useCallback(
    (key: string) => {
      const wing = wings?.find((w) => w.key === key);
      if (!wing) return key;
      return lang === 'hi' && wing.nameHi ? wing.nameHi : wing.name;
    },
    [wings, lang],
  );
};
