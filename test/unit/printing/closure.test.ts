import { describe, expect, it } from 'vitest';
import { type ClosureDocument, layoutClosure } from '../../../electron/printing/closure';
import { layoutDayReport } from '../../../electron/printing/day-report';
import { renderClosureEscPos } from '../../../electron/printing/escpos';
import { renderClosureHtml } from '../../../electron/printing/html';
import { lineText } from '../../../electron/printing/layout';
import type { PeriodClosure } from '../../../shared/period';
import { zDocumentOf } from './day';
import { readEscPos } from './escpos-reader';
import { saleContent, translations } from './sale';

const t = translations();
const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });

const november: PeriodClosure = {
  kind: 'month',
  period: '2026-11',
  number: 3,
  deviceId: 'till-1',
  tillName: 'Comptoir 1',
  closedAt: '2026-12-01T20:00:00.000Z',
  closedBy: 'Paul',
  from: '2026-10-31T13:00:00.000Z',
  to: '2026-11-30T13:00:00.000Z',
  zReports: { first: 40, last: 64, count: 25 },
  totals: { sales: 310, gross: xpf(1_250_000), refunds: xpf(12_000), net: xpf(1_238_000) },
  taxes: [{ rate: 1100, base: 1_115_315, tax: 122_685 }],
  untaxed: xpf(0),
  byPayment: [
    { method: 'cash', sales: 200, amount: xpf(800_000) },
    { method: 'card', sales: 110, amount: xpf(450_000) },
  ],
  perpetual: { grandTotal: xpf(9_876_500), count: 4_321 },
  hash: 'a'.repeat(64),
  prevHash: 'b'.repeat(64),
};

const documentOf = (changes: Partial<ClosureDocument> = {}): ClosureDocument => ({
  closure: november,
  shop: saleContent.shop,
  timeZone: 'Pacific/Noumea',
  language: 'fr',
  copy: false,
  ...changes,
});

const textOf = (document: ClosureDocument) =>
  layoutClosure(document, t, 48).map((line) => lineText(line, 48));

describe('a month’s closure on a receipt printer', () => {
  it('prints in French its number, period, Zs, totals, tax by rate, payments, perpetual totals and hashes', () => {
    const text = textOf(documentOf());
    expect(text).toEqual([
      '                  Cagou Mobile',
      '              12 rue de Sébastopol',
      '                  98800 Nouméa',
      '            RIDET/SIRET 1234567.001',
      '================================================',
      'CLÔTURE MENSUELLE                           N° 3',
      'Période                                  2026-11',
      'Caisse                                Comptoir 1',
      'Du                             1 nov. 2026 00:00',
      'Au                             1 déc. 2026 00:00',
      'Clôturée le                    2 déc. 2026 07:00',
      'Clôturée par                                Paul',
      'Rapports Z                          40 à 64 (25)',
      '------------------------------------------------',
      'TOTAUX',
      'Ventes                                       310',
      'Brut                               1 250 000 XPF',
      'Remboursements                        12 000 XPF',
      'Net                                1 238 000 XPF',
      '------------------------------------------------',
      'TAXE PAR TAUX',
      'TGC 11 %',
      '  Hors taxe                        1 115 315 XPF',
      '  Taxe                               122 685 XPF',
      '------------------------------------------------',
      'PAR PAIEMENT',
      'Espèces (200)                        800 000 XPF',
      'Carte (110)                          450 000 XPF',
      '------------------------------------------------',
      'TOTAUX PERPÉTUELS',
      'Grand total                        9 876 500 XPF',
      'Tickets émis                                4321',
      '================================================',
      'Empreinte',
      'a'.repeat(48),
      'a'.repeat(16),
      'Empreinte précédente',
      'b'.repeat(48),
      'b'.repeat(16),
    ]);
    expect(text.join('\n')).not.toContain('DUPLICATA');
    expect(text.join('\n')).not.toContain('Taxe non enregistrée');
  });

  it('says COPY when printed again, and the tax not recorded when some sales have none', () => {
    const text = textOf(
      documentOf({ copy: true, language: 'en', closure: { ...november, untaxed: xpf(3_000) } }),
    ).join('\n');
    expect(text).toContain('COPY');
    expect(text).toMatch(/Tax not recorded +3,000 XPF/);
  });

  it('renders as HTML and ESC/POS with the whole hash, in Chinese on a Chinese printer', () => {
    const html = renderClosureHtml(documentOf({ language: 'zh-CN' }), t, { paper: '80mm' });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('月度结账');
    const bytes = renderClosureEscPos(documentOf({ language: 'zh-CN' }), t, {
      columns: 48,
      cjk: 'gb18030',
    });
    expect(readEscPos(bytes).lines).toContain('a'.repeat(48));
    expect(readEscPos(bytes).lines.some((line) => line.startsWith('月度结账'))).toBe(true);
  });
});

describe('a Z report with its perpetual totals', () => {
  it('prints the grand total and count since the first day, and a Z without them prints none', () => {
    const perpetual = { grandTotal: xpf(9_876_500), count: 4_321 };
    const withTotals = zDocumentOf('en', {
      z: { number: 12, hash: 'c'.repeat(64), prevHash: 'd'.repeat(64), perpetual },
    });
    const lines = layoutDayReport(withTotals, t, 48).map((line) => lineText(line, 48));
    expect(lines).toEqual(
      expect.arrayContaining([
        'PERPETUAL TOTALS',
        'Grand total                        9,876,500 XPF',
        'Receipts issued                             4321',
      ]),
    );
    const without = layoutDayReport(zDocumentOf('en'), t, 48).map((line) => lineText(line, 48));
    expect(without).not.toContain('PERPETUAL TOTALS');
  });
});
