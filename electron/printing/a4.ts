import { formatLocalDateTime } from '../../shared/date-time';
import type { Language } from '../../shared/languages';
import { formatMoney } from '../../shared/money';
import type { PeriodClosure } from '../../shared/period';
import type { ReceiptShop } from '../../shared/receipt';
import { formatTaxRate, type TaxLine, taxName } from '../../shared/tax';
import { barChartSvg, hourBars } from './a4-charts';
import type { DayReportDocument } from './day-report';
import { escapeHtml } from './escape-html';
import { printTranslator, type Translate } from './layout';

/**
 * The accountant's A4 documents: a Z report and a period closure laid out as pages of tables,
 * with the day's charts, each page numbered "1 of 2" and the chain hash in its footer (CSS page
 * margin boxes, which Chromium prints to PDF). Pure: the HTML goes to the documents side effect.
 */

/** Who and where a closure is printed for: its shop, zone and language, as a day report's. */
export interface DocumentSide {
  shop: ReceiptShop;
  timeZone: string;
  language: Language;
  /** A print after the first: marked COPY. */
  copy?: boolean;
}

type Cell = string | { text: string; numeric: true };
const numeric = (text: string): Cell => ({ text, numeric: true });

function table(caption: string, head: Cell[], rows: Cell[][], none: string): string {
  const cell = (tag: 'td' | 'th', value: Cell) =>
    typeof value === 'string'
      ? `<${tag}>${escapeHtml(value)}</${tag}>`
      : `<${tag} class="num">${escapeHtml(value.text)}</${tag}>`;
  const body =
    rows.length === 0
      ? `<tr><td colspan="${head.length}">${escapeHtml(none)}</td></tr>`
      : rows.map((row) => `<tr>${row.map((value) => cell('td', value)).join('')}</tr>`).join('\n');
  return [
    `<table><caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head.map((value) => cell('th', value)).join('')}</tr></thead>`,
    `<tbody>${body}</tbody></table>`,
  ].join('\n');
}

/** Label and value pairs: who, where and when, above the figures. */
function facts(rows: [string, string][]): string {
  const body = rows
    .map(
      ([label, value]) =>
        `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  return `<table class="facts"><tbody>${body}</tbody></table>`;
}

/** A text as a CSS string, for the page margin boxes (no line breaks, nothing that ends <style>). */
const cssString = (text: string) =>
  `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/</g, '\\3C ')
    .replace(/[\r\n]+/g, ' ')}"`;

