import type { TLocale } from '@samiti/common';

export const LANG_STORAGE_KEY = 'samiti.lang';

export const isLocale = (value: unknown): value is TLocale => value === 'en' || value === 'hi';

/** BCP 47 tag for Intl: Indian English keeps lakh/crore grouping (12,34,567) just like Hindi. */
export const intlTag = (lang: string): string => (lang === 'hi' ? 'hi-IN' : 'en-IN');

/** First language on this device: what the user chose here before, else the browser's, else English. */
export const startupLanguage = (stored: string | null, browserLanguages: readonly string[]): TLocale => {
  if (isLocale(stored)) return stored;
  return browserLanguages.some((l) => l.toLowerCase().startsWith('hi')) ? 'hi' : 'en';
};

/**
 * After sign-in: a choice made on this device wins (the user may have just switched on the
 * login screen) and is then saved to the account; with no choice here, the account's language is used.
 */
export const languageAfterLogin = (stored: string | null, accountLocale: TLocale): { language: TLocale; saveToAccount: boolean } =>
  isLocale(stored) ? { language: stored, saveToAccount: stored !== accountLocale } : { language: accountLocale, saveToAccount: false };

export const otherLanguage = (lang: string): TLocale => (lang === 'hi' ? 'en' : 'hi');
