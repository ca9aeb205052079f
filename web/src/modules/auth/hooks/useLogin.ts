import type { TMe } from '@samiti/common';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { storedLanguage } from '../../../i18n';
import { languageAfterLogin } from '../../../lib/locale';
import { login, meKey, saveLocale } from '../api';

type TCredentials = { username: string; password: string };

/** Signs in, then settles the UI language between this device's choice and the account's. */
export const useLogin = (): UseMutationResult<TMe, Error, TCredentials> => {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(meKey, me);
      const { language, saveToAccount } = languageAfterLogin(storedLanguage(), me.locale);
      void i18n.changeLanguage(language);
      if (saveToAccount) {
        saveLocale(language)
          .then((updated) => queryClient.setQueryData(meKey, updated))
          .catch(() => undefined); // best-effort; the device keeps its choice either way
      }
    },
  });
};
