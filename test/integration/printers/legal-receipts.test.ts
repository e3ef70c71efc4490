import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliverReceipt } from '../../../electron/printers/deliver';
import { hostDocuments } from '../../../electron/printers/host-documents';
import { printerSchema } from '../../../shared/printer';
import { withTempDirs } from '../../support/temp';
import { art46Lines, legalReceipt, readableLines } from '../../unit/printing/legal';
import { translations } from '../../unit/printing/sale';

const tempDir = withTempDirs();

describe('a receipt as délibération 14/2004 art. 46 wants it, read back from its PDF', () => {
  for (const language of ['fr', 'zh-CN'] as const) {
    it(`carries every field for a customer reading ${language}`, async () => {
      const folder = path.join(tempDir(), 'pdfs');
      const printer = printerSchema.parse({
        id: 'pdf',
        name: 'PDF',
        paper: '80mm',
        kind: 'pdf',
        folder,
      });
      const { file } = await deliverReceipt(legalReceipt(language), printer, {
        t: translations(),
        documents: hostDocuments(),
        pdfFolder: folder,
        deviceTimeoutMs: 5000,
      });
      const text = execFileSync('pdftotext', ['-layout', file as string, '-'], {
        encoding: 'utf8',
      });
      const lines = readableLines(text);
      for (const field of art46Lines(language)) expect(lines).toContain(field);
    });
  }
});
