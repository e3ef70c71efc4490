import type { DayReport, ReportNames, ZReport } from '../../shared/day';
import { receiptShopFromProfile } from '../../shared/receipt';
import type { ShopProfile } from '../../shared/shop';
import type { ReceiptDocuments } from '../printers/documents';
import { renderDayReportA4 } from '../printing/a4';
import type { DayReportDocument } from '../printing/day-report';
import { renderDayReportHtml } from '../printing/html';
import type { Translate } from '../printing/layout';

/** A file handed back by day.export. */
interface ExportFile {
  name: string;
  mediaType: string;
  base64: string;
}

/**
 * The shop's side of a printed day report: its name and address, zone and language as its
 * profile stands now (a Z report keeps the figures, not the shop's header).
 */
function shopSide(profile: ShopProfile) {
  return {
    shop: receiptShopFromProfile(profile),
    timeZone: profile.timeZone,
    language: profile.defaultLanguage,
  };
}

/** A closed day's Z report as a document; `copy` when printed again from the books. */
export function zDocument(
  z: ZReport,
  profile: ShopProfile,
  copy: boolean,
  names: ReportNames,
): DayReportDocument {
  return {
    ...shopSide(profile),
    report: z.report,
    names,
    deviceId: z.deviceId,
    z: { number: z.number, hash: z.hash, prevHash: z.prevHash, perpetual: z.perpetual },
    copy,
  };
}

/** The open shift's X report as a document: not a closing. */
export function xDocument(
  report: DayReport,
  deviceId: string,
  profile: ShopProfile,
  names: ReportNames,
): DayReportDocument {
  return { ...shopSide(profile), report, names, deviceId, z: null, copy: false };
}

/** The stem of a Z report's export files: z-0012 (sorts in order in a folder). */
export const zFileStem = (z: ZReport) => `z-${String(z.number).padStart(4, '0')}`;

/** The Z report's PDFs: as the till prints it on 80 mm paper, and laid out as an A4 document. */
const pdfLayouts: readonly {
  suffix: string;
  render(document: DayReportDocument, t: Translate): string;
}[] = [
  { suffix: '80mm', render: (document, t) => renderDayReportHtml(document, t, { paper: '80mm' }) },
  { suffix: 'a4', render: renderDayReportA4 },
];

/**
 * The Z report as PDF files for the accountant, on 80 mm paper (as the till prints it) and as
 * an A4 document (tables, charts, numbered pages), made one after the other by the same documents side effect that prints receipts to PDF.
 */
export async function zPdfFiles(
  z: ZReport,
  profile: ShopProfile,
  names: ReportNames,
  render: { t: Translate; documents: ReceiptDocuments },
): Promise<ExportFile[]> {
  const document = zDocument(z, profile, false, names);
  const files: ExportFile[] = [];
  for (const { suffix, render: layout } of pdfLayouts) {
    const pdf = await render.documents.htmlToPdf(layout(document, render.t));
    files.push({
      name: `${zFileStem(z)}-${suffix}.pdf`,
      mediaType: 'application/pdf',
      base64: Buffer.from(pdf).toString('base64'),
    });
  }
  return files;
}
