import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Language } from '../../shared/languages';
import type { Receipt } from '../../shared/receipt';
import { type ClosureDocument, layoutClosure } from './closure';
import { type DayReportDocument, layoutDayReport } from './day-report';
import { gbkTable } from './gbk';
import {
  layoutReceipt,
  lineText,
  type ReceiptColumns,
  type ReceiptLine,
  type Translate,
} from './layout';
import { receiptQrPayload } from './qr';
import { isWide } from './text-width';

/** A codepage the encoder knows, or 'auto' to let it switch per character. */
type EscPosCodepage = Parameters<ReceiptPrinterEncoder['codepage']>[0];

interface EscPosOptions {
  /** 32 for 58 mm paper, 48 for 80 mm paper (font A). */
  columns: ReceiptColumns;
  /** Default 'auto': the encoder picks, character by character, a codepage that has it. */
  codepage?: EscPosCodepage;
  /**
   * How Chinese (any wide character) is printed. The encoder only has single-byte codepages:
   * it has no CJK support in any printer language, and prints a character no codepage has as
   * one '?'.
   * - 'none' (default, any ESC/POS printer): a wide character prints as '??' (two columns, so the
   *   columns stay aligned), and a receipt in Chinese gets its labels, dates and amounts in
   *   English: the numbers and amounts stay readable, only names typed in Chinese are lost.
   *   For a Chinese receipt on such a printer, print the HTML through the system printer.
   * - 'gb18030': for printers with a Chinese font (most printers sold in China, e.g. Xprinter,
   *   and Epson's Chinese models): wide characters are sent in the printer's Chinese mode
   *   (FS & … FS .) as two-byte GBK codes, two columns each, and the receipt keeps its language.
   */
  cjk?: 'none' | 'gb18030';
  /** Lines fed before the cut, so that the cutter (above the print head) clears the QR code. */
  feedBeforeCut?: number;
  /** Opens the cash drawer plugged into the printer as the receipt starts printing. */
  openDrawer?: boolean;
}

/**
 * ESC p m t1 t2: a pulse on the drawer kick-out connector's pin 2 (m = 0), on for t1 × 2 ms
 * (100 ms) then off for t2 × 2 ms (500 ms), what most drawers' solenoids need to release.
 */
export const drawerPulse = Uint8Array.of(0x1b, 0x70, 0x00, 50, 250);

/** Only the drawer pulse, after initialising: the drawer opened without a receipt. */
export function renderDrawerPulseEscPos(): Uint8Array {
  return Uint8Array.of(0x1b, 0x40, ...drawerPulse);
}

const enterChineseMode = [0x1c, 0x26]; // FS &
const leaveChineseMode = [0x1c, 0x2e]; // FS .

/**
 * One-for-one stand-ins for typographic characters printer codepages lack or misplace (cp437
 * puts '•' on 0x07, a control code). One-for-one keeps the columns.
 */
const standIns: Record<string, string> = {
  '•': '*',
  '‘': "'",
  '’': "'",
  '‚': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '‐': '-',
  '‑': '-',
  '–': '-',
  '—': '-',
  '−': '-',
  '×': 'x',
};

/**
 * The receipt as ESC/POS bytes: initialise, the text lines (shop name and totals bold, COPY n
 * double size), a QR code with the receipt's device, number and hash, feed and cut.
 */
export function renderReceiptEscPos(
  receipt: Receipt,
  t: Translate,
  options: EscPosOptions,
): Uint8Array {
  const { columns } = options;
  const language = printableLanguage(receipt.language, options);
  return escPosDocument(layoutReceipt(receipt, t, columns, language), options, (encoder) =>
    encoder
      .align('center')
      .qrcode(receiptQrPayload(receipt), {
        model: 2,
        size: columns === 32 ? 5 : 6,
        errorlevel: 'm',
      })
      .align('left'),
  );
}

/** The day report (Z or X) as ESC/POS bytes: initialise, its lines as a receipt's, feed and cut. */
export function renderDayReportEscPos(
  document: DayReportDocument,
  t: Translate,
  options: EscPosOptions,
): Uint8Array {
  const language = printableLanguage(document.language, options);
  return escPosDocument(layoutDayReport(document, t, options.columns, language), options);
}

/** A month's or a year's closure as ESC/POS bytes, as a day report prints. */
export function renderClosureEscPos(
  document: ClosureDocument,
  t: Translate,
  options: EscPosOptions,
): Uint8Array {
  const language = printableLanguage(document.language, options);
  return escPosDocument(layoutClosure(document, t, options.columns, language), options);
}

/** The labels' language on this printer: English for Chinese on a printer without Chinese. */
function printableLanguage(language: Language, options: EscPosOptions): Language {
  return (options.cjk ?? 'none') === 'none' && language === 'zh-CN' ? 'en' : language;
}

/**
 * Initialise, the lines (bold ones bold, large ones double size), what comes after them, then
 * the feed and the cut.
 */
function escPosDocument(
  lines: readonly ReceiptLine[],
  options: EscPosOptions,
  after: (encoder: ReceiptPrinterEncoder) => void = () => {},
): Uint8Array {
  const gbk = options.cjk === 'gb18030' ? gbkTable() : null;
  const { columns } = options;
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    feedBeforeCut: options.feedBeforeCut ?? 4,
  });
  encoder.initialize().codepage(options.codepage ?? 'auto');
  if (options.openDrawer) encoder.raw([...drawerPulse]);
  for (const line of lines) {
    const style = line.kind === 'rule' ? 'normal' : line.style;
    if (style === 'large') encoder.size(2, 2);
    if (style !== 'normal') encoder.bold(true);
    writeText(encoder, lineText(line, columns, true), gbk);
    if (style !== 'normal') encoder.bold(false);
    if (style === 'large') encoder.size(1, 1);
    encoder.newline();
  }
  after(encoder);
  encoder.cut();
  return encoder.encode();
}

/** Writes one line: runs the printer's codepages have as text, Chinese runs as GBK bytes. */
function writeText(
  encoder: ReceiptPrinterEncoder,
  line: string,
  gbk: ReadonlyMap<string, Uint8Array> | null,
): void {
  let text = '';
  let chinese: number[] = [];
  const flushText = () => {
    if (text) encoder.text(text);
    text = '';
  };
  const flushChinese = () => {
    if (chinese.length > 0) encoder.raw([...enterChineseMode, ...chinese, ...leaveChineseMode]);
    chinese = [];
  };
  for (const char of line) {
    const bytes = isWide(char) ? gbk?.get(char) : undefined;
    if (bytes) {
      flushText();
      chinese.push(...bytes);
    } else {
      flushChinese();
      text += isWide(char) ? '??' : (standIns[char] ?? char);
    }
  }
  flushText();
  flushChinese();
}
