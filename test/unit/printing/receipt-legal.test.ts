import { describe, expect, it } from 'vitest';
import { renderReceiptEscPos } from '../../../electron/printing/escpos';
import { renderReceiptHtml } from '../../../electron/printing/html';
import { receiptLines } from '../../../electron/printing/layout';
import { verifyReceiptChain } from '../../../electron/sales/receipt-chain';
import { readEscPos } from './escpos-reader';
import { art46Lines, legalReceipt, readableLines } from './legal';
import { saleReceipt, translations } from './sale';

const t = translations();

/** The HTML's printed lines: a row's label and value (two spans) read as the line they print. */
const htmlLines = (html: string) =>
  readableLines(
    html
      .split('\n')
      .filter((line) => line.startsWith('<div class="line'))
      .map((line) =>
        line
          .replace('</span><span>', ' ')
          .replace(/<[^>]*>/g, '')
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&quot;', '"')
          .replaceAll('&#39;', "'")
          .replaceAll('&amp;', '&'),
      )
      .join('\n'),
  );

describe('a receipt as délibération 14/2004 art. 46 wants it', () => {
  for (const language of ['fr', 'zh-CN'] as const) {
    describe(`for a customer reading ${language}`, () => {
      const receipt = legalReceipt(language);

      it('carries every field on the text receipt', () => {
        const lines = readableLines(receiptLines(receipt, t, 48).join('\n'));
        for (const field of art46Lines(language)) expect(lines).toContain(field);
      });

      it('carries every field on the HTML receipt', () => {
        const lines = htmlLines(renderReceiptHtml(receipt, t, { paper: '80mm' }));
        for (const field of art46Lines(language)) expect(lines).toContain(field);
      });

      it('carries every field on the ESC/POS receipt, Chinese in GBK', () => {
        const bytes = renderReceiptEscPos(receipt, t, { columns: 48, cjk: 'gb18030' });
        const lines = readableLines(readEscPos(bytes).lines.join('\n'));
        for (const field of art46Lines(language)) expect(lines).toContain(field);
      });
    });
  }

  it('says French first and the customer’s language under it', () => {
    const lines = readableLines(receiptLines(legalReceipt('zh-CN'), t, 48).join('\n'));
    expect(lines.indexOf('RECHARGE EFFECTUÉE')).toBe(lines.indexOf('充值成功') - 1);
    expect(readableLines(receiptLines(legalReceipt('fr'), t, 48).join('\n'))).not.toContain(
      '充值成功',
    );
  });

  it('is a French HTML document, titled in French, for a Chinese-reading customer', () => {
    const html = renderReceiptHtml(legalReceipt('zh-CN'), t, { paper: '80mm' });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Reçu 42</title>');
  });

  it('prints in French and English on an ESC/POS printer without Chinese', () => {
    const bytes = renderReceiptEscPos(legalReceipt('zh-CN'), t, { columns: 48 });
    const lines = readableLines(readEscPos(bytes).lines.join('\n'));
    expect(lines).toContain('Total TTC / Total incl. tax 5 500 XPF');
    expect(lines).toContain('TOP-UP DONE');
  });

  it('says the tax was not recorded for a sale made before rates were, never guessing one', () => {
    const receipt = saleReceipt('fr', { legalLanguage: 'fr', quantity: 1 });
    const lines = readableLines(receiptLines(receipt, t, 48).join('\n'));
    expect(lines).toContain('TGC non enregistrée');
    expect(lines).toContain('Total TTC 5 500 XPF');
    expect(lines.some((line) => line.startsWith('Total HT'))).toBe(false);
  });

  it('prints a correction as −1 × the price with the tax given back, naming the receipt it corrects', () => {
    const receipt = saleReceipt('en', {
      legalLanguage: 'fr',
      corrects: { number: 41 },
      quantity: -1,
      status: 'failed-refunded',
      refundAmount: 5500,
      payment: { method: 'cash' },
      taxes: [{ rate: 1100, base: -4955, tax: -545 }],
    });
    const lines = readableLines(receiptLines(receipt, t, 48).join('\n'));
    expect(lines).toContain('Corrige le reçu N° 41 / Corrects receipt No. 41');
    expect(lines).toContain('Qté x PU / Qty x unit price -1 x 5 500 XPF');
    expect(lines).toContain('TGC 11 % -545 XPF');
    expect(lines).toContain('Total TTC / Total incl. tax -5 500 XPF');
  });

  it('still verifies and prints a receipt issued before, as it was, without a tax section', () => {
    const old = saleReceipt('fr');
    expect(verifyReceiptChain([old], { from: { number: 41, hash: old.prevHash } }).ok).toBe(true);
    const lines = readableLines(receiptLines(old, t, 48).join('\n'));
    expect(lines).toContain('Prix 5 500 XPF');
    expect(lines.some((line) => line.startsWith('Total TTC'))).toBe(false);
  });
});
