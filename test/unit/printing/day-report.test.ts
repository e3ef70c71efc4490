import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutDayReport } from '../../../electron/printing/day-report';
import { renderDayReportEscPos } from '../../../electron/printing/escpos';
import { dayReportPageSize, renderDayReportHtml } from '../../../electron/printing/html';
import { lineText } from '../../../electron/printing/layout';
import { displayWidth } from '../../../electron/printing/text-width';
import type { Language } from '../../../shared/languages';
import { fixedZ, xDocumentOf, zDocumentOf } from './day';
import { readEscPos } from './escpos-reader';
import { translations } from './sale';

const t = translations();

const textOf = (document: ReturnType<typeof zDocumentOf>, columns: number) =>
  layoutDayReport(document, t, columns).map((line) => lineText(line, columns));

/**
 * The fixed Z report in French on 80 mm paper, as bytes. Generated once from
 * renderDayReportEscPos, then read back and reviewed: ESC @, FS ., ESC M 0, cp437 text
 * (é = 82, É = 90, ô = 93, ’ printed as '), bold (ESC E) on the shop name, the title, the section
 * headings and the totals that matter, no QR code, four line feeds and a full cut (GS V 0).
 */
const fixture = readFileSync(
  new URL('./fixtures/z-fr-48.escpos.hex', import.meta.url),
  'utf8',
).replace(/\s+/g, '');

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the Z report as text lines', () => {
  it('prints the fixed day in French on 80 mm paper (48 columns), as reviewed', () => {
    expect(textOf(zDocumentOf('fr'), 48)).toEqual([
      '                  Cagou Mobile',
      '              12 rue de Sébastopol',
      '                  98800 Nouméa',
      '            RIDET/SIRET 1234567.001',
      '================================================',
      'RAPPORT Z                                  N° 12',
      'Caisse                                Comptoir 1',
      'Depuis                       13 janv. 2025 18:45',
      'Ouverture                    14 janv. 2025 07:00',
      'Ouvert par                                 Marie',
      'Clôture                      14 janv. 2025 18:30',
      'Clôturé par                                 Paul',
      '------------------------------------------------',
      'TOTAUX',
      'Ventes                                         5',
      'Brut                                  20 500 XPF',
      'Remboursements                         2 000 XPF',
      'Net                                   18 500 XPF',
      'Coût revendeur                        10 500 XPF',
      'Marge                                  2 500 XPF',
      '------------------------------------------------',
      // Each sale's TGC taken out of its price, summed by rate: 113 + 1 887 = 2 000 sold at 6 %.
      'TAXES (TGC)',
      'Total HT                              16 752 XPF',
      'TGC 6 %                                  113 XPF',
      '  Base HT                              1 887 XPF',
      'TGC 11 %                               1 635 XPF',
      '  Base HT                             14 865 XPF',
      'Total TTC                             18 500 XPF',
      '------------------------------------------------',
      'PAR FORFAIT',
      'Travel 10 GB (3)                      16 500 XPF',
      '  Coût revendeur                       9 000 XPF',
      '  Marge                                2 000 XPF',
      'Travel 2 GB (2)                        4 000 XPF',
      '  Coût revendeur                       1 500 XPF',
      '  Marge                                  500 XPF',
      '------------------------------------------------',
      'PAR PAIEMENT',
      'Espèces (3)                           13 000 XPF',
      '  Remboursements                       2 000 XPF',
      'Carte (1)                              2 000 XPF',
      'Autre (1)                              5 500 XPF',
      '------------------------------------------------',
      'PAR VENDEUR',
      'Marie (3)                             13 000 XPF',
      'Léa (2)                                7 500 XPF',
      '------------------------------------------------',
      'PAR SIM REVENDEUR',
      'modem-1 (3)                           13 000 XPF',
      'modem-2 (2)                            7 500 XPF',
      '------------------------------------------------',
      'PAR ÉTAT',
      'Réussie (3)                           13 000 XPF',
      'Échouée (1)                            2 000 XPF',
      'Inconnue (1)                           5 500 XPF',
      '------------------------------------------------',
      'REMBOURSEMENTS',
      'Reçu 38, Espèces, 14 janv. 2025 11:21  2 000 XPF',
      // Why, in the report's language, then the carrier's own words as they are.
      'L’opérateur ne connaît pas ce numéro.',
      'L’opérateur a dit : « Numéro client 687751234',
      'inconnu. »',
      '------------------------------------------------',
      'MOUVEMENTS DE CAISSE',
      'Entrée, Marie, 14 janv. 2025 07:05     2 000 XPF',
      'Coins from the bank',
      'Sortie, Paul, 14 janv. 2025 14:00      5 000 XPF',
      'Paid the cleaner',
      '------------------------------------------------',
      'CAISSE',
      'Fond de caisse                        20 000 XPF',
      'Ventes en espèces                     13 000 XPF',
      'Remboursements en espèces              2 000 XPF',
      'Entrées                                2 000 XPF',
      'Sorties                                5 000 XPF',
      'Attendu en caisse                     28 000 XPF',
      '------------------------------------------------',
      'COMPTAGE',
      '100 x 4                                  400 XPF',
      '500 x 1                                  500 XPF',
      '1 000 x 3                              3 000 XPF',
      '5 000 x 1                              5 000 XPF',
      '10 000 x 2                            20 000 XPF',
      'Compté                                28 900 XPF',
      'Écart                                   +900 XPF',
      'Motif : Customer left the change',
      '------------------------------------------------',
      'SIM REVENDEUR',
      'modem-1 (Demo Mobile)',
      'Ouverture (USSD)                     100 000 XPF',
      'Clôture (USSD)                        91 000 XPF',
      'Mouvement                              9 000 XPF',
      'Attendu (ventes)                       9 000 XPF',
      'Écart                                      0 XPF',
      'Ventes pouvant l’expliquer : Reçu 41',
      'modem-2 (Demo Mobile)',
      'Ouverture (saisie)                    50 000 XPF',
      'Clôture (USSD)                        44 000 XPF',
      'Mouvement                              6 000 XPF',
      'Attendu (ventes)                       1 500 XPF',
      'Écart                                 +4 500 XPF',
      'Ventes pouvant l’expliquer : Reçu 40',
      '------------------------------------------------',
      'VENTES INCONNUES (REPORTÉES)',
      'Sans reçu, 13 janv. 2025 15:10         2 000 XPF',
      '+687790011 Travel 2 GB',
      'Reçu 40, 14 janv. 2025 13:05           5 500 XPF',
      '+687762233 Travel 10 GB',
      '================================================',
      'Empreinte',
      'cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd',
      'cdcdcdcdcdcdcdcd',
      'Empreinte précédente',
      'abababababababababababababababababababababababab',
      'abababababababab',
    ]);
  });

  it.each<[Language, number]>([
    ['en', 32],
    ['fr', 32],
    ['zh-CN', 32],
    ['en', 48],
    ['zh-CN', 48],
    ['fr', 80],
  ])('keeps every %s line within %i columns', (language, columns) => {
    for (const line of textOf(zDocumentOf(language, { copy: true }), columns)) {
      expect(displayWidth(line)).toBeLessThanOrEqual(columns);
    }
  });

  it('says COPY, double size, when a Z report is printed again', () => {
    const lines = layoutDayReport(zDocumentOf('en', { copy: true }), t, 32);
    expect(lines[5]).toEqual({ kind: 'text', text: 'COPY', align: 'center', style: 'large' });
    expect(textOf(zDocumentOf('fr', { copy: true }), 48)).toContain('                   DUPLICATA');
    expect(textOf(zDocumentOf('en'), 48).join('\n')).not.toContain('COPY');
  });

  it('titles an X report X, marks it not a closing, and prints no count and no hash', () => {
    const lines = textOf(xDocumentOf('en'), 48);
    expect(lines.slice(5, 13)).toEqual([
      '                    X REPORT',
      '                 NOT A CLOSING',
      'Till                                  Comptoir 1',
      'Since                         Jan 13, 2025 18:45',
      'Opened                        Jan 14, 2025 07:00',
      'Opened by                                  Marie',
      'As of                         Jan 14, 2025 15:00',
      '------------------------------------------------',
    ]);
    const text = lines.join('\n');
    expect(text).not.toMatch(/Z REPORT|CASH COUNT|Counted|Closed|Hash/);
    expect(text).toMatch(/\nExpected in the drawer +28,000 XPF\n/);
    const large = layoutDayReport(xDocumentOf('en'), t, 48).find(
      (line) => line.kind === 'text' && line.style === 'large',
    );
    expect(large).toMatchObject({ text: 'NOT A CLOSING' });
  });

  it('says None under a heading with nothing to list, and prints a dealer SIM never read', () => {
    const quiet = zDocumentOf('en', {
      report: {
        ...fixedZ.report,
        refunds: [],
        cashMovements: [],
        unknownSales: [],
        dealer: [
          {
            modemId: 'modem-3',
            carrierId: 'nc-demo',
            opening: null,
            closing: null,
            movement: null,
            expected: 0,
            difference: null,
            explaining: [],
          },
        ],
      },
    });
    const text = textOf(quiet, 48).join('\n');
    for (const heading of ['REFUNDS', 'CASH MOVEMENTS', 'UNKNOWN SALES (CARRIED OVER)']) {
      expect(text).toContain(`${heading}\nNone\n`);
    }
    expect(text).toContain(
      [
        'modem-3 (Demo Mobile)',
        'Opening                                 not read',
        'Closing                                 not read',
        'Movement                                not read',
        'Expected (sales)                           0 XPF',
        'Difference                              not read',
      ].join('\n'),
    );
  });

  it('names the carrier, gives receipt numbers, and says which top-ups were sold before the opening reading', () => {
    const [sim] = fixedZ.report.dealer;
    if (!sim) throw new Error('The fixed day has a dealer SIM');
    const text = textOf(
      zDocumentOf('en', {
        report: { ...fixedZ.report, dealer: [{ ...sim, beforeOpening: 20 }] },
      }),
      48,
    ).join('\n');
    expect(text).toContain(
      [
        'modem-1 (Demo Mobile)',
        'Opening (USSD)                       100,000 XPF',
        'Closing (USSD)                        91,000 XPF',
        'Movement                               9,000 XPF',
        'Expected (sales)                       9,000 XPF',
        '20 top-ups sold before the opening balance was',
        'read: not counted',
        'Difference                                 0 XPF',
        'Sales that may explain it: Receipt 41',
      ].join('\n'),
    );
    expect(text).toContain('No receipt, Jan 13, 2025 15:10');
    expect(text).not.toMatch(/\bSale \d/);
  });

  it('prints a drawer short of cash with a minus sign', () => {
    const short = zDocumentOf('en', {
      report: {
        ...fixedZ.report,
        count: {
          ...(fixedZ.report.count as NonNullable<typeof fixedZ.report.count>),
          difference: -500,
        },
      },
    });
    expect(textOf(short, 48)).toContain('Difference                              -500 XPF');
  });

  it('prints the takings whose tax was not recorded apart, one rate without its base', () => {
    const document = zDocumentOf('en', {
      report: {
        ...fixedZ.report,
        taxes: [{ rate: 1100, base: 16_667, tax: 1833 }],
        beforeTax: { amount: 16_667, currency: 'XPF' },
        taxNotRecorded: { amount: 0, currency: 'XPF' },
      },
    });
    const lines = textOf(document, 48);
    expect(lines.slice(lines.indexOf('TAXES (TGC)'), lines.indexOf('TAXES (TGC)') + 4)).toEqual([
      'TAXES (TGC)',
      'Total before tax                      16,667 XPF',
      'TGC 11%                                1,833 XPF',
      'Total incl. tax                       18,500 XPF',
    ]);
    const partly = zDocumentOf('en', {
      report: {
        ...fixedZ.report,
        taxes: [{ rate: 1100, base: 11_712, tax: 1288 }],
        beforeTax: { amount: 11_712, currency: 'XPF' },
        taxNotRecorded: { amount: 5500, currency: 'XPF' },
      },
    });
    expect(textOf(partly, 48)).toContain('Tax not recorded                       5,500 XPF');
  });

  it('prints no tax on a Z report closed before taxes were kept: it stays as it was hashed', () => {
    const { taxes, beforeTax, taxNotRecorded, ...before } = fixedZ.report;
    const lines = textOf(zDocumentOf('en', { report: before }), 48);
    expect(lines).not.toContain('TAXES (TGC)');
    expect(lines.some((line) => line.startsWith('Total incl. tax'))).toBe(false);
  });
});