/** "Page {{page}} of {{pages}}" as CSS content: the counters where the placeholders are. */
function pageCounterContent(template: string): string {
  return template
    .split(/(\{\{pages?\}\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{{page}}'
        ? 'counter(page)'
        : part === '{{pages}}'
          ? 'counter(pages)'
          : cssString(part),
    )
    .join(' ');
}

/**
 * Chinese text first in a CJK font that also draws Latin letters and digits, so that a line mixing
 * both ("Z 报表") is set in one font and reads back as typed; other languages in DejaVu Sans.
 */
const fontsOf = (language: Language) =>
  language === 'zh-CN'
    ? "'Noto Sans CJK SC', 'DejaVu Sans', sans-serif"
    : "'DejaVu Sans', 'Noto Sans CJK SC', 'Noto Sans', sans-serif";

function a4Document(parts: {
  language: Language;
  title: string;
  t: Translate;
  footer: string;
  header: string[];
  body: string[];
}): string {
  const say = (key: string) =>
    parts.t(`accountant.a4.${key}`, {
      lng: parts.language,
      page: '{{page}}',
      pages: '{{pages}}',
      interpolation: { escapeValue: false },
    });
  const style = `
@page {
  size: A4;
  margin: 15mm 15mm 18mm;
  @bottom-left { content: ${cssString(parts.footer)}; font: 7pt 'DejaVu Sans Mono', monospace; }
  @bottom-right { content: ${pageCounterContent(say('page'))}; font: 8pt 'DejaVu Sans', sans-serif; }
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font: 9.5pt ${fontsOf(parts.language)}; }
header { border-bottom: 0.4mm solid #000; margin-bottom: 4mm; padding-bottom: 2mm; }
header p { margin: 0; }
h1 { font-size: 15pt; margin: 2mm 0; }
table { width: 100%; border-collapse: collapse; margin: 0 0 5mm; page-break-inside: auto; }
tr { page-break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
th, td { border-bottom: 0.2mm solid #999; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
th { border-bottom: 0.4mm solid #000; }
.facts th { border-bottom: 0.2mm solid #999; width: 45mm; }
.facts td { white-space: nowrap; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure { margin: 0 0 5mm; page-break-inside: avoid; }
figcaption { font-weight: bold; padding: 1mm 0; }
.chart { font-size: 3px; fill: #000; }
.chart rect { fill: #555; }
.hash { font: 8pt 'DejaVu Sans Mono', monospace; word-break: break-all; }
`;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(parts.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<header>${parts.header.join('\n')}</header>`,
    '<main>',
    ...parts.body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function shopHeader(
  shop: ReceiptShop,
  sayAsReceipt: (key: string, values?: Record<string, unknown>) => string,
) {
  return [
    `<p><strong>${escapeHtml(shop.name)}</strong></p>`,
    ...shop.addressLines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(shop.taxId ? [`<p>${escapeHtml(sayAsReceipt('taxId', { taxId: shop.taxId }))}</p>`] : []),
  ];
}

function hashLines(rows: [string, string][]): string[] {
  return rows.map(
    ([label, hash]) =>
      `<p><strong>${escapeHtml(label)}</strong><br><span class="hash">${escapeHtml(hash)}</span></p>`,
  );
}

function sayers(t: Translate, language: Language) {
  return {
    say: printTranslator(t, 'dayReport', language),
    sayAsReceipt: printTranslator(t, 'receipt', language),
    sayA4: (key: string, values: Record<string, unknown> = {}) =>
      t(`accountant.a4.${key}`, {
        ...values,
        lng: language,
        interpolation: { escapeValue: false },
      }),
  };
}

/**
 * The tax by rate (before tax, tax, with tax), and the takings whose tax was never recorded
 * (sales made before rates were kept) on a line of their own when there are any.
 */
function taxTable(
  lines: readonly TaxLine[],
  notRecorded: number | null,
  words: {
    sayA4: ReturnType<typeof sayers>['sayA4'];
    col: (key: string) => string;
    money: (amount: number) => Cell;
    language: Language;
    none: string;
    notRecorded: string;
  },
): string {
  const { sayA4, col, money, language } = words;
  return table(
    sayA4('closure.taxes', { tax: taxName }),
    [col('rate'), numeric(col('beforeTax')), numeric(taxName), numeric(col('total'))],
    [
      ...lines.map((line): Cell[] => [
        `${taxName} ${formatTaxRate(line.rate, language)}`,
        money(line.base),
        money(line.tax),
        money(line.base + line.tax),
      ]),
      ...(notRecorded ? [[words.notRecorded, '', '', money(notRecorded)]] : []),
    ],
    words.none,
  );
}

/**
 * A Z report (or an X report) on A4: the header, then its figures as tables (totals, by plan,
 * payment, clerk, dealer SIM and status, refunds, cash movements, the drawer and its count,
 * dealer SIMs, unknown sales), its charts by hour and by plan, and for a Z its hashes.
 */
export function renderDayReportA4(document: DayReportDocument, t: Translate): string {
  const { report, z, language } = document;
  const { say, sayAsReceipt, sayA4 } = sayers(t, language);
  const { currency } = report.totals.gross;
  const money = (amount: number) => numeric(formatMoney({ amount, currency }, language));
  const count = (n: number) => numeric(String(n));
  const when = (instant: string) => {
    const { date, time } = formatLocalDateTime(instant, document.timeZone, language);
    return `${date} ${time}`;
  };
  const receiptOf = (saleId: number) => {
    const number = document.names.receipts[saleId];
    return number === undefined ? '' : String(number);
  };
  const method = (key: string) => sayAsReceipt(`methods.${key}`);
  const none = say('none');
  const col = (key: string) => sayA4(`columns.${key}`);
  const title = z ? sayA4('zTitle', { number: z.number }) : say('documentTitleX');

  const header = [
    ...shopHeader(document.shop, sayAsReceipt),
    `<h1>${escapeHtml(title)}${document.copy ? ` — ${escapeHtml(say('copy'))}` : ''}</h1>`,
    ...(z ? [] : [`<p><strong>${escapeHtml(say('notAClosing'))}</strong></p>`]),
  ];
  const about: [string, string][] = [
    [sayAsReceipt('till'), document.names.till],
    ...(report.from !== null ? [[say('since'), when(report.from)] as [string, string]] : []),
    [say('opened'), when(report.shift.openedAt)],
    [say('openedBy'), report.shift.openedBy],
    ...(z
      ? ([
          [say('closed'), when(report.to)],
          [say('closedBy'), report.shift.closedBy ?? ''],
        ] as [string, string][])
      : ([[say('asOf'), when(report.to)]] as [string, string][])),
  ];
  const totals: Cell[][] = [
    [say('sales'), count(report.totals.sales)],
    [say('gross'), money(report.totals.gross.amount)],
    [say('refunds'), money(report.totals.refunds.amount)],
    [say('net'), money(report.totals.net.amount)],
    [say('dealerCost'), money(report.totals.dealerCost.amount)],
    [say('margin'), money(report.totals.margin.amount)],
    ...(report.soldBeforeOpening > 0
      ? [[say('soldBeforeOpening'), count(report.soldBeforeOpening)]]
      : []),
  ];
  const { cash } = report;
  const drawer: Cell[][] = [
    [say('float'), money(cash.float.amount)],
    [say('cashSales'), money(cash.cashSales.amount)],
    [say('cashRefunds'), money(cash.cashRefunds.amount)],
    [say('cashIn'), money(cash.cashIn.amount)],
    [say('cashOut'), money(cash.cashOut.amount)],
    [say('expected'), money(cash.expected.amount)],
    ...(report.count
      ? [
          [say('countedTotal'), money(report.count.total.amount)],
          [say('difference'), money(report.count.difference)],
          ...(report.count.reason !== null
            ? [[say('reason', { reason: report.count.reason })]]
            : []),
        ]
      : []),
  ];
  const value = [col('item'), numeric(col('value'))];
  const byHour = hourBars(report.byHour, (hour) => sayA4('charts.hour', { hour }));
  const byPlan = report.byPlan.map((plan) => ({
    label: plan.planName,
    value: plan.amount.amount,
    text: formatMoney(plan.amount, language),
  }));
  const chart = (key: string, bars: typeof byPlan) =>
    bars.length === 0
      ? ''
      : `<figure><figcaption>${escapeHtml(sayA4(`charts.${key}`))}</figcaption>${barChartSvg(sayA4(`charts.${key}`), bars)}</figure>`;

  const body = [
    facts(about),
    table(say('totals'), value, totals, none),
    ...(report.taxes
      ? [
          taxTable(report.taxes, report.taxNotRecorded?.amount ?? 0, {
            sayA4,
            col,
            money,
            language,
            none,
            notRecorded: t('tax.notRecorded', { lng: language }),
          }),
        ]
      : []),
    chart('byHour', byHour),
    chart('byPlan', byPlan),
    table(
      say('byPlan'),
      [
        col('plan'),
        numeric(col('sales')),
        numeric(col('amount')),
        numeric(say('dealerCost')),
        numeric(say('margin')),
      ],
      report.byPlan.map((p) => [
        p.planName,
        count(p.sales),
        money(p.amount.amount),
        money(p.dealerCost.amount),
        money(p.margin.amount),
      ]),
      none,
    ),
    table(
      say('byPayment'),
      [col('method'), numeric(col('sales')), numeric(col('amount')), numeric(say('refunds'))],
      report.byPayment.map((p) => [
        method(p.method),
        count(p.sales),
        money(p.amount.amount),
        money(p.refunds.amount),
      ]),
      none,
    ),
    table(
      say('byClerk'),
      [col('clerk'), numeric(col('sales')), numeric(col('amount'))],
      report.byClerk.map((p) => [p.clerk, count(p.sales), money(p.amount.amount)]),
      none,
    ),
    // The shop's one drawer counts every till: the owner compares them here.
    ...(report.drawer === 'shop' && report.tills
      ? [
          table(
            t('drawers.print.byTill', { lng: language }),
            [
              t('drawers.print.till', { lng: language }),
              numeric(col('sales')),
              numeric(t('drawers.print.net', { lng: language })),
              numeric(t('drawers.print.cash', { lng: language })),
            ],
            report.tills.map((line) => [
              line.till.name,
              count(line.sales),
              money(line.net.amount),
              money(line.cash.amount),
            ]),
            none,
          ),
        ]
      : []),
    table(
      say('byModem'),
      [col('dealerSim'), numeric(col('sales')), numeric(col('amount')), numeric(say('dealerCost'))],
      report.byModem.map((p) => [
        p.modemId ?? say('noModem'),
        count(p.sales),
        money(p.amount.amount),
        money(p.dealerCost.amount),
      ]),
      none,
    ),
    table(
      say('byStatus'),
      [col('status'), numeric(col('sales')), numeric(col('amount'))],
      report.byStatus.map((p) => [
        say(`statuses.${p.status}`),
        count(p.sales),
        money(p.amount.amount),
      ]),
      none,
    ),
    table(
      say('refundsTitle'),
      [col('receipt'), col('method'), col('time'), col('reason'), numeric(col('amount'))],
      report.refunds.map((r) => [
        receiptOf(r.saleId),
        method(r.method),
        when(r.at),
        r.reason,
        money(r.amount.amount),
      ]),
      none,
    ),
    table(
      say('cashMovements'),
      [col('kind'), col('who'), col('time'), col('reason'), numeric(col('amount'))],
      report.cashMovements.map((m) => [
        col(`movement.${m.kind}`),
        m.actor,
        when(m.at),
        m.reason,
        money(m.amount.amount),
      ]),
      none,
    ),
    table(say('cash'), value, drawer, none),
    ...(report.count
      ? [
          table(
            say('count'),
            [numeric(col('denomination')), numeric(col('pieces')), numeric(col('amount'))],
            report.count.counted.map((line) => [
              money(line.denomination),
              count(line.count),
              money(line.denomination * line.count),
            ]),
            none,
          ),
        ]
      : []),
    table(
      say('dealer'),
      [
        col('dealerSim'),
        col('carrier'),
        numeric(say('opening')),
        numeric(say('closing')),
        numeric(say('dealerMovement')),
        numeric(say('expectedMovement')),
        numeric(say('difference')),
      ],
      report.dealer.map((sim) => {
        const read = (amount: number | null | undefined) =>
          amount === null || amount === undefined ? numeric(say('notRead')) : money(amount);
        return [
          sim.modemId,
          document.names.carriers[sim.carrierId] ?? sim.carrierId,
          read(sim.opening?.amount),
          read(sim.closing?.amount),
          read(sim.movement),
          money(sim.expected),
          read(sim.difference),
        ];
      }),
      none,
    ),
    table(
      say('unknownSales'),
      [col('receipt'), col('time'), col('plan'), numeric(col('amount'))],
      report.unknownSales.map((s) => [
        receiptOf(s.id),
        when(s.createdAt),
        `${s.msisdn} ${s.planName}`,
        money(s.price.amount),
      ]),
      none,
    ),
    ...(z
      ? hashLines([
          [say('hash'), z.hash],
          [say('prevHash'), z.prevHash],
        ])
      : []),
  ];
  return a4Document({
    language,
    title,
    t,
    footer: z ? sayA4('footerHash', { hash: z.hash }) : `${title} — ${say('notAClosing')}`,
    header,
    body,
  });
}

/**
 * A month's or a year's closure on A4: the header, its bounds and Z reports, its totals, its tax
 * by rate (before tax, tax, total), its takings by payment, the perpetual totals, and its hashes.
 */
export function renderClosureA4(closure: PeriodClosure, side: DocumentSide, t: Translate): string {
  const { language } = side;
  const { say, sayAsReceipt, sayA4 } = sayers(t, language);
  const { currency } = closure.totals.gross;
  const money = (amount: number) => numeric(formatMoney({ amount, currency }, language));
  const count = (n: number) => numeric(String(n));
  const when = (instant: string) => {
    const { date, time } = formatLocalDateTime(instant, side.timeZone, language);
    return `${date} ${time}`;
  };
  const col = (key: string) => sayA4(`columns.${key}`);
  const none = say('none');
  const title = sayA4(`closureTitle.${closure.kind}`, {
    number: closure.number,
    period: closure.period,
  });
  const { zReports } = closure;
  const about: [string, string][] = [
    [sayAsReceipt('till'), closure.tillName],
    [sayA4('closure.from'), when(closure.from)],
    [sayA4('closure.to'), when(closure.to)],
    [
      sayA4('closure.zReports'),
      zReports.first === null || zReports.last === null
        ? none
        : sayA4('closure.zRange', {
            first: zReports.first,
            last: zReports.last,
            count: zReports.count,
          }),
    ],
    [say('closed'), when(closure.closedAt)],
    [say('closedBy'), closure.closedBy],
  ];
  const value = [col('item'), numeric(col('value'))];
  const body = [
    facts(about),
    table(
      say('totals'),
      value,
      [
        [say('sales'), count(closure.totals.sales)],
        [say('gross'), money(closure.totals.gross.amount)],
        [say('refunds'), money(closure.totals.refunds.amount)],
        [say('net'), money(closure.totals.net.amount)],
      ],
      none,
    ),
    taxTable(closure.taxes, null, { sayA4, col, money, language, none, notRecorded: '' }),
    table(
      say('byPayment'),
      [col('method'), numeric(col('sales')), numeric(col('amount'))],
      closure.byPayment.map((p) => [
        sayAsReceipt(`methods.${p.method}`),
        count(p.sales),
        money(p.amount.amount),
      ]),
      none,
    ),
    table(
      sayA4('closure.perpetual'),
      value,
      [
        [sayA4('closure.grandTotal'), money(closure.perpetual.grandTotal.amount)],
        [sayA4('closure.receipts'), count(closure.perpetual.count)],
      ],
      none,
    ),
    ...hashLines([
      [say('hash'), closure.hash],
      [say('prevHash'), closure.prevHash],
    ]),
  ];
  return a4Document({
    language,
    title,
    t,
    footer: sayA4('footerHash', { hash: closure.hash }),
    header: [
      ...shopHeader(side.shop, sayAsReceipt),
      `<h1>${escapeHtml(title)}${side.copy ? ` — ${escapeHtml(say('copy'))}` : ''}</h1>`,
    ],
    body,
  });
}
