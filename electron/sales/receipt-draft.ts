import type { CarrierProfile } from '../../shared/carrier';
import type { Language } from '../../shared/languages';
import {
  legalReceiptLanguage,
  maskCustomerNumber,
  receiptShopFromProfile,
  receiptTotal,
} from '../../shared/receipt';
import type { Sale } from '../../shared/sale';
import type { ShopProfile } from '../../shared/shop';
import { taxOfTotal } from '../../shared/tax';
import type { ReceiptDraft } from './receipts';

/**
 * What a sale's receipt says, from the journal: the real outcome, never the hoped-for one. With
 * `corrects` (the sale's receipt saying pending), it is a correction of that receipt: −1 × the
 * price when the money went back, 0 when the top-up landed, and without the cash handed over
 * (that belongs to the receipt it corrects).
 */
export function receiptDraftFor(
  sale: Sale,
  context: {
    shop: ShopProfile;
    /** The name of the till the sale was made at. */
    tillName: string;
    clerk: string;
    carrier: CarrierProfile | null;
    language: Language;
    corrects?: { number: number };
  },
): ReceiptDraft {
  const { corrects } = context;
  const cash = sale.payment.method === 'cash' && !corrects;
  const legalLanguage = legalReceiptLanguage(context.shop.country);
  const billing = {
    price: { amount: sale.price, currency: sale.currency },
    refundAmount: sale.status === 'failed' ? sale.price : null,
    quantity: corrects ? (sale.status === 'failed' ? -1 : 0) : 1,
    ...(corrects ? { corrects: { number: corrects.number } } : {}),
  };
  return {
    shop: receiptShopFromProfile(context.shop),
    tillName: context.tillName,
    timeZone: context.shop.timeZone,
    language: context.language,
    ...(legalLanguage ? { legalLanguage } : {}),
    clerk: context.clerk,
    customer: maskCustomerNumber(sale.msisdn),
    carrier: context.carrier?.name ?? sale.carrierId,
    plan: sale.planName,
    dataMb: sale.dataMb,
    validityDays: sale.validityDays,
    ...billing,
    // A sale made before rates were recorded has no tax to print: never guessed.
    ...(sale.taxRate === null ? {} : { taxes: [taxOfTotal(receiptTotal(billing), sale.taxRate)] }),
    payment: {
      method: sale.payment.method,
      ...(cash && sale.payment.tendered !== null ? { tendered: sale.payment.tendered } : {}),
      ...(cash && sale.payment.change !== null ? { change: sale.payment.change } : {}),
      ...(sale.payment.reference ? { reference: sale.payment.reference } : {}),
    },
    carrierReference: sale.carrierReference,
    status:
      sale.status === 'succeeded'
        ? 'succeeded'
        : sale.status === 'failed'
          ? 'failed-refunded'
          : 'pending-verification',
  };
}
