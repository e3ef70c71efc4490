import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/database';
import { createPrinterStore } from '../../../electron/store/printers';
import { type Printer, type PrinterSetup, printerSetupSchema } from '../../../shared/printer';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

const setup: PrinterSetup = printerSetupSchema.parse({
  printers: [
    { id: 'counter', name: 'Counter', paper: '80mm', kind: 'tcp', host: '192.168.1.50' },
    { id: 'pdf', name: 'PDF', paper: '58mm', kind: 'pdf' },
    {
      id: 'usb',
      name: 'USB',
      paper: '58mm',
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 19200,
    },
    { id: 'office', name: 'Office', paper: '80mm', kind: 'system', deviceName: 'EPSON_TM_T20' },
  ],
  defaultPrinterId: 'pdf',
});

describe('the printer store', () => {
  it('keeps the printers in the manager’s order with their default, across restarts', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const first = openDatabase(file).db;
    expect(createPrinterStore(first, () => new Date()).get()).toEqual({
      printers: [],
      defaultPrinterId: null,
      autoPrint: true,
    });
    createPrinterStore(first, () => new Date()).save(setup);
    first.close();
    const store = createPrinterStore(openDatabase(file).db, () => new Date());
    expect(store.get()).toEqual(setup);
    expect(store.get().printers[0]).toMatchObject({ host: '192.168.1.50', port: 9100 });
    expect(store.defaultPrinter()?.id).toBe('pdf');
    expect(store.find('usb')).toMatchObject({ path: '/dev/ttyUSB0', baudRate: 19200 });
    expect(store.find('nowhere')).toBeNull();
  });

  it('replaces the whole list: a printer left out is gone, and there may be no default', () => {
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
    const store = createPrinterStore(db, () => new Date());
    store.save(setup);
    store.save({ printers: setup.printers.slice(2), defaultPrinterId: null, autoPrint: true });
    expect(store.get().printers.map((printer) => printer.id)).toEqual(['usb', 'office']);
    expect(store.defaultPrinter()).toBeNull();
  });

  it('keeps whether receipts print by themselves, on until a manager turns it off', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const first = openDatabase(file).db;
    createPrinterStore(first, () => new Date()).save(setup);
    expect(createPrinterStore(first, () => new Date()).get().autoPrint).toBe(true);
    createPrinterStore(first, () => new Date()).save({ ...setup, autoPrint: false });
    first.close();
    const store = createPrinterStore(openDatabase(file).db, () => new Date());
    expect(store.get().autoPrint).toBe(false);
    store.save({ ...setup, autoPrint: true });
    expect(store.get().autoPrint).toBe(true);
  });

  it('keeps which ESC/POS printer has a cash drawer', () => {
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
    const store = createPrinterStore(db, () => new Date());
    const counter = { ...setup.printers[0], cashDrawer: true } as Printer;
    store.save({ ...setup, printers: [counter, ...setup.printers.slice(1)] });
    expect(store.find('counter')).toMatchObject({ cashDrawer: true });
    expect(store.find('usb')).toMatchObject({ cashDrawer: false });
  });

  it('refuses to use a printer row edited into nonsense behind the app’s back', () => {
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
    const store = createPrinterStore(db, () => new Date());
    store.save(setup);
    db.prepare(`UPDATE printers SET settings = '{"host":"bad host!"}' WHERE id = 'counter'`).run();
    expect(() => store.find('counter')).toThrow(/host/);
  });
});
