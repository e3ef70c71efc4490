import type { PaperWidth } from '../../shared/printer';
import type { Receipt } from '../../shared/receipt';
import { type ClosureDocument, layoutClosure } from './closure';
import { type DayReportDocument, layoutDayReport } from './day-report';
import { escapeHtml } from './escape-html';
import {
  layoutReceipt,
  printTranslator,
  type ReceiptColumns,
  type ReceiptLine,
  type Translate,
} from './layout';
import { qrSvg, receiptQrPayload } from './qr';

/** What a document is laid out on: a receipt printer's roll, or an A4 sheet (day reports). */
export type DocumentPaper = PaperWidth | 'A4';

/**
 * Paper geometry, in hundredths of a millimetre. On a roll the font is 2.5 mm monospace, whose
 * characters are 1.5 mm wide (0.6 em), so 48 columns fill the 72 mm a printer prints on 80 mm
 * paper and 32 columns the 48 mm it prints on 58 mm paper: the HTML breaks lines where the
 * printer does. On A4 a 3.5 mm font (2.1 mm a character) fits 80 columns in the 180 mm between
 * 15 mm margins, and the lines flow over as many pages as they need.
 */
const papers = {
  '80mm': { width: 8000, margin: 400, columns: 48, font: 250 },
  '58mm': { width: 5800, margin: 500, columns: 32, font: 250 },
  A4: { width: 21000, margin: 1500, columns: 80, font: 350 },
} as const;

type Sheet = (typeof papers)[DocumentPaper];

/** A line is 1.3 times the font; a large line (double size) twice that. */
const lineHeightOf = (sheet: Sheet) => (sheet.font * 13) / 10;

/** The side of a receipt's QR code on each roll, and the gap above it. */
const qrSides = { '80mm': 3600, '58mm': 3000 } as const;
const qrGap = 200;

/** Characters per line on this paper, as an ESC/POS printer prints them. */
export function paperColumns(paper: PaperWidth): ReceiptColumns {
  return papers[paper].columns;
}

/** A page's size in hundredths of a millimetre. */
export interface PageSize {
  width: number;
  height: number;
}

/**
 * The receipt's page as its HTML declares it (@page): the paper's width, and as long as the
 * receipt rounded up to a whole millimetre.
 */
export function receiptPageSize(receipt: Receipt, t: Translate, paper: PaperWidth): PageSize {
  return rollPage(paper, layoutReceipt(receipt, t, papers[paper].columns), qrGap + qrSides[paper]);
}

/** The day report's page on a roll, as its HTML declares it: as long as the report. */
export function dayReportPageSize(
  document: DayReportDocument,
  t: Translate,
  paper: PaperWidth,
): PageSize {
  return rollPage(paper, layoutDayReport(document, t, papers[paper].columns), 0);
}

/** A roll's page: its width, and as long as the lines and what follows them (`below`). */
function rollPage(paper: PaperWidth, lines: ReceiptLine[], below: number): PageSize {
  const sheet = papers[paper];
  const line = lineHeightOf(sheet);
  const height =
    2 * sheet.margin +
    lines.reduce((sum, each) => sum + (isLarge(each) ? 2 * line : line), 0) +
    below;
  return { width: sheet.width, height: Math.ceil(height / 100) * 100 };
}

/**
 * The receipt as a complete HTML document for the screen, a printer or a PDF: one page exactly
 * as wide as the paper and as long as the receipt (@page size), no external resources (the QR
 * code is inline SVG, fonts are the system's), and every text from the receipt or a translation
 * escaped.
 */
export function renderReceiptHtml(
  receipt: Receipt,
  t: Translate,
  options: { paper: PaperWidth },
): string {
  const { paper } = options;
  // A bilingual receipt is a French document with the customer's language under each label.
  const language = receipt.legalLanguage ?? receipt.language;
  const say = printTranslator(t, 'receipt', language);
  const qr = qrSvg(receiptQrPayload(receipt), {
    label: say('qrLabel', { number: receipt.number }),
    className: 'qr',
  });
  const side = qrSides[paper];
  return htmlDocument({
    language,
    title: say('documentTitle', { number: receipt.number }),
    classes: ['receipt', `status-${receipt.status}`, receipt.copy > 0 ? 'reprint' : 'original'],
    lines: layoutReceipt(receipt, t, papers[paper].columns),
    paper,
    below: {
      html: qr,
      height: qrGap + side,
      css: `.qr { display: block; width: ${mm(side)}; height: ${mm(side)}; margin: ${mm(qrGap)} auto 0; }`,
    },
  });
}

/**
 * The day report (Z or X) as a complete HTML document: on a roll, one page as long as the
 * report; on A4, pages of 80 columns. Nothing external, every text escaped, like a receipt.
 */
