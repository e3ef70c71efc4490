import { z } from 'zod';
import { singleLineText } from './text';

/**
 * The shop's receipt printers, set up by a manager. A receipt goes to one of them as ESC/POS
 * bytes (a raw TCP port or a serial port), as a PDF file in a folder, or as HTML to a printer of
 * the operating system.
 */

export const printerKinds = ['tcp', 'serial', 'pdf', 'system'] as const;
export type PrinterKind = (typeof printerKinds)[number];

export const paperWidths = ['80mm', '58mm'] as const;
export type PaperWidth = (typeof paperWidths)[number];

/** The raw printing port of network receipt printers (JetDirect). */
export const defaultTcpPort = 9100;

/** The speeds receipt printers are set to. */
export const baudRates = [9600, 19200, 38400, 57600, 115200] as const;

const printerIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);

const required = (max: number) => singleLineText(max).pipe(z.string().min(1));

const hostSchema = required(253).refine(
  (value) => z.hostname().safeParse(value).success || z.ipv6().safeParse(value).success,
  { params: { reason: 'printer_host' } },
);

/** Absolute on Linux and macOS (`/…`) or Windows (`C:\…`, `\\server\…`). */
const folderSchema = singleLineText(500).refine(
  (value) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value),
  { params: { reason: 'absolute_folder' } },
);

/** An ESC/POS printer may drive the cash drawer plugged into it (the drawer kick-out port). */
const cashDrawerSchema = z.boolean().default(false);

/**
 * An ESC/POS printer with a Chinese font (GB18030, most printers sold in China) prints a Chinese
 * receipt in Chinese; without one, its labels print in English (see renderReceiptEscPos).
 */
const chineseFontSchema = z.boolean().default(false);

const common = {
  id: printerIdSchema,
  name: required(60),
  paper: z.enum(paperWidths),
};

export const printerSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...common,
      kind: z.literal('tcp'),
      host: hostSchema,
      port: z.number().int().min(1).max(65535).default(defaultTcpPort),
      cashDrawer: cashDrawerSchema,
      chineseFont: chineseFontSchema,
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('serial'),
      /** /dev/ttyUSB0, /dev/cu.usbserial-…, COM3 */
      path: required(200),
      baudRate: z
        .number()
        .int()
        .refine((value) => (baudRates as readonly number[]).includes(value), {
          params: { reason: 'baud_rate' },
        }),
      cashDrawer: cashDrawerSchema,
      chineseFont: chineseFontSchema,
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('pdf'),
      /** Where the PDF files go; null: a `receipts` folder beside the database file. */
      folder: folderSchema.nullable().default(null),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('system'),
      /** The printer's name as the operating system knows it (CUPS queue, Windows printer). */
      deviceName: required(200),
    })
    .strict(),
]);

export type Printer = z.output<typeof printerSchema>;

/** Whether the printer opens a cash drawer: only ESC/POS printers (network or serial) can. */
export function hasCashDrawer(printer: Printer): boolean {
  return (printer.kind === 'tcp' || printer.kind === 'serial') && printer.cashDrawer;
}

/** All the shop's printers, in the order the manager listed them, and the default one. */
export const printerSetupSchema = z
  .object({
    printers: z.array(printerSchema).max(20),
    defaultPrinterId: printerIdSchema.nullable(),
    /** A sale's receipt prints by itself on the default printer once the sale has an outcome. */
    autoPrint: z.boolean().default(true),
  })
  .strict()
  .superRefine((setup, context) => {
    const seen = new Set<string>();
    setup.printers.forEach((printer, index) => {
      if (seen.has(printer.id)) {
        context.addIssue({
          code: 'custom',
          path: ['printers', index, 'id'],
          message: 'Two printers have the same id',
          params: { reason: 'duplicate_printer' },
        });
      }
      seen.add(printer.id);
    });
    if (setup.defaultPrinterId !== null && !seen.has(setup.defaultPrinterId)) {
      context.addIssue({
        code: 'custom',
        path: ['defaultPrinterId'],
        message: 'The default printer is not one of the printers',
        params: { reason: 'unknown_printer' },
      });
    }
  });

export type PrinterSetup = z.output<typeof printerSetupSchema>;

/** A printer as a client sends it (the port and PDF folder may be left out). */
export type PrinterInput = z.input<typeof printerSchema>;