describe('the Z report as ESC/POS bytes', () => {
  it('prints the fixed day byte for byte as reviewed', () => {
    expect(hex(renderDayReportEscPos(zDocumentOf('fr'), t, { columns: 48 }))).toBe(fixture);
  });

  it('prints the same lines as the text, then the feed and the cut, with no QR code', () => {
    const { lines, commands } = readEscPos(Buffer.from(fixture, 'hex'));
    const text = textOf(zDocumentOf('fr'), 48).map((line) => line.replaceAll('’', "'"));
    expect(lines).toEqual([...text, '', '', '', '', '']);
    expect(commands[0]?.name).toBe('initialize');
    expect(commands.at(-1)?.name).toBe('cut');
    expect(commands.some((command) => command.name.startsWith('qr-'))).toBe(false);
  });

  it('prints the shop, the title, the headings and the figures that matter in bold', () => {
    const { lines, commands } = readEscPos(Buffer.from(fixture, 'hex'));
    const bold = commands
      .filter((command) => command.name === 'bold' && command.value === 1)
      .map((command) => lines[command.line]?.trim());
    expect(bold).toEqual([
      'Cagou Mobile',
      expect.stringMatching(/^RAPPORT Z +N° 12$/),
      'TOTAUX',
      expect.stringMatching(/^Net +18 500 XPF$/),
      'TAXES (TGC)',
      expect.stringMatching(/^Total TTC +18 500 XPF$/),
      'PAR FORFAIT',
      'PAR PAIEMENT',
      'PAR VENDEUR',
      'PAR SIM REVENDEUR',
      'PAR ÉTAT',
      'REMBOURSEMENTS',
      'MOUVEMENTS DE CAISSE',
      'CAISSE',
      expect.stringMatching(/^Attendu en caisse +28 000 XPF$/),
      'COMPTAGE',
      expect.stringMatching(/^Compté +28 900 XPF$/),
      expect.stringMatching(/^Écart +\+900 XPF$/),
      'SIM REVENDEUR',
      'modem-1 (Demo Mobile)',
      'modem-2 (Demo Mobile)',
      'VENTES INCONNUES (REPORTÉES)',
    ]);
  });

  it('fits 58 mm paper, with COPY and NOT A CLOSING double size on half the columns', () => {
    const copy = readEscPos(
      renderDayReportEscPos(zDocumentOf('en', { copy: true }), t, { columns: 32 }),
    );
    for (const line of copy.lines) expect(line.length).toBeLessThanOrEqual(32);
    const large = (reading: typeof copy) =>
      reading.commands
        .filter((command) => command.name === 'size' && command.value === 0x11)
        .map((command) => reading.lines[command.line]);
    expect(large(copy)).toEqual(['      COPY']);
    const x = readEscPos(renderDayReportEscPos(xDocumentOf('en'), t, { columns: 32 }));
    expect(large(x)).toEqual([' NOT A CLOSING']);
  });

  it('prints Chinese in GBK on a printer with a Chinese font, and English labels on one without', () => {
    const chinese = renderDayReportEscPos(zDocumentOf('zh-CN'), t, { columns: 48, cjk: 'gb18030' });
    const { lines } = readEscPos(chinese);
    // Curly quotes print as straight ones, as on receipts.
    const straight = (line: string) => line.replace(/[“”]/g, '"');
    expect(lines.slice(0, -5)).toEqual(textOf(zDocumentOf('zh-CN'), 48).map(straight));
    const plain = readEscPos(renderDayReportEscPos(zDocumentOf('zh-CN'), t, { columns: 48 }));
    expect(plain.commands.some((command) => command.name === 'chinese-on')).toBe(false);
    expect(plain.lines.slice(0, -5)).toEqual(textOf(zDocumentOf('en'), 48).map(straight));
  });
});