export function renderDayReportHtml(
  document: DayReportDocument,
  t: Translate,
  options: { paper: DocumentPaper },
): string {
  const { paper } = options;
  const say = printTranslator(t, 'dayReport', document.language);
  return htmlDocument({
    language: document.language,
    title: document.z
      ? say('documentTitleZ', { number: document.z.number })
      : say('documentTitleX'),
    classes: [
      'day-report',
      document.z ? 'z-report' : 'x-report',
      ...(document.copy ? ['copy'] : []),
    ],
    lines: layoutDayReport(document, t, papers[paper].columns),
    paper,
  });
}

/** A closure's page on a roll, as its HTML declares it: as long as the closure. */
export function closurePageSize(
  document: ClosureDocument,
  t: Translate,
  paper: PaperWidth,
): PageSize {
  return rollPage(paper, layoutClosure(document, t, papers[paper].columns), 0);
}

/** A month's or a year's closure as a complete HTML document on a roll, like a day report. */
export function renderClosureHtml(
  document: ClosureDocument,
  t: Translate,
  options: { paper: PaperWidth },
): string {
  const { closure } = document;
  return htmlDocument({
    language: document.language,
    title: printTranslator(
      t,
      'periods',
      document.language,
    )('print.documentTitle', {
      period: closure.period,
    }),
    classes: ['closure', `closure-${closure.kind}`, ...(document.copy ? ['copy'] : [])],
    lines: layoutClosure(document, t, papers[options.paper].columns),
    paper: options.paper,
  });
}

function htmlDocument(parts: {
  language: string;
  title: string;
  classes: string[];
  lines: ReceiptLine[];
  paper: DocumentPaper;
  /** What follows the lines (a receipt's QR code), its height and its style. */
  below?: { html: string; height: number; css: string };
}): string {
  const { paper, lines, below } = parts;
  const page = paper === 'A4' ? null : rollPage(paper, lines, below?.height ?? 0);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(parts.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${stylesheet(papers[paper], page)}${below ? `${below.css}\n` : ''}</style>`,
    '</head>',
    '<body>',
    `<main class="${parts.classes.join(' ')}">`,
    ...lines.map(lineHtml),
    ...(below ? [below.html] : []),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function isLarge(line: ReceiptLine): boolean {
  return line.kind !== 'rule' && line.style === 'large';
}

function lineHtml(line: ReceiptLine): string {
  if (line.kind === 'rule') return `<div class="rule${line.heavy ? ' heavy' : ''}"></div>`;
  if (line.kind === 'row') {
    return `<div class="line row ${line.style}"><span>${escapeHtml(line.label)}</span><span>${escapeHtml(line.value)}</span></div>`;
  }
  return `<div class="line ${line.align} ${line.style}">${escapeHtml(line.text)}</div>`;
}

const mm = (hundredths: number) => `${hundredths / 100}mm`;

/**
 * A roll's page is as long as the document (`page`), with the margins inside the sheet; an A4
 * document (`page` null) flows over A4 pages whose margins the printer leaves.
 */
function stylesheet(sheet: Sheet, page: PageSize | null): string {
  const line = lineHeightOf(sheet);
  const onPaper = page
    ? `@page { size: ${mm(page.width)} ${mm(page.height)}; margin: 0; }`
    : `@page { size: A4; margin: ${mm(sheet.margin)}; }`;
  const box = page
    ? `width: ${mm(sheet.width)};\n  padding: ${mm(sheet.margin)};`
    : `width: ${mm(sheet.width - 2 * sheet.margin)};`;
  const onScreen = page ? '' : ` width: ${mm(sheet.width)}; padding: ${mm(sheet.margin)};`;
  return `
${onPaper}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
main {
  ${box}
  font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', 'Noto Sans Mono', 'Courier New', monospace;
  font-size: ${mm(sheet.font)};
  line-height: ${mm(line)};
}
.line { height: ${mm(line)}; white-space: pre; overflow: hidden; }
.row { display: flex; justify-content: space-between; gap: ${mm((sheet.font * 6) / 10)}; }
.center { text-align: center; }
.right { text-align: right; }
.bold, .large { font-weight: bold; }
.large { font-size: ${mm(2 * sheet.font)}; height: ${mm(2 * line)}; line-height: ${mm(2 * line)}; }
.rule { height: ${mm(line)}; display: flex; align-items: center; }
.rule::before { content: ''; flex: 1; border-top: 0.25mm dashed #000; }
.rule.heavy::before { border-top: 0.5mm solid #000; }
@media screen {
  html { background: #e8e8e8; }
  main { margin: 1rem auto; background: #fff; box-shadow: 0 0.1rem 0.6rem rgb(0 0 0 / 30%);${onScreen} }
}
`;
}
