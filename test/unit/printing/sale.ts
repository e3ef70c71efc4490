import { receiptTranslations } from '../../../electron/printing/translations';
import { chainReceipt } from '../../../electron/sales/receipt-chain';
import type { Language } from '../../../shared/languages';
import { maskCustomerNumber, type Receipt, type ReceiptContent } from '../../../shared/receipt';

/** The translations as the core loads them, set to English: renderers pick the receipt's. */
export const translations = receiptTranslations;

/** The hash of receipt 41, which receipt 42 follows. */
const previousHash = 'ab'.repeat(32);

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
