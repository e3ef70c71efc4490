import { writeTranscript } from '../gsm/replay/write';
import { createJournal, JournalError } from '../sales/journal';
import { saleTranscript } from '../sales/transcript';
import { type Command, UsageError } from './command';
import { openShopDatabaseReadOnly } from './shop-database';

export const salesTranscriptCommand: Command = {
  name: 'sales transcript',
  usage: 'sales transcript --id N [--db PATH]',
  summary:
    "Print a sale's modem transcript (dealer PIN masked) as a replay file, for a technician or a regression test.",
  options: { id: { type: 'string' }, db: { type: 'string' } },
  async run({ values, positionals, output }) {
    if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}"`);
    const id = Number(values.id);
    if (typeof values.id !== 'string' || !/^\d{1,15}$/.test(values.id) || id < 1) {
      throw new UsageError('--id is the number of a sale (1 or more)');
    }
    const { db } = openShopDatabaseReadOnly(values.db);
    try {
      const journal = createJournal(db, () => new Date());
      const sale = journal.get(id);
      const replay = writeTranscript(saleTranscript(sale, journal.events(id)));
      output.result(
        { id: sale.id, status: sale.status, modemId: sale.modemId, replay },
        replay.trimEnd(),
      );
    } catch (error) {
      if (error instanceof JournalError) throw new UsageError(error.message);
      throw error;
    } finally {
      db.close();
    }
  },
};
