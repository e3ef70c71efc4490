/**
 * What the SIM holds, decoded and grouped into messages, without changing anything on it:
 * the answer of `comptoir sms list --json`. Stored outgoing messages and status reports are
 * not received messages and are left out.
 */

import type { AtChannel } from '../channel';
import { type InboxMessage, rawMessage } from './message';
import { createReassembler } from './reassembly';
import type { ReadPdu } from './received';
import { listStored } from './sim-storage';

/** Groups a listing's PDUs into messages, incomplete ones included, ordered by SIM index. */
export function groupStored(reads: readonly ReadPdu[], receivedAt: number): InboxMessage[] {
  const reassembler = createReassembler({ incompleteAfterMs: Number.POSITIVE_INFINITY });
  const messages: InboxMessage[] = [];
  const duplicates: Array<{ of: string; indexes: number[] }> = [];
  for (const read of reads) {
    if (read.kind === 'undecodable')
      messages.push(rawMessage(read, { at: receivedAt, via: 'list' }));
    if (read.kind !== 'part') continue;
    for (const release of reassembler.add(read, { at: receivedAt, via: 'list' })) {
      if (release.type === 'message') messages.push(release.message);
      else duplicates.push(release);
    }
  }
  for (const release of reassembler.expire(Number.POSITIVE_INFINITY)) {
    if (release.type === 'message') messages.push(release.message);
  }
  for (const duplicate of duplicates) {
    const original = messages.find((message) => message.key === duplicate.of);
    original?.indexes.push(...duplicate.indexes);
  }
  for (const message of messages) message.indexes.sort((a, b) => a - b);
  return messages.sort((a, b) => firstIndex(a) - firstIndex(b));
}

export async function listSimMessages(
  channel: AtChannel,
  now: () => Date = () => new Date(),
): Promise<InboxMessage[]> {
  const listing = await listStored(channel);
  return groupStored(listing.messages, now().getTime());
}

function firstIndex(message: InboxMessage): number {
  return message.indexes[0] ?? Number.POSITIVE_INFINITY;
}
