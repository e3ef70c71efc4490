import { createHilinkInbox } from '../gsm/hilink/inbox';
import { isHilinkModem } from '../gsm/hilink/modem';
import { createSmsInbox, type InboxMessage, type SmsInbox, type SmsStore } from '../gsm/sms';
import type { Logger } from '../log';
import type { BankModem } from './modem-bank';

interface SmsInboxesOptions {
  /** Where a modem's messages are kept; the SIM copy is deleted only once this has it. */
  storeFor(modemId: string): SmsStore;
  /** How long the parts of a message may wait for the others before it is kept incomplete. */
  incompleteAfterMs?: number;
  sweepEveryMs?: number;
  /** How often a HiLink stick's inbox is read (it announces nothing; default 2 s). */
  hilinkPollMs?: number;
  now?: () => Date;
  log: Logger;
}

/** What the bank needs of an inbox, whichever kind of modem it reads. */
type ModemInbox = Pick<SmsInbox, 'stop' | 'onMessage' | 'onProblem' | 'settled'> & {
  start(): Promise<unknown>;
};

type SmsListener = (modemId: string, message: InboxMessage) => void;

/**
 * The SMS inbox of every modem of the bank, started as each modem opens (`open` is the bank's
 * `onOpened`), so nothing a carrier sends is missed or left on a SIM that fills up. Listeners
 * hear every message of every modem, named by modem.
 */
export function createSmsInboxes(options: SmsInboxesOptions) {
  const inboxes = new Map<string, ModemInbox>();
  const listeners = new Set<SmsListener>();

  return {
    /**
     * Starts the inbox of a modem just opened. A modem whose SIM refuses SMS still tops cards up
     * by USSD: the refusal is logged, never thrown.
     */
    async open(modemId: string, modem: BankModem): Promise<void> {
      inboxes.get(modemId)?.stop();
      const inbox: ModemInbox = isHilinkModem(modem)
        ? createHilinkInbox(modem.sms, {
            store: options.storeFor(modemId),
            ...(options.hilinkPollMs === undefined ? {} : { pollMs: options.hilinkPollMs }),
            ...(options.now ? { now: options.now } : {}),
          })
        : createSmsInbox(modem.channel, {
            store: options.storeFor(modemId),
            incompleteAfterMs: options.incompleteAfterMs ?? 60_000,
            ...(options.sweepEveryMs === undefined ? {} : { sweepEveryMs: options.sweepEveryMs }),
            ...(options.now ? { now: options.now } : {}),
          });
      // A stick that stopped answering is read again only once reopened (with a new inbox).
      if (isHilinkModem(modem)) modem.onClosed(() => inbox.stop());
      inbox.onMessage((message) => {
        for (const listener of listeners) {
          // The message is kept whatever a listener does; its failure is logged, not lost.
          try {
            listener(modemId, message);
          } catch (error) {
            options.log.error(`SMS ${message.key} of ${modemId}: a listener failed`, error);
          }
        }
      });
      inbox.onProblem((problem) => options.log.warn(`SMS inbox of ${modemId}: ${problem.message}`));
      inboxes.set(modemId, inbox);
      try {
        await inbox.start();
      } catch (error) {
        options.log.warn(`SMS inbox of ${modemId} did not start: ${(error as Error).message}`);
      }
    },
    onSms(listener: SmsListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Stops every inbox once the work it started (saving, deleting) is done. */
    async close(): Promise<void> {
      for (const inbox of inboxes.values()) inbox.stop();
      await Promise.all([...inboxes.values()].map((inbox) => inbox.settled()));
    },
  };
}

export type SmsInboxes = ReturnType<typeof createSmsInboxes>;
