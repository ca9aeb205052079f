import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { intlTag, LANG_STORAGE_KEY, startupLanguage } from '../lib/locale';
import en from './en.json';
import hi from './hi.json';

const readStored = (): string | null => {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, policy): the browser language decides.
  }
};

/** Remember the user's choice on this device. */
export const storeLanguage = (lang: string): void => {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not fatal: the choice still holds for this visit and on the account.
  }
};

export const storedLanguage = readStored;

const applyToDocument = (lang: string): void => {
  document.documentElement.lang = lang;
  document.documentElement.dataset.intl = intlTag(lang);
};

export const i18n = i18next.createInstance();

/** Initialise once before the first render; resources are bundled, so this resolves synchronously. */
export const initI18n = (): typeof i18n => {
  const lng = startupLanguage(readStored(), navigator.languages ?? [navigator.language]);
  i18n.on('languageChanged', applyToDocument);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, hi: { translation: hi } },
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'hi'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  applyToDocument(lng);
  return i18n;
};
