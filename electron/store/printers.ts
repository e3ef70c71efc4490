import type { Database } from 'better-sqlite3';
import { type Printer, type PrinterSetup, printerSchema } from '../../shared/printer';

interface PrinterRow {
  id: string;
  name: string;
  paper: string;
  kind: string;
  settings: string;
  is_default: number;
}

// Read back through the schema: a row edited behind the app's back fails clearly here rather
// than sending a receipt somewhere unexpected.
function printerOf(row: PrinterRow): Printer {
  return printerSchema.parse({
    id: row.id,
    name: row.name,
    paper: row.paper,
    kind: row.kind,
    ...JSON.parse(row.settings),
  });
}

/** The shop's printers: the whole list is saved at once, in the manager's order. */
export function createPrinterStore(db: Database, now: () => Date) {
  const all = db.prepare<[], PrinterRow>('SELECT * FROM printers ORDER BY position');
  const byId = db.prepare<[string], PrinterRow>('SELECT * FROM printers WHERE id = ?');
  const byDefault = db.prepare<[], PrinterRow>('SELECT * FROM printers WHERE is_default = 1');
  const autoPrint = db
    .prepare<[], number>('SELECT auto_print FROM printing_options WHERE id = 1')
    .pluck();
  const setAutoPrint = db.prepare(`
    INSERT INTO printing_options (id, auto_print, updated_at) VALUES (1, @autoPrint, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET auto_print = @autoPrint, updated_at = @updatedAt`);
  const clear = db.prepare('DELETE FROM printers');
  const insert = db.prepare(`
    INSERT INTO printers (id, position, name, paper, kind, settings, is_default, updated_at)
    VALUES (@id, @position, @name, @paper, @kind, @settings, @isDefault, @updatedAt)`);

  return {
    get(): PrinterSetup {
      const rows = all.all();
      return {
        printers: rows.map(printerOf),
        defaultPrinterId: rows.find((row) => row.is_default === 1)?.id ?? null,
        // Until a manager says otherwise, a shop with a default printer prints every receipt.
        autoPrint: (autoPrint.get() ?? 1) === 1,
      };
    },
    /** Replaces every printer in one transaction; `setup` is already validated. */
    save(setup: PrinterSetup): void {
      const updatedAt = now().toISOString();
      db.transaction(() => {
        clear.run();
        setup.printers.forEach(({ id, name, paper, kind, ...settings }, position) => {
          insert.run({
            id,
            position,
            name,
            paper,
            kind,
            settings: JSON.stringify(settings),
            isDefault: id === setup.defaultPrinterId ? 1 : 0,
            updatedAt,
          });
        });
        setAutoPrint.run({ autoPrint: setup.autoPrint ? 1 : 0, updatedAt });
      }).immediate();
    },
    find(id: string): Printer | null {
      const row = byId.get(id);
      return row ? printerOf(row) : null;
    },
    defaultPrinter(): Printer | null {
      const row = byDefault.get();
      return row ? printerOf(row) : null;
    },
  };
}

export type PrinterStore = ReturnType<typeof createPrinterStore>;
