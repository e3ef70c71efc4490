import {
  baudRates,
  defaultTcpPort,
  type PaperWidth,
  type Printer,
  type PrinterInput,
  type PrinterKind,
} from '../../shared/printer';

/**
 * A printer as the settings form edits it: every field a string (what the inputs hold), whatever
 * the kind, so that switching the kind back and forth loses nothing typed.
 */
export interface PrinterDraft {
  id: string;
  name: string;
  kind: PrinterKind;
  paper: PaperWidth;
  host: string;
  port: string;
  path: string;
  baudRate: string;
  folder: string;
  deviceName: string;
  /** Kept whatever the kind; only ESC/POS printers (network, serial) send these two. */
  cashDrawer: boolean;
  chineseFont: boolean;
}

/** The text fields: the cash drawer is a checkbox of its own. */
export type DraftField = Exclude<keyof PrinterDraft, 'id' | 'cashDrawer' | 'chineseFont'>;

/** The fields a printer of this kind has, in the order the form shows them. */
export const draftFields: Record<PrinterKind, readonly DraftField[]> = {
  tcp: ['host', 'port'],
  serial: ['path', 'baudRate'],
  pdf: ['folder'],
  system: ['deviceName'],
};

export function newDraft(id: string): PrinterDraft {
  return {
    id,
    name: '',
    kind: 'tcp',
    paper: '80mm',
    host: '',
    port: String(defaultTcpPort),
    path: '',
    baudRate: String(baudRates[0]),
    folder: '',
    deviceName: '',
    cashDrawer: false,
    chineseFont: false,
  };
}

export function draftOf(printer: Printer): PrinterDraft {
  const draft = {
    ...newDraft(printer.id),
    name: printer.name,
    kind: printer.kind,
    paper: printer.paper,
  };
  switch (printer.kind) {
    case 'tcp':
      return {
        ...draft,
        host: printer.host,
        port: String(printer.port),
        cashDrawer: printer.cashDrawer,
        chineseFont: printer.chineseFont,
      };
    case 'serial':
      return {
        ...draft,
        path: printer.path,
        baudRate: String(printer.baudRate),
        cashDrawer: printer.cashDrawer,
        chineseFont: printer.chineseFont,
      };
    case 'pdf':
      return { ...draft, folder: printer.folder ?? '' };
    case 'system':
      return { ...draft, deviceName: printer.deviceName };
  }
}

// Not a whole number: NaN, sent as null, which the core refuses with an issue on the field.
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

/** The printer the core is asked to save: only its kind's fields, numbers as numbers. */
export function printerOfDraft(draft: PrinterDraft): PrinterInput {
  const { id, name, paper, cashDrawer, chineseFont } = draft;
  switch (draft.kind) {
    case 'tcp':
      return {
        id,
        name,
        paper,
        kind: 'tcp',
        host: draft.host,
        port: whole(draft.port),
        cashDrawer,
        chineseFont,
      };
    case 'serial':
      return {
        id,
        name,
        paper,
        kind: 'serial',
        path: draft.path,
        baudRate: whole(draft.baudRate),
        cashDrawer,
        chineseFont,
      };
    case 'pdf':
      return {
        id,
        name,
        paper,
        kind: 'pdf',
        folder: draft.folder.trim() === '' ? null : draft.folder,
      };
    case 'system':
      return { id, name, paper, kind: 'system', deviceName: draft.deviceName };
  }
}
