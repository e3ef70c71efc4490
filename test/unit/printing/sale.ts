import i18next from 'i18next';
import type { Translate } from '../../../electron/printing/layout';
import { chainReceipt } from '../../../electron/sales/receipt-chain';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';
import zhCN from '../../../shared/i18n/zh-CN.json';
import type { Language } from '../../../shared/languages';
import { maskCustomerNumber, type Receipt, type ReceiptContent } from '../../../shared/receipt';

/**
 * The translations as the app loads them, with i18next's defaults otherwise (it HTML-escapes
 * interpolated values unless told not to), set to English: the renderers must ask for the
 * receipt's language themselves.
 */
export function translations(): Translate {
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

/** The hash of receipt 41, which receipt 42 follows. */
export const previousHash = 'ab'.repeat(32);

/** One fixed sale at the counter: a 10 GB card paid cash, 10 000 F for 5 500 F. */
export const saleContent: ReceiptContent = {
  deviceId: 'POS-1',
  number: 42,
  issuedAt: '2025-01-14T03:30:00.000Z',
  shop: {
    name: 'Cagou Mobile',
    addressLines: ['12 rue de Sébastopol', '98800 Nouméa'],
    phone: '+687 27 12 34',
    taxId: '1234567.001',
    footerLines: ['Merci de votre visite !', 'Bon séjour en Nouvelle-Calédonie.'],
  },
  timeZone: 'Pacific/Noumea',
  language: 'en',
  clerk: 'Marie',
  customer: maskCustomerNumber('+687751234'),
  carrier: 'Demo Mobile NC',
  plan: 'Travel 10 GB',
  dataMb: 10240,
  validityDays: 30,
  price: { amount: 5500, currency: 'XPF' },
  payment: { method: 'cash', tendered: 10000, change: 4500 },
  carrierReference: 'TX88231',
  status: 'succeeded',
  refundAmount: null,
};

/** The fixed sale's receipt, issued, in `language`, as copy `copy` (0: the original). */
export function saleReceipt(
  language: Language = 'en',
  changes: Partial<ReceiptContent> = {},
  copy = 0,
): Receipt {
  const issued = chainReceipt(
    { ...saleContent, language, ...changes },
    { number: 41, hash: previousHash },
  );
  return { ...issued, copy };
}
