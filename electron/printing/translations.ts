import i18next from 'i18next';
import en from '../../shared/i18n/en.json';
import fr from '../../shared/i18n/fr.json';
import zhCN from '../../shared/i18n/zh-CN.json';
import type { Translate } from './layout';

/**
 * The interface's translations for printing in the core (receipts): every language loaded, the
 * renderers choose the receipt's own language on each call.
 */
export function receiptTranslations(): Translate {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { translation: en }, fr: { translation: fr }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    showSupportNotice: false,
  });
  return i18n.t;
}
