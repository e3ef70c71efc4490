import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReceiptEscPos } from '../../../electron/printing/escpos';
import { receiptLines } from '../../../electron/printing/layout';
import { displayWidth } from '../../../electron/printing/text-width';
import { readEscPos } from './escpos-reader';
import { saleReceipt, translations } from './sale';

const t = translations();

/**
 * The fixed sale in French on 80 mm paper, as bytes. Generated once from renderReceiptEscPos,
 * then read back and reviewed: ESC @, FS ., ESC M 0, cp437 text (é = 82, É = 90, ° = F8),
 * bold (ESC E) on the shop name, title and price, the QR code (GS ( k: model 2, size 6,
 * level M, the payload, print), four line feeds and a full cut (GS V 0).
 */
const fixture = readFileSync(
  new URL('./fixtures/receipt-fr-48.escpos.hex', import.meta.url),
  'utf8',
).replace(/\s+/g, '');

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The text lines as an ESC/POS printer gets them: typographic characters in ASCII. */
const asPrinted = (lines: string[]) => lines.map((line) => line.replaceAll('•', '*'));

describe('the receipt as ESC/POS bytes', () => {
  it('prints the fixed sale byte for byte as reviewed', () => {
    const bytes = renderReceiptEscPos(saleReceipt('fr'), t, { columns: 48 });
    expect(hex(bytes)).toBe(fixture);
  });

  it('prints the same lines as the text receipt, then four feeds before the cut', () => {
    const { lines } = readEscPos(Buffer.from(fixture, 'hex'));
    const text = asPrinted(receiptLines(saleReceipt('fr'), t, 48));
    expect(lines).toEqual([...text, '', '', '', '', '', '']);
  });

  it('starts by initialising the printer and ends by cutting the paper', () => {
    const { commands } = readEscPos(Buffer.from(fixture, 'hex'));
    expect(commands[0]?.name).toBe('initialize');
    expect(commands.at(-1)?.name).toBe('cut');
  });

  it('prints a QR code of the device, the number and the hash', () => {
    const receipt = saleReceipt('fr');
    const { commands } = readEscPos(Buffer.from(fixture, 'hex'));
    const qr = commands.filter((command) => command.name.startsWith('qr-'));
    expect(qr.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: 'qr-model', value: 0x32 },
      { name: 'qr-size', value: 6 },
      { name: 'qr-error-level', value: 0x31 },
      { name: 'qr-store', value: `comptoir:receipt:POS-1:42:${receipt.hash}` },
      { name: 'qr-print', value: 0x30 },
    ]);
  });

  it('prints the shop name, the receipt number and the price in bold', () => {
    const { lines, commands } = readEscPos(Buffer.from(fixture, 'hex'));
    const boldLines = commands
      .filter((command) => command.name === 'bold' && command.value === 1)
      .map((command) => lines[command.line]?.trim());
    expect(boldLines).toEqual([
      'Cagou Mobile',
      expect.stringMatching(/^Reçu +N° 42$/),
      expect.stringMatching(/^Prix +5 500 XPF$/),
      'RECHARGE EFFECTUÉE',
    ]);
  });

  it('prints COPY n double size on a reprint, centred on half the columns', () => {
    const { lines, commands } = readEscPos(
      renderReceiptEscPos(saleReceipt('en', {}, 2), t, { columns: 32 }),
    );
    const large = commands.find((command) => command.name === 'size' && command.value === 0x11);
    expect(large).toBeDefined();
    expect(lines[large?.line ?? -1]).toBe('     COPY 2');
  });

  it('fits 58 mm paper with a smaller QR code', () => {
    const { lines, commands } = readEscPos(
      renderReceiptEscPos(saleReceipt('en'), t, { columns: 32 }),
    );
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(32);
    expect(commands.find((command) => command.name === 'qr-size')?.value).toBe(5);
  });

  it('prints Chinese in GBK in the printer’s Chinese mode, two columns a character', () => {
    const receipt = saleReceipt('zh-CN');
    const bytes = renderReceiptEscPos(receipt, t, { columns: 32, cjk: 'gb18030' });
    const { lines, commands } = readEscPos(bytes);
    expect(lines.slice(0, -6)).toEqual(asPrinted(receiptLines(receipt, t, 32)));
    expect(hex(bytes)).toContain('1c26cad5bedd1c2e'); // FS & 收据 FS .
    expect(commands.filter((command) => command.name === 'chinese-on').length).toBeGreaterThan(10);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(32);
  });

  it('falls back to English labels on a printer without Chinese, keeping the columns', () => {
    const receipt = saleReceipt('zh-CN', {
      shop: { ...saleReceipt().shop, footerLines: ['谢谢 Thank you'] },
    });
    const bytes = renderReceiptEscPos(receipt, t, { columns: 32 });
    const { lines, commands } = readEscPos(bytes);
    expect(commands.some((command) => command.name === 'chinese-on')).toBe(false);
    expect(lines).toContain('Receipt                   No. 42');
    expect(lines).toContain('Payment                     Cash');
    expect(lines).toContain('          TOP-UP DONE');
    expect(lines).toContain('         ???? Thank you');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(32);
  });
});
