import { describe, expect, it } from 'vitest';
import { draftOf, newDraft, printerOfDraft } from '../../../../renderer/settings/printer-drafts';
import { printerSchema } from '../../../../shared/printer';

const printers = [
  { id: 'counter', name: 'Counter', paper: '80mm', kind: 'tcp', host: '192.168.1.50', port: 9100 },
  {
    id: 'drawer',
    name: 'Till with drawer',
    paper: '80mm',
    kind: 'tcp',
    host: '192.168.1.51',
    cashDrawer: true,
  },
  { id: 'usb', name: 'USB', paper: '58mm', kind: 'serial', path: 'COM3', baudRate: 38400 },
  { id: 'pdf', name: 'PDF', paper: '80mm', kind: 'pdf', folder: '/srv/receipts' },
  { id: 'office', name: 'Office', paper: '80mm', kind: 'system', deviceName: 'EPSON_TM_T20' },
].map((printer) => printerSchema.parse(printer));

describe('a printer as the settings form edits it', () => {
  it.each(printers)('comes back as the same $kind printer', (printer) => {
    expect(printerSchema.parse(printerOfDraft(draftOf(printer)))).toEqual(printer);
  });

  it('starts as a network printer on port 9100 that the core accepts once named and addressed', () => {
    const draft = { ...newDraft('new-1'), name: 'Till', host: 'printer.local' };
    expect(printerSchema.parse(printerOfDraft(draft))).toEqual({
      id: 'new-1',
      name: 'Till',
      paper: '80mm',
      kind: 'tcp',
      host: 'printer.local',
      port: 9100,
      cashDrawer: false,
      chineseFont: false,
    });
  });

  it('sends only the fields of its kind, an empty folder as the default one', () => {
    const draft = {
      ...newDraft('new-1'),
      name: 'PDF',
      kind: 'pdf' as const,
      host: 'left over',
      cashDrawer: true,
    };
    expect(printerOfDraft(draft)).toEqual({
      id: 'new-1',
      name: 'PDF',
      paper: '80mm',
      kind: 'pdf',
      folder: null,
    });
  });

  it('sends a port that is not a whole number so that the core refuses that field', () => {
    const draft = { ...newDraft('new-1'), name: 'Till', host: '10.0.0.5', port: '91OO' };
    const result = printerSchema.safeParse(JSON.parse(JSON.stringify(printerOfDraft(draft))));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['port']);
  });
});
