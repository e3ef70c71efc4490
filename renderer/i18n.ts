import i18next, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../shared/i18n/en.json';
import fr from '../shared/i18n/fr.json';
import zhCN from '../shared/i18n/zh-CN.json';
import { isLanguage, type Language } from '../shared/languages';

const storageKey = 'comptoir.language';

/** A key of the interface's texts (English's, which the other languages share). */
export type TranslationKey = ParseKeys;

/** The language chosen on this screen, if anyone chose one. */
export function chosenLanguage(): Language | null {
  const stored = window.localStorage.getItem(storageKey);
  return isLanguage(stored) ? stored : null;
}

export function chooseLanguage(language: Language) {
  window.localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  return i18next.changeLanguage(language);
}

export function startI18n(language: Language) {
  document.documentElement.lang = language;
  return i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
