import type { CarrierProfile } from '../../shared/carrier';
import type { Language } from '../../shared/languages';
import { maskCustomerNumber, receiptShopFromProfile } from '../../shared/receipt';
import type { Sale } from '../../shared/sale';
import type { ShopProfile } from '../../shared/shop';
import type { ReceiptDraft } from './receipts';

/** What a sale's receipt says, from the journal: the real outcome, never the hoped-for one. */
export function receiptDraftFor(
  sale: Sale,
  context: { shop: ShopProfile; clerk: string; carrier: CarrierProfile | null; language: Language },
): ReceiptDraft {
  const cash = sale.payment.method === 'cash';
  return {
    shop: receiptShopFromProfile(context.shop),
    tillName: context.shop.tillName,
    timeZone: context.shop.timeZone,
    language: context.language,
    clerk: context.clerk,
    customer: maskCustomerNumber(sale.msisdn),
    carrier: context.carrier?.name ?? sale.carrierId,
    plan: sale.planName,
    dataMb: sale.dataMb,
    validityDays: sale.validityDays,
    price: { amount: sale.price, currency: sale.currency },
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
    refundAmount: sale.status === 'failed' ? sale.price : null,
  };
}
