import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { modemTimelineEventSchema } from '../../shared/api/contract/modems';

type ModemTimelineEvent = z.output<typeof modemTimelineEventSchema>;

export interface ModemTimelineEntry {
  at: string;
  event: ModemTimelineEvent;
  detail: string | null;
}

/** How many entries a modem's timeline keeps: a busy day of trouble, not a year of it. */
export const TIMELINE_LENGTH = 300;

/** The longest detail kept: a modem's message or a step's reason, never a whole transcript. */
const DETAIL_LENGTH = 1000;

interface EntryRow {
  at: string;
  event: string;
  detail: string | null;
}

/** Each modem's recent history, newest last, bounded per modem. */
export function createModemTimelineStore(db: Database, now: () => Date) {
  const insert = db.prepare(
    'INSERT INTO modem_timeline (modem_id, at, event, detail) VALUES (?, ?, ?, ?)',
  );
  // Everything older than the modem's last TIMELINE_LENGTH entries.
  const trim = db.prepare(`DELETE FROM modem_timeline WHERE modem_id = @modemId AND id <= (
      SELECT id FROM modem_timeline WHERE modem_id = @modemId
      ORDER BY id DESC LIMIT 1 OFFSET @keep)`);
  const recent = db.prepare<[string, number], EntryRow>(`SELECT at, event, detail FROM (
      SELECT id, at, event, detail FROM modem_timeline WHERE modem_id = ?
      ORDER BY id DESC LIMIT ?) ORDER BY id`);
  const add = db.transaction((modemId: string, event: string, detail: string | null) => {
    insert.run(modemId, now().toISOString(), event, detail?.slice(0, DETAIL_LENGTH) ?? null);
    trim.run({ modemId, keep: TIMELINE_LENGTH });
  });
  return {
    add(modemId: string, event: ModemTimelineEvent, detail: string | null) {
      add(modemId, event, detail);
    },
    /** Oldest first; an event this version does not know (written by a newer one) is left out. */
    list(modemId: string): ModemTimelineEntry[] {
      return recent.all(modemId, TIMELINE_LENGTH).flatMap((row) => {
        const event = modemTimelineEventSchema.safeParse(row.event);
        return event.success ? [{ at: row.at, event: event.data, detail: row.detail }] : [];
      });
    },
  };
}

export type ModemTimelineStore = ReturnType<typeof createModemTimelineStore>;
