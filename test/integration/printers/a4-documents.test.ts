import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostDocuments } from '../../../electron/printers/host-documents';
import { renderClosureA4, renderDayReportA4 } from '../../../electron/printing/a4';
import { receiptTranslations } from '../../../electron/printing/translations';
import type { PeriodClosure } from '../../../shared/period';
import { withTempDirs } from '../../support/temp';
import { zDocumentOf } from '../../unit/printing/day';
import { saleContent } from '../../unit/printing/sale';

const tempDir = withTempDirs();
const t = receiptTranslations();
const documents = hostDocuments();

/** The PDF of an HTML document, made by the host's Chromium, and its text and pages. */
async function pdfOf(html: string) {
  const file = path.join(tempDir(), 'document.pdf');
  fs.writeFileSync(file, await documents.htmlToPdf(html));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' });
  // Each page's size in whole millimetres: A4 is 210 × 297.
  const pages = [...info.matchAll(/Page +\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(
    ([, width, height]) =>
      `${Math.round((Number(width) * 25.4) / 72)} x ${Math.round((Number(height) * 25.4) / 72)}`,
  );
  return { text, pages };
}

const closure: PeriodClosure = {
  kind: 'month',
  period: '2026-11',
  number: 3,
  deviceId: 'till-1',
  tillName: 'Comptoir 1',
  closedAt: '2026-12-01T01:30:00.000Z',
  closedBy: 'Louise',
  from: '2026-10-31T13:00:00.000Z',
  to: '2026-11-30T13:00:00.000Z',
  zReports: { first: 41, last: 66, count: 26 },
  totals: {
    sales: 812,
    gross: { amount: 1_523_000, currency: 'XPF' },
    refunds: { amount: 12_000, currency: 'XPF' },
    net: { amount: 1_511_000, currency: 'XPF' },
  },
  taxes: [
    { rate: 0, base: 11_000, tax: 0 },
    { rate: 1100, base: 1_351_351, tax: 148_649 },
  ],
  byPayment: [
    { method: 'cash', sales: 600, amount: { amount: 1_100_000, currency: 'XPF' } },
    { method: 'card', sales: 212, amount: { amount: 411_000, currency: 'XPF' } },
  ],
  perpetual: { grandTotal: { amount: 9_876_500, currency: 'XPF' }, count: 5432 },
  hash: 'a'.repeat(32) + 'b'.repeat(32),
  prevHash: 'c'.repeat(64),
};

const a4 = '210 x 297';

describe('the accountant’s A4 documents', () => {
  it('lays a Z report out on numbered A4 pages: tables with headers, charts and the hash in every footer', async () => {
    // The fixed day's tables and charts run over more than one page.
    const document = zDocumentOf('en');
    const { text, pages } = await pdfOf(renderDayReportA4(document, t));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toBe(a4);
    expect(text).toContain('Z report No. 12');
    expect(text).toMatch(/Plan +Sales +Amount +Dealer cost +Margin/);
    expect(text).toMatch(/Receipt +Payment +Time +Reason +Amount/);
    expect(text).toContain('Sales by hour');
    expect(text).toContain('Takings by plan');
    // Each page says which it is and carries the chain hash.
    for (let page = 1; page <= pages.length; page++) {
      expect(text).toContain(`Page ${page} of ${pages.length}`);
    }
    const footers = text.split(`Chain hash ${document.z?.hash}`).length - 1;
    expect(footers).toBe(pages.length);
  });

  it('writes the Z report in French and Chinese, labels and page numbers alike', async () => {
    const french = await pdfOf(renderDayReportA4(zDocumentOf('fr'), t));
    expect(french.text).toContain('Rapport Z n° 12');
    expect(french.text).toMatch(/Forfait +Ventes +Montant/);
    expect(french.text).toMatch(/Page 1 sur \d/);
    // The tax by rate the Z carries, as the closure lays it out.
    expect(french.text).toMatch(/Taux +Hors taxe +TGC +TTC/);
    expect(french.text).toMatch(/TGC 6 % +[0-9 \u202f]+ XPF +[0-9 \u202f]+ XPF/);
    const chinese = await pdfOf(renderDayReportA4(zDocumentOf('zh-CN'), t));
    expect(chinese.text).toMatch(/第 1 页，共 \d 页/);
    expect(chinese.text).toContain('每小时销售');
  });

  it('lays a month closure out on A4 from the closure alone: tax by rate, payments, perpetual totals, hashes', async () => {
    const side = { shop: saleContent.shop, timeZone: 'Pacific/Noumea', language: 'fr' as const };
    const { text, pages } = await pdfOf(renderClosureA4(closure, side, t));
    expect(pages).toEqual([a4]);
    expect(text).toContain('Clôture mensuelle n° 3 : 2026-11');
    expect(text).toMatch(/Taux +Hors taxe +TGC +TTC/);
    expect(text).toMatch(/TGC 11 % +1 351 351 XPF +148 649 XPF +1 500 000 XPF/);
    expect(text).toMatch(/Espèces +600 +1 100 000 XPF/);
    expect(text).toMatch(/Grand total +9 876 500 XPF/);
    expect(text).toMatch(/N° 41 à n° 66 \(26\)/);
    expect(text).toContain(closure.prevHash);
    expect(text).toContain(`Empreinte de chaînage ${closure.hash}`);
    expect(text).toContain('Page 1 sur 1');
  });
});
