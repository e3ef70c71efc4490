import { dayReport, type SaleFact } from '../../../electron/day/report';
import type { DayReportDocument } from '../../../electron/printing/day-report';
import type { ZReport } from '../../../shared/day';
import type { Language } from '../../../shared/languages';
import { saleContent } from './sale';

const tenGb = { planId: '10go', planName: 'Travel 10 GB', price: 5500, dealerCost: 4500 };
const twoGb = { planId: '2go', planName: 'Travel 2 GB', price: 2000, dealerCost: 1500 };

const sale = (
  id: number,
  createdAt: string,
  fact: Partial<SaleFact> & Pick<SaleFact, 'planId' | 'planName' | 'price' | 'dealerCost'>,
): SaleFact => ({
  id,
  status: 'succeeded',
  msisdn: '+687751234',
  carrierId: 'nc-demo',
  createdAt,
  currency: 'XPF',
  method: 'cash',
  clerk: 'Marie',
  modemId: 'modem-1',
  resolvedByHand: false,
  paid: true,
  taxRate: 1100,
  ...fact,
});

/** Sale 5, left unknown the day before: carried over until a manager resolves it. */
const carried = sale(5, '2025-01-13T04:10:00.000Z', {
  ...twoGb,
  status: 'unknown',
  msisdn: '+687790011',
  modemId: 'modem-2',
});
const unknownToday = sale(10, '2025-01-14T02:05:00.000Z', {
  ...tenGb,
  status: 'unknown',
  clerk: 'Léa',
  msisdn: '+687762233',
  modemId: 'modem-2',
});

/**
 * One fixed day at Cagou Mobile (Nouméa, XPF), closed by Paul as Z report 12: five sales (one
 * refused and refunded in cash, one unknown, one resolved by hand), cash in and out, a count
 * 900 F over with its reason, two dealer SIMs (one 4 500 F short, explained by the unknown sale),
 * and yesterday's unknown sale carried over.
 */
export const fixedZ: ZReport = {
  number: 12,
  deviceId: 'POS-1',
  issuedAt: '2025-01-14T07:30:00.000Z',
  hash: 'cd'.repeat(32),
  prevHash: 'ab'.repeat(32),
  report: dayReport({
    shift: {
      id: 12,
      openedAt: '2025-01-13T20:00:00.000Z',
      openedBy: 'Marie',
      float: { amount: 20_000, currency: 'XPF' },
      closedAt: '2025-01-14T07:30:00.000Z',
      closedBy: 'Paul',
    },
    from: '2025-01-13T07:45:00.000Z',
    to: '2025-01-14T07:30:00.000Z',
    currency: 'XPF',
    timeZone: 'Pacific/Noumea',
    sales: [
      sale(7, '2025-01-13T21:15:00.000Z', tenGb),
      // Sold at a reduced TGC rate: the Z report sums its tax apart, by rate.
      sale(8, '2025-01-13T22:40:00.000Z', {
        ...twoGb,
        method: 'card',
        modemId: 'modem-2',
        taxRate: 600,
      }),
      sale(9, '2025-01-14T00:20:00.000Z', { ...twoGb, status: 'failed', clerk: 'Léa' }),
      unknownToday,
      sale(11, '2025-01-14T05:50:00.000Z', { ...tenGb, method: 'other', resolvedByHand: true }),
    ],
    refunds: [
      {
        saleId: 9,
        amount: 2000,
        method: 'cash',
        at: '2025-01-14T00:21:00.000Z',
        reason: 'unknown_number: Numéro client 687751234 inconnu.',
        cause: {
          code: 'unknown_number',
          carrierText: 'Numéro client 687751234 inconnu.',
          retryAfterSeconds: null,
        },
        taxRate: 1100,
      },
    ],
    movements: [
      {
        kind: 'in',
        amount: 2000,
        reason: 'Coins from the bank',
        actor: 'Marie',
        at: '2025-01-13T20:05:00.000Z',
      },
      {
        kind: 'out',
        amount: 5000,
        reason: 'Paid the cleaner',
        actor: 'Paul',
        at: '2025-01-14T03:00:00.000Z',
      },
    ],
    readings: [
      {
        modemId: 'modem-1',
        carrierId: 'nc-demo',
        moment: 'opening',
        amount: 100_000,
        source: 'ussd',
        at: '2025-01-13T20:00:00.000Z',
      },
      {
        modemId: 'modem-2',
        carrierId: 'nc-demo',
        moment: 'opening',
        amount: 50_000,
        source: 'manual',
        at: '2025-01-13T20:01:00.000Z',
      },
      {
        modemId: 'modem-1',
        carrierId: 'nc-demo',
        moment: 'closing',
        amount: 91_000,
        source: 'ussd',
        at: '2025-01-14T07:30:00.000Z',
      },
      {
        modemId: 'modem-2',
        carrierId: 'nc-demo',
        moment: 'closing',
        amount: 44_000,
        source: 'ussd',
        at: '2025-01-14T07:30:00.000Z',
      },
    ],
    unknown: [carried, unknownToday],
    count: {
      counted: [
        { denomination: 100, count: 4 },
        { denomination: 500, count: 1 },
        { denomination: 1000, count: 3 },
        { denomination: 5000, count: 1 },
        { denomination: 10_000, count: 2 },
      ],
      reason: 'Customer left the change',
    },
  }),
};

/** The fixed Z report as printed at Cagou Mobile, in `language`. */
export function zDocumentOf(
  language: Language = 'en',
  changes: Partial<DayReportDocument> = {},
): DayReportDocument {
  return {
    report: fixedZ.report,
    // Sale 5, carried over from a day before receipts were numbered here, has none.
    names: {
      receipts: { 9: 38, 10: 40, 11: 41 },
      carriers: { 'nc-demo': 'Demo Mobile' },
      till: 'Comptoir 1',
    },
    deviceId: fixedZ.deviceId,
    z: { number: fixedZ.number, hash: fixedZ.hash, prevHash: fixedZ.prevHash },
    shop: saleContent.shop,
    timeZone: 'Pacific/Noumea',
    language,
    copy: false,
    ...changes,
  };
}

/** The same figures for a shift still open, as an X report shows them at 15:00 in Nouméa. */
export function xDocumentOf(language: Language = 'en'): DayReportDocument {
  const { report } = fixedZ;
  return zDocumentOf(language, {
    report: {
      ...report,
      shift: { ...report.shift, closedAt: null, closedBy: null },
      to: '2025-01-14T04:00:00.000Z',
      count: null,
    },
    z: null,
  });
}