describe('the Z report as HTML', () => {
  it('is one page of the roll as long as the report, in the shop language', () => {
    const html = renderDayReportHtml(zDocumentOf('fr'), t, { paper: '80mm' });
    const { width, height } = dayReportPageSize(zDocumentOf('fr'), t, '80mm');
    expect(width).toBe(8000);
    expect(height % 100).toBe(0);
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<title>Rapport Z 12</title>');
    expect(html).toContain(`@page { size: 80mm ${height / 100}mm; margin: 0; }`);
    expect(html).toContain('<main class="day-report z-report">');
    expect(html).toContain('<span>Écart</span><span>+900\u00a0XPF</span>');
  });

  it('flows over A4 pages of 80 columns for the accountant', () => {
    const html = renderDayReportHtml(zDocumentOf('en', { copy: true }), t, { paper: 'A4' });
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
    expect(html).toContain('<main class="day-report z-report copy">');
    expect(html).toContain('<div class="line center large">COPY</div>');
    expect(html).toContain(`<div class="line left normal">${fixedZ.hash}</div>`);
    const x = renderDayReportHtml(xDocumentOf('zh-CN'), t, { paper: 'A4' });
    expect(x).toContain('<title>X 报表</title>');
    expect(x).toContain('<main class="day-report x-report">');
  });

  it('shows reasons and names typed by people as text, and loads nothing from outside', () => {
    const hostile = zDocumentOf('en', {
      report: {
        ...fixedZ.report,
        cashMovements: [
          {
            kind: 'out',
            amount: { amount: 100, currency: 'XPF' },
            reason: '<img src=x onerror=alert(1)>',
            actor: '</div><script>',
            at: '2025-01-14T03:00:00.000Z',
          },
        ],
      },
    });
    const html = renderDayReportHtml(hostile, t, { paper: '80mm' });
    expect(html).not.toMatch(/<img|<script/i);
    expect(renderDayReportHtml(zDocumentOf('en'), t, { paper: 'A4' })).not.toMatch(
      /\b(src|href)=|url\(|@import|<link|<script|<img/i,
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Out, &lt;/div&gt;&lt;script&gt;, Jan 14, 2025 14:00');
  });
});
