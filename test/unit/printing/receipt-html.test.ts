import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { receiptPageSize, renderReceiptHtml } from '../../../electron/printing/html';
import { saleReceipt, translations } from './sale';

const t = translations();

/** The dark modules an SVG path of `M x y h n v1 h-n z` runs draws, as "row,column". */
function darkModules(svg: string): Set<string> {
  const path = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const dark = new Set<string>();
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let column = Number(x); column < Number(x) + Number(run); column += 1) {
      dark.add(`${y},${column}`);
    }
  }
  return dark;
}

function expectedModules(text: string): Set<string> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark = new Set<string>();
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) dark.add(`${row},${column}`);
    }
  }
  return dark;
}

describe('the receipt as HTML', () => {
  it('is a complete document in the receipt language, sized for the paper', () => {
    const html = renderReceiptHtml(saleReceipt('fr'), t, { paper: '80mm' });
    expect(
      html.startsWith('<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    expect(html).toContain('<title>Reçu 42</title>');
    expect(html).toMatch(/@page \{ size: 80mm \d+mm; margin: 0; \}/);
    expect(html.trimEnd().endsWith('</body>\n</html>')).toBe(true);
    expect(renderReceiptHtml(saleReceipt('fr'), t, { paper: '58mm' })).toMatch(
      /@page \{ size: 58mm \d+mm; margin: 0; \}/,
    );
  });

  it('grows the page with the receipt, so that it prints on one page', () => {
    const height = (html: string) => Number(/size: 80mm (\d+)mm/.exec(html)?.[1]);
    const short = renderReceiptHtml(saleReceipt('en'), t, { paper: '80mm' });
    const longer = renderReceiptHtml(
      saleReceipt('en', {
        shop: {
          ...saleReceipt().shop,
          footerLines: [...saleReceipt().shop.footerLines, ...'abcdef'],
        },
      }),
      t,
      { paper: '80mm' },
    );
    // Six more lines of 3.25 mm.
    expect(height(longer) - height(short)).toBeGreaterThanOrEqual(19);
    expect(height(longer) - height(short)).toBeLessThanOrEqual(20);
  });

  it('declares the page size a system printer is given, in whole millimetres', () => {
    for (const paper of ['80mm', '58mm'] as const) {
      const receipt = saleReceipt('fr', {}, 1);
      const { width, height } = receiptPageSize(receipt, t, paper);
      expect(renderReceiptHtml(receipt, t, { paper })).toContain(
        `@page { size: ${width / 100}mm ${height / 100}mm; margin: 0; }`,
      );
      expect(height % 100).toBe(0);
    }
  });

  it('loads nothing from outside', () => {
    const html = renderReceiptHtml(saleReceipt('en'), t, { paper: '80mm' });
    expect(html).not.toMatch(/\b(src|href)=|url\(|@import|<link|<script|<img/i);
  });

  it('shows hostile shop text as text', () => {
    const hostile = saleReceipt('en', {
      shop: {
        name: '<script>alert("x")</script>',
        addressLines: ['<img src=x onerror=alert(1)>'],
        phone: '',
        taxId: '12/34 & co',
        footerLines: ['It\'s <b>free</b> & "fun"'],
      },
      clerk: '</div><h1>',
      plan: 'Plan & <i>',
    });
    const html = renderReceiptHtml(hostile, t, { paper: '80mm' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<h1>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('It&#39;s &lt;b&gt;free&lt;/b&gt; &amp; &quot;fun&quot;');
    expect(html).toContain('<span>&lt;/div&gt;&lt;h1&gt;</span>');
    expect(html).toContain('<span>Plan &amp; &lt;i&gt;</span>');
  });

  it('escapes text from a translation once, even when i18next escapes by default', () => {
    const receipt = saleReceipt('en', { shop: { ...saleReceipt().shop, taxId: '12/34 & co' } });
    const html = renderReceiptHtml(receipt, t, { paper: '80mm' });
    expect(html).toContain('Tax id 12/34 &amp; co');
    expect(html).not.toMatch(/&amp;amp;|&#x2F;/);
  });

  it('carries a QR code of the device, the receipt number and its hash', () => {
    const receipt = saleReceipt('en');
    const html = renderReceiptHtml(receipt, t, { paper: '80mm' });
    const svg = /<svg[^>]*class="qr"[^>]*>.*?<\/svg>/s.exec(html)?.[0] ?? '';
    expect(svg).toContain('aria-label="QR code: receipt 42 and its hash"');
    const payload = `comptoir:receipt:POS-1:42:${receipt.hash}`;
    const drawn = darkModules(svg);
    expect(drawn.size).toBeGreaterThan(100);
    expect(drawn).toEqual(expectedModules(payload));
  });

  it('says COPY n large on a reprint, and the real status', () => {
    const html = renderReceiptHtml(
      saleReceipt('en', { status: 'failed-refunded', refundAmount: 5500 }, 2),
      t,
      { paper: '58mm' },
    );
    expect(html).toContain('<div class="line center large">COPY 2</div>');
    expect(html).toContain('<div class="line center bold">TOP-UP FAILED - REFUNDED</div>');
    expect(html).toContain('<span>Refunded</span><span>5,500\u00a0XPF</span>');
    expect(html).toContain('class="receipt status-failed-refunded reprint"');
  });

  it('prints Chinese receipts in Chinese', () => {
    const html = renderReceiptHtml(saleReceipt('zh-CN'), t, { paper: '80mm' });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<span>收据</span><span>单号 42</span>');
    expect(html).toContain('充值成功');
  });
});
