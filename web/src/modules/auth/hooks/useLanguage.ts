import type { TLocale, TMe } from '@samiti/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { storeLanguage } from '../../../i18n';
import { isLocale, otherLanguage } from '../../../lib/locale';
import { meKey, saveLocale } from '../api';

/** The UI language and a switch that remembers the choice on this device and, when signed in, on the account. */
export const useLanguage = (): { lang: TLocale; setLanguage: (next: TLocale) => void; toggle: () => void } => {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lang: TLocale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const save = useMutation({
    mutationFn: saveLocale,
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
  const { mutate } = save;

  const setLanguage = useCallback(
    (next: TLocale) => {
      storeLanguage(next);
      void i18n.changeLanguage(next);
      const me = queryClient.getQueryData<TMe>(meKey);
      // Saving is best-effort: the switch has already happened on this device.
      if (me && me.locale !== next) mutate(next);
    },
    [i18n, queryClient, mutate],
  );

  return { lang, setLanguage, toggle: () => setLanguage(otherLanguage(lang)) };
};
