import 'i18next';
import type en from '../shared/i18n/en.json';

/**
 * The renderer's keys are English's: `t` refuses a key that en.json lacks, so a typo or a key
 * built from a wider type than the keys it can be fails the type check (fr and zh-CN are held
 * to English's keys by test/unit/i18n/locales.test.ts).
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
