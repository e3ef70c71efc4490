import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receiptLines } from '../../../electron/printing/layout';
import { displayWidth } from '../../../electron/printing/text-width';
import type { Language } from '../../../shared/languages';
import { taxOfTotal } from '../../../shared/tax';
import { saleReceipt, translations } from './sale';

const t = translations();

describe('the receipt as text lines', () => {
  it('prints the fixed sale in English on 58 mm paper (32 columns)', () => {
    expect(receiptLines(saleReceipt('en'), t, 32)).toEqual([
      '          Cagou Mobile',
      '      12 rue de Sébastopol',
      '          98800 Nouméa',
      '       Tel. +687 27 12 34',
      '       Tax id 1234567.001',
      '================================',
      'Receipt                   No. 42',
      'Date                Jan 14, 2025',
      'Time                       14:30',
      'Clerk                      Marie',
      '--------------------------------',
      'Customer           +687 •• •• 34',
      'Carrier           Demo Mobile NC',
      'Plan                Travel 10 GB',
      'Data                       10 GB',
      'Validity                 30 days',
      'Carrier ref.             TX88231',
      '--------------------------------',
      'Price                  5,500 XPF',
      'Payment                     Cash',
      'Tendered              10,000 XPF',
      'Change                 4,500 XPF',
      '================================',
      '          TOP-UP DONE',
      ' The data has been added to the',
      '             card.',
      '================================',
      '    Merci de votre visite !',
      '         Bon séjour en',
      '      Nouvelle-Calédonie.',
      'Till                       POS-1',
      'Check code      bc6a570786a23349',
    ]);
  });

  it('prints the fixed sale in English on 80 mm paper (48 columns)', () => {
    expect(receiptLines(saleReceipt('en'), t, 48)).toEqual([
      '                  Cagou Mobile',
      '              12 rue de Sébastopol',
      '                  98800 Nouméa',
      '               Tel. +687 27 12 34',
      '               Tax id 1234567.001',
      '================================================',
      'Receipt                                   No. 42',
      'Date                                Jan 14, 2025',
      'Time                                       14:30',
      'Clerk                                      Marie',
      '------------------------------------------------',
      'Customer                           +687 •• •• 34',
      'Carrier                           Demo Mobile NC',
      'Plan                                Travel 10 GB',
      'Data                                       10 GB',
      'Validity                                 30 days',
      'Carrier ref.                             TX88231',
      '------------------------------------------------',
      'Price                                  5,500 XPF',
      'Payment                                     Cash',
      'Tendered                              10,000 XPF',
      'Change                                 4,500 XPF',
      '================================================',
      '                  TOP-UP DONE',
      '      The data has been added to the card.',
      '================================================',
      '            Merci de votre visite !',
      '       Bon séjour en Nouvelle-Calédonie.',
      'Till                                       POS-1',
      'Check code                      bc6a570786a23349',
    ]);
  });

  describe.each([
    [
      'fr',
      [
        'Reçu',
        'N° 42',
        'Espèces',
        '5 500 XPF',
        'Monnaie rendue',
        'RECHARGE EFFECTUÉE',
        '14 janv. 2025',
      ],
    ],
    ['zh-CN', ['收据', '单号 42', '现金', '5,500 XPF', '找零', '充值成功', '2025年1月14日']],
  ] as const)('in %s', (language: Language, words) => {
    it.each([32, 48] as const)('fits %i columns, counting Chinese as two', (columns) => {
      const lines = receiptLines(saleReceipt(language), t, columns);
      for (const line of lines)
        expect({ line, width: displayWidth(line) <= columns }).toEqual({ line, width: true });
      for (const line of lines) expect(line).toBe(line.trimEnd());
      const rows = lines.filter((line) => /^\S.* \S/.test(line) && !line.startsWith('='));
      expect(rows.some((line) => displayWidth(line) === columns)).toBe(true);
    });

    it.each([32, 48] as const)('says it in the language at %i columns', (columns) => {
      const text = receiptLines(saleReceipt(language), t, columns).join('\n');
      for (const word of words) expect(text).toContain(word);
      expect(text).toContain('+687 •• •• 34');
      expect(text).not.toMatch(/Receipt|Cash|TOP-UP/);
    });
  });

  it('names the till as the receipt was issued with, its device id on a receipt issued before', () => {
    const named = { ...saleReceipt('fr'), tillName: 'Comptoir 2' };
    expect(receiptLines(named, t, 32)).toContain('Caisse                Comptoir 2');
    expect(receiptLines(named, t, 32).join('\n')).not.toContain('POS-1');
    expect(receiptLines(saleReceipt('fr'), t, 32)).toContain('Caisse                     POS-1');
  });

  it('pads Chinese rows to the printed width, not the character count', () => {
    const row = receiptLines(saleReceipt('zh-CN'), t, 32).find((line) => line.startsWith('收据'));
    expect(row).toBe(`收据${' '.repeat(21)}单号 42`);
    expect(displayWidth(row ?? '')).toBe(32);
  });

  it('uses the receipt language whatever language i18next is set to', () => {
    const lines = receiptLines(saleReceipt('fr'), t, 32);
    expect(lines).toContain('Paiement                 Espèces');
  });

  it('says COPY n on a reprint, prominently near the top, and nothing on the original', () => {
    const original = receiptLines(saleReceipt('en'), t, 32);
    const reprint = receiptLines(saleReceipt('en', {}, 2), t, 32);
    expect(original.join('\n')).not.toContain('COPY');
    expect(reprint.slice(0, 8)).toContain('             COPY 2');
    expect(receiptLines(saleReceipt('fr', {}, 1), t, 32)).toContain('          DUPLICATA 1');
    expect(receiptLines(saleReceipt('zh-CN', {}, 3), t, 32)).toContain('             副本 3');
  });

  it('says a refused top-up failed and shows the refund', () => {
    const refunded = saleReceipt('en', {
      status: 'failed-refunded',
      refundAmount: 5500,
      carrierReference: null,
    });
    const lines = receiptLines(refunded, t, 32);
    expect(lines).toContain('    TOP-UP FAILED - REFUNDED');
    expect(lines).toContain('Refunded               5,500 XPF');
    expect(lines.join(' ').replace(/ +/g, ' ')).toContain(
      'The card was not topped up. 5,500 XPF has been refunded to you.',
    );
    expect(lines.join('\n')).not.toMatch(/TOP-UP DONE|Carrier ref\./);
  });

  it('says a top-up without an answer is pending, and what the customer should do', () => {
    const pending = saleReceipt('en', { status: 'pending-verification', carrierReference: null });
    const text = receiptLines(pending, t, 48).join(' ').replace(/ +/g, ' ');
    expect(text).toContain('PENDING VERIFICATION');
    expect(text).toContain('Do not pay again.');
    expect(text).toContain('the shop will confirm the top-up or refund 5,500 XPF.');
    expect(text).not.toMatch(/TOP-UP DONE|Refunded/);
  });

  it('shows the card reference of a card payment, and no cash lines', () => {
    const card = saleReceipt('en', { payment: { method: 'card', reference: 'VISA 4471' } });
    const lines = receiptLines(card, t, 32);
    expect(lines).toContain('Payment                     Card');
    expect(lines).toContain('Payment ref.           VISA 4471');
    expect(lines.join('\n')).not.toMatch(/Tendered|Change/);
  });

  it('prints data under 1 GB in MB and a plural-aware validity', () => {
    const small = saleReceipt('fr', { dataMb: 500, validityDays: 1 });
    const lines = receiptLines(small, t, 32);
    expect(lines).toContain('Données                   500 Mo');
    expect(lines).toContain('Validité                  1 jour');
  });

  it('puts a label and a value too long for one line on two', () => {
    const long = saleReceipt('en', { plan: 'Travel Unlimited Pacific Islands Premium' });
    const lines = receiptLines(long, t, 32);
    const at = lines.indexOf('Plan');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual([
      'Travel Unlimited Pacific Islands',
      '                         Premium',
    ]);
  });

  it('keeps every line within the paper whatever the shop typed, in any language', () => {
    const word = fc
      .array(fc.constantFrom('a', 'é', '收', '据', 'Ｗ', '-', '1', 'が', ' '), {
        minLength: 1,
        maxLength: 60,
      })
      .map((chars) => chars.join('').trim() || 'x');
    fc.assert(
      fc.property(
        word,
        word,
        word,
        fc.constantFrom<Language>('en', 'fr', 'zh-CN'),
        fc.constantFrom(32 as const, 48 as const),
        fc.boolean(),
        (name, plan, clerk, language, columns, legal) => {
          const receipt = saleReceipt(language, {
            plan,
            clerk,
            shop: { ...saleReceipt().shop, name, footerLines: [plan, name], legalName: clerk },
            // Issued now in New Caledonia: French with the customer's language beside it.
            ...(legal ? { legalLanguage: 'fr', quantity: 1, taxes: [taxOfTotal(5500, 550)] } : {}),
          });
          for (const line of receiptLines(receipt, t, columns)) {
            expect(displayWidth(line)).toBeLessThanOrEqual(columns);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
