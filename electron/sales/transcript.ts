import type { Sale } from '../../shared/sale';
import { formatActor } from '../../shared/user';
import { readEntries } from '../bank/transcript-text';
import { eventsOfEntries } from '../gsm/replay/entries';
import type { ReplayEvent, ReplayTranscript } from '../gsm/replay/transcript';
import type { SaleEvent } from './journal';

function moveOf(event: SaleEvent): string {
  const move = `${event.from ?? 'new'} -> ${event.to} at ${event.at} by ${formatActor(event.actor)}`;
  return event.reason ? `${move}: ${event.reason}` : move;
}

/**
 * A sale's modem transcript as a replay file (electron/gsm/replay): each move of the sale as a
 * comment, and under the move it justified, what went over the line, as the journal kept it
 * (the dealer PIN was masked by the channel before anything was kept). Evidence that is not a
 * modem transcript (a carrier's confirmation SMS) is kept as comments.
 */
export function saleTranscript(sale: Sale, events: readonly SaleEvent[]): ReplayTranscript {
  const replayed: ReplayEvent[] = [];
  for (const event of events) {
    replayed.push({ kind: 'comment', text: moveOf(event) });
    if (event.transcript === null) continue;
    const entries = readEntries(event.transcript);
    if (entries) replayed.push(...eventsOfEntries(entries));
    else replayed.push({ kind: 'comment', text: event.transcript });
  }
  const reference = sale.carrierReference ? `, reference ${sale.carrierReference}` : '';
  return {
    about: [
      `Sale ${sale.id}: ${sale.planName} (${sale.planId}, ${sale.carrierId}) for ${sale.msisdn}, ${sale.modemId ? `sent through ${sale.modemId}` : 'never sent'}`,
      `source: the renewal journal (sale_events), sale ${sale.id}, created ${sale.createdAt}`,
    ],
    outcome: `${sale.status}${reference}`,
    events: replayed.map((event) => ({ ...event, line: 0 })),
  };
}
