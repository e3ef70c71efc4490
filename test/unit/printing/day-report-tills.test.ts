import { describe, expect, it } from 'vitest';
import { layoutDayReport } from '../../../electron/printing/day-report';
import { renderDayReportHtml } from '../../../electron/printing/html';
import { lineText } from '../../../electron/printing/layout';
import type { DayReport } from '../../../shared/day';
import { fixedZ, zDocumentOf } from './day';
import { translations } from './sale';

const t = translations();
const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });

const line = (id: string, name: string, sales: number, net: number, cash: number) => ({
  till: { id, name },
  from: null,
  sales,
  gross: xpf(net),
  refunds: xpf(0),
  net: xpf(net),
  cash: xpf(cash),
  margin: xpf(0),
});

/** The fixed day counted in the shop's one drawer, sold at two tills. */
const shopDrawer: DayReport = {
  ...fixedZ.report,
  drawer: 'shop',
  tills: [
    line('till-0001', 'Comptoir 1', 3, 12_500, 6_000),
    line('till-c0ffee42', 'Counter 2', 2, 6_000, 4_500),
  ],
};

const textOf = (report: DayReport) =>
  layoutDayReport(zDocumentOf('en', { report }), t, 48).map((row) => lineText(row, 48));

describe('a Z report of the shop’s one drawer', () => {
  it('prints each till’s sales, net and cash on paper', () => {
    const text = textOf(shopDrawer);
    const at = text.indexOf('BY TILL');
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at + 1, at + 5)).toEqual([
      'Comptoir 1 (3)                        12,500 XPF',
      '  Cash in the drawer                  +6,000 XPF',
      'Counter 2 (2)                          6,000 XPF',
      '  Cash in the drawer                  +4,500 XPF',
    ]);
  });

  it('lays the tills out as a table on A4', () => {
    const html = renderDayReportHtml(zDocumentOf('fr', { report: shopDrawer }), t, {
      paper: 'A4',
    });
    expect(html).toContain('PAR CAISSE');
    expect(html).toContain('Counter 2');
  });

  it('prints no by-till part for a till’s own drawer', () => {
    const own: DayReport = { ...shopDrawer, drawer: 'till', tills: shopDrawer.tills?.slice(0, 1) };
    expect(textOf(own)).not.toContain('BY TILL');
  });
});
