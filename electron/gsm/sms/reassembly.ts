/**
 * Puts parts back together, with no modem and no clock of its own (the caller passes the time).
 *
 * Parts belong together when they share sender, reference (and its size) and total: never the
 * SMSC, since one message's parts can come through different centres (field note 14). Parts
 * may come in any order. A part already held (same number, text and timestamp) is a duplicate:
 * its SIM index joins the original's so both copies are deleted, and the text is not repeated.
 * A part with the number of one already held but another text is a new message that happens
 * to reuse the reference (carriers that always send ref 0): it opens a group of its own.
 *
 * A group that stays incomplete for `incompleteAfterMs` is released as incomplete, never
 * dropped. Released groups are remembered as long again, so that a late duplicate is known for
 * what it is and a late missing part completes the message (released again, superseding it).
 */

import { type Arrived, type HeldPart, type InboxMessage, messageFromParts } from './message';
import type { ReceivedPart } from './received';

export type Release =
  /** A message to hand over: complete, or incomplete after waiting. */
  | { type: 'message'; message: InboxMessage }
  /** SIM copies of a part of a message already handed over (key `of`). */
  | { type: 'duplicate'; of: string; indexes: number[] };

interface GroupPart extends HeldPart {
  /** Every SIM index that held a copy of this part. */
  indexes: number[];
  /** Those not handed over yet (in a released message or as a duplicate). */
  fresh: number[];
}

interface Group {
  key: string;
  total: number;
  parts: Map<number, GroupPart>;
  /** Holds parts not handed over yet, waiting since this time. */
  waitingSince: number | null;
  released: { key: string; complete: boolean; at: number } | null;
}

interface Reassembler {
  add(part: ReceivedPart, arrived: Arrived): Release[];
  /** Releases the groups that waited long enough (all of them with `at` = Infinity). */
  expire(at: number): Release[];
  /** Groups still holding parts not handed over. */
  waiting(): number;
}

export function createReassembler(options: { incompleteAfterMs: number }): Reassembler {
  const patience = options.incompleteAfterMs;
  const groups: Group[] = [];

  function release(group: Group, at: number): Release {
    const indexes = [...group.parts.values()].flatMap((part) => part.fresh.splice(0));
    const message = messageFromParts([...group.parts.values()], {
      total: group.total,
      indexes,
      supersedes: group.released?.key ?? null,
    });
    group.released = { key: message.key, complete: message.complete, at };
    group.waitingSince = null;
    return { type: 'message', message };
  }

  function add(part: ReceivedPart, arrived: Arrived): Release[] {
    const { at } = arrived;
    const number = part.concat?.part ?? 1;
    const key = groupKey(part);
    const candidates = groups.filter((group) => group.key === key);

    const original = candidates.find((group) => {
      const held = group.parts.get(number)?.data;
      return held?.text === part.text && held.timestamp === part.timestamp;
    });
    if (original) {
      const held = original.parts.get(number);
      const index = part.index;
      if (index === null || !held || held.fresh.includes(index)) return [];
      const seen = held.indexes.includes(index);
      if (!seen) held.indexes.push(index);
      // The part was handed over already, or its index was freed and reused by this copy:
      // the copy goes at once.
      if (original.released && (seen || original.waitingSince === null)) {
        return [{ type: 'duplicate', of: original.released.key, indexes: [index] }];
      }
      held.fresh.push(index);
      return [];
    }

    let group = candidates.find(
      (candidate) => !candidate.parts.has(number) && !candidate.released?.complete,
    );
    if (!group) {
      group = {
        key,
        total: part.concat?.total ?? 1,
        parts: new Map(),
        waitingSince: null,
        released: null,
      };
      groups.push(group);
    }
    const indexes = part.index === null ? [] : [part.index];
    group.parts.set(number, { data: part, arrived, indexes, fresh: [...indexes] });
    group.waitingSince ??= at;
    return group.parts.size === group.total ? [release(group, at)] : [];
  }

  function expire(at: number): Release[] {
    const released: Release[] = [];
    for (const group of groups) {
      if (group.waitingSince !== null && at - group.waitingSince >= patience) {
        released.push(release(group, at));
      }
    }
    // Forget groups handed over long enough ago, unless new parts wait in them.
    for (let i = groups.length - 1; i >= 0; i--) {
      const group = groups[i];
      if (group?.waitingSince === null && group.released && at - group.released.at >= patience) {
        groups.splice(i, 1);
      }
    }
    return released;
  }

  return {
    add,
    expire,
    waiting: () => groups.filter((group) => group.waitingSince !== null).length,
  };
}

/** Sender, reference size, reference and total: what makes parts one message. */
function groupKey(part: ReceivedPart): string {
  const concat = part.concat;
  return concat
    ? `${part.sender}\u0000${concat.bits}:${concat.ref}/${concat.total}`
    : `${part.sender}\u0000single`;
}
