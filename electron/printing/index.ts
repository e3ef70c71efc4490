/**
 * Receipt and day report (Z, X) rendering: plain text lines, HTML (screen, print, PDF) and ESC/POS
 * bytes. Money and local times are written by shared/money and shared/date-time, for screens too.
 */

export type { PaperWidth } from '../../shared/printer';
export { type DayReportDocument, layoutDayReport } from './day-report';
export {
  type EscPosCodepage,
  type EscPosOptions,
  renderDayReportEscPos,
  renderReceiptEscPos,
} from './escpos';
export { GbkUnavailableError } from './gbk';
export {
  type DocumentPaper,
  dayReportPageSize,
  type PageSize,
  paperColumns,
  receiptPageSize,
  renderDayReportHtml,
  renderReceiptHtml,
} from './html';
export {
  type LineStyle,
  layoutReceipt,
  type ReceiptColumns,
  type ReceiptLine,
  receiptLines,
  type Translate,
} from './layout';
export { receiptQrPayload } from './qr';
export { displayWidth, wrapText } from './text-width';
