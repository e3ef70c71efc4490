import type { PaperWidth } from '../../shared/printer';
import type { Receipt } from '../../shared/receipt';
import { escapeHtml } from './escape-html';
import {
  layoutReceipt,
  type ReceiptColumns,
  type ReceiptLine,
  receiptTranslator,
  type Translate,
} from './layout';
import { qrSvg, receiptQrPayload } from './qr';

/**
 * Paper geometry, in hundredths of a millimetre. The font is 2.5 mm monospace, whose characters
 * are 1.5 mm wide (0.6 em), so 48 columns fill the 72 mm a printer prints on 80 mm paper and 32
 * columns the 48 mm it prints on 58 mm paper: the HTML breaks lines where the printer does.
 */
const papers = {
  '80mm': { width: 8000, margin: 400, columns: 48, qr: 3600 },
  '58mm': { width: 5800, margin: 500, columns: 32, qr: 3000 },
} as const;

const lineHeight = 325;
const largeLineHeight = 650;
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
  return pageOf(papers[paper], layoutReceipt(receipt, t, papers[paper].columns));
}

function pageOf(paper: (typeof papers)[PaperWidth], lines: ReceiptLine[]): PageSize {
  const height =
    2 * paper.margin +
    lines.reduce((sum, line) => sum + (isLarge(line) ? largeLineHeight : lineHeight), 0) +
    qrGap +
    paper.qr;
  return { width: paper.width, height: Math.ceil(height / 100) * 100 };
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
  const paper = papers[options.paper];
  const say = receiptTranslator(t, receipt.language);
  const lines = layoutReceipt(receipt, t, paper.columns);
  const qr = qrSvg(receiptQrPayload(receipt), {
    label: say('qrLabel', { number: receipt.number }),
    className: 'qr',
  });
  const classes = [
    'receipt',
    `status-${receipt.status}`,
    receipt.copy > 0 ? 'reprint' : 'original',
  ];
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(receipt.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(say('documentTitle', { number: receipt.number }))}</title>`,
    `<style>${stylesheet(paper, pageOf(paper, lines))}</style>`,
    '</head>',
    '<body>',
    `<main class="${classes.join(' ')}">`,
    ...lines.map(lineHtml),
    qr,
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

function stylesheet(paper: (typeof papers)[PaperWidth], page: PageSize): string {
  return `
@page { size: ${mm(page.width)} ${mm(page.height)}; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
.receipt {
  width: ${mm(paper.width)};
  padding: ${mm(paper.margin)};
  font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', 'Noto Sans Mono', 'Courier New', monospace;
  font-size: 2.5mm;
  line-height: ${mm(lineHeight)};
}
.line { height: ${mm(lineHeight)}; white-space: pre; overflow: hidden; }
.row { display: flex; justify-content: space-between; gap: 1.5mm; }
.center { text-align: center; }
.right { text-align: right; }
.bold, .large { font-weight: bold; }
.large { font-size: 5mm; height: ${mm(largeLineHeight)}; line-height: ${mm(largeLineHeight)}; }
.rule { height: ${mm(lineHeight)}; display: flex; align-items: center; }
.rule::before { content: ''; flex: 1; border-top: 0.25mm dashed #000; }
.rule.heavy::before { border-top: 0.5mm solid #000; }
.qr { display: block; width: ${mm(paper.qr)}; height: ${mm(paper.qr)}; margin: ${mm(qrGap)} auto 0; }
@media screen {
  html { background: #e8e8e8; }
  .receipt { margin: 1rem auto; background: #fff; box-shadow: 0 0.1rem 0.6rem rgb(0 0 0 / 30%); }
}
`;
}
