/**
 * SMS between the modem and the network. Incoming: each part of a message is stored on the SIM
 * and announced by `+CMTI: "SM",<index>`, or shown at once as `+CMT:` when AT+CNMI asks for
 * it (field notes, point 17). Outgoing: the parts of a concatenated SMS-SUBMIT are put back
 * together before the network reads the text.
 */
import { type EncodedPart, encodeDeliver, type SmsSubmit } from '../codecs';
import type { CarrierBehaviour } from './carrier';
import { networkTimestamp } from './carrier-format';
import type { ModemSettings } from './commands/context';
import type { MessageStore } from './message-store';

export interface IncomingSmsOptions {
  /** ISO 8601 with an offset in quarter hours; default: now, in the network's zone. */
  timestamp?: string;
  /** Concatenation reference of a multipart message; default derived from the text. */
  concatRef?: number;
  concatRefBits?: 8 | 16;
}

interface SmsDeliveryDeps {
  messages: MessageStore;
  /** Octets the last part of each message loses (profile fault `cutSmsOctets`). */
  cutOctets: number;
  settings: ModemSettings;
  carrier: CarrierBehaviour;
  now(): Date;
  urc(lines: string[]): void;
}

export function createSmsDelivery(deps: SmsDeliveryDeps) {
  /** Parts the full SIM could not take; the network offers them again once there is room. */
  const waiting: EncodedPart[] = [];
  const outgoing = new Map<string, Map<number, string>>();

  function deliverPart(part: EncodedPart): number | null {
    const [mode, mt] = deps.settings.cnmi;
    const announced = mode !== 0;
    if (announced && mt === 2) {
      deps.urc([`+CMT: ,${part.length}`, part.hex]);
      return null;
    }
    const index = deps.messages.store(part.hex, part.length);
    if (index === null) {
      waiting.push(part);
      return null;
    }
    if (announced && (mt === 1 || mt === 3)) deps.urc([`+CMTI: "SM",${index}`]);
    return index;
  }

  return {
    /** Delivers a message from the network; returns the SIM indexes its parts were stored at. */
    deliver(from: string, text: string, options: IncomingSmsOptions = {}): number[] {
      const parts = encodeDeliver({
        from,
        text,
        timestamp: options.timestamp ?? networkTimestamp(deps.now(), deps.carrier.utcOffsetMinutes),
        smsc: deps.carrier.smsc,
        ...(options.concatRef === undefined ? {} : { concatRef: options.concatRef }),
        ...(options.concatRefBits === undefined ? {} : { concatRefBits: options.concatRefBits }),
      });
      return parts
        .map((part, i) => (i === parts.length - 1 ? cut(part, deps.cutOctets) : part))
        .map(deliverPart)
        .filter((index): index is number => index !== null);
    },

    /** Offers the waiting parts again (after messages were deleted). */
    retryWaiting(): void {
      while (waiting.length > 0 && deps.messages.used < deps.messages.capacity) {
        const part = waiting.shift();
        if (part) deliverPart(part);
      }
    },

    /** The whole text once every part of `submit` has been sent, else null. */
    reassemble(submit: SmsSubmit): string | null {
      if (!submit.concat) return submit.text;
      const { ref, part, total } = submit.concat;
      const key = `${submit.recipient}|${ref}|${total}`;
      const parts = outgoing.get(key) ?? new Map<number, string>();
      parts.set(part, submit.text);
      outgoing.set(key, parts);
      if (parts.size < total) return null;
      outgoing.delete(key);
      return Array.from({ length: total }, (_, i) => parts.get(i + 1) ?? '').join('');
    },
  };
}

/** The part as a modem that lost its last octets prints it: the length it announces unchanged. */
function cut(part: EncodedPart, octets: number): EncodedPart {
  return octets === 0 ? part : { ...part, hex: part.hex.slice(0, -2 * octets) };
}
