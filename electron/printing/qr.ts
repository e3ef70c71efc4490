import QRCode from 'qrcode';
import type { IssuedReceipt } from '../../shared/receipt';
import { escapeHtml } from './escape-html';

/**
 * What a receipt's QR code says: which device, which receipt, and the receipt's hash, e.g.
 * `comptoir:receipt:POS-1:42:3f2a…` (64 hex digits). The device id is letters, digits, `.`, `_`
 * and `-` only, so the fields need no escaping. Scanning it finds the receipt in the books and
 * shows whether the paper matches them.
 */
export function receiptQrPayload(receipt: Pick<IssuedReceipt, 'deviceId' | 'number' | 'hash'>) {
  return `comptoir:receipt:${receipt.deviceId}:${receipt.number}:${receipt.hash}`;
}

/** Quiet zone around the code, in modules (the standard asks for 4). */
const quietZone = 4;

/**
 * The QR code of `text` as an inline SVG element (error correction M), one path of dark runs on a
 * white square with its quiet zone, `label` as its accessible name (escaped here).
 */
export function qrSvg(text: string, options: { label: string; className?: string }): string {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const size = modules.size;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    let column = 0;
    while (column < size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && modules.get(row, column)) column += 1;
      path += `M${start} ${row}h${column - start}v1h${start - column}z`;
    }
  }
  const side = size + 2 * quietZone;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-quietZone} ${-quietZone} ${side} ${side}"` +
    ` shape-rendering="crispEdges" role="img" aria-label="${escapeHtml(options.label)}"` +
    `${options.className ? ` class="${escapeHtml(options.className)}"` : ''}>` +
    `<rect x="${-quietZone}" y="${-quietZone}" width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${path}"/></svg>`
  );
}
