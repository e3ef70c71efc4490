/**
 * SMS over a HiLink stick's web API: send (`/api/sms/send-sms`), list the inbox
 * (`/api/sms/sms-list`), delete (`/api/sms/delete-sms`). The stick has decoded and joined the
 * parts already: a message comes as its sender, date and whole text.
 */
import { createHash } from 'node:crypto';
import { type InboxMessage, SmsSendError } from '../sms';
import type { HilinkClient } from './client';
import { HilinkError } from './errors';
import { childText, type XmlElement } from './xml';

/** One message of the stick's inbox, as `sms-list` gives it. */
export interface HilinkStoredSms {
  index: number;
  phone: string;
  content: string;
  /** The stick's local time, `2026-12-06 19:00:00`. */
  date: string;
}

/** The messages of an `sms-list` answer, those without a readable index left out. */
export function storedSmsOf(response: XmlElement): HilinkStoredSms[] {
  const messages = response.children.find((child) => child.name === 'Messages');
  return (messages?.children ?? [])
    .filter((child) => child.name === 'Message')
    .flatMap((message) => {
      const index = Number.parseInt(childText(message, 'Index') ?? '', 10);
      if (!Number.isInteger(index)) return [];
      return [
        {
          index,
          phone: childText(message, 'Phone') ?? '',
          content: message.children.find((child) => child.name === 'Content')?.text ?? '',
          date: childText(message, 'Date') ?? '',
        },
      ];
    });
}

/** The message as the bank's inbox hands messages over (a HiLink message is always whole). */
export function inboxMessageOf(
  stored: HilinkStoredSms,
  arrived: { at: Date; via: 'startup' | 'sweep' },
): InboxMessage {
  const fingerprint = createHash('sha256')
    .update([stored.phone, stored.date, stored.content].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
  return {
    key: `hilink-${fingerprint}`,
    supersedes: null,
    indexes: [stored.index],
    sender: stored.phone === '' ? null : stored.phone,
    timestamp: stored.date === '' ? null : stored.date.replace(' ', 'T'),
    text: stored.content,
    encoding: null,
    complete: true,
    parts: 1,
    total: 1,
    missing: [],
    smsc: null,
    receivedAt: arrived.at.toISOString(),
    via: arrived.via,
    error: null,
    pdu: null,
    warnings: [],
    truncated: false,
  };
}

/** Pages of this many messages are read until one comes back short. */
const PAGE_SIZE = 20;

export interface HilinkSms {
  /** Sends a text; rejects with the stick's refusal (HilinkError) or a failed exchange. */
  sendText(to: string, text: string): Promise<void>;
  /** The stick's inbox, oldest first. */
  list(): Promise<HilinkStoredSms[]>;
  remove(index: number): Promise<void>;
}

export function createHilinkSms(
  client: HilinkClient,
  now: () => Date = () => new Date(),
): HilinkSms {
  return {
    async sendText(to, text) {
      const date = now();
      const pad = (n: number) => String(n).padStart(2, '0');
      const stamp = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
      await client
        .post('/api/sms/send-sms', {
          Index: -1,
          Phones: { Phone: to },
          Sca: '',
          Content: text,
          Length: text.length,
          Reserved: 1,
          Date: stamp,
        })
        .catch((error: unknown) => {
          const id = error instanceof HilinkError ? `hilink_${error.code}` : 'link_closed';
          throw new SmsSendError(id, 1, 1, [], error);
        });
    },
    async list() {
      const all: HilinkStoredSms[] = [];
      for (let page = 1; ; page++) {
        const response = await client.post('/api/sms/sms-list', {
          PageIndex: page,
          ReadCount: PAGE_SIZE,
          BoxType: 1,
          SortType: 0,
          Ascending: 1,
          UnreadPreferred: 0,
        });
        const messages = storedSmsOf(response);
        all.push(...messages);
        if (messages.length < PAGE_SIZE) break;
      }
      return all.sort((a, b) => a.index - b.index);
    },
    async remove(index) {
      await client.post('/api/sms/delete-sms', { Index: index });
    },
  };
}
