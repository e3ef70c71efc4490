/**
 * A balance check at the counter: the carrier's query SMS ("CXLL 687123456" to 4012) sent
 * through an idle modem of the card's carrier, its reply awaited, read and kept with the card.
 */
import { type CountryCode, getCountryCallingCode } from 'libphonenumber-js';
import type { BalanceReadingView } from '../../shared/balance';
import type { BankModem, ModemBank } from '../bank/modem-bank';
import { parseBalanceReply, renderBalanceQuery } from '../carriers';
import { isHilinkModem } from '../gsm/hilink/modem';
import { querySms, SmsQueryTimeoutError, SmsSendError } from '../gsm/sms';
import type { Card } from './card-carrier';
import type { BalanceCheckStore } from './check-store';
import { BalanceError } from './errors';
import type { ReplyDesk } from './reply-desk';

interface BalanceCheckDeps {
  bank: Pick<ModemBank, 'acquire'>;
  desk: ReplyDesk;
  store: BalanceCheckStore;
  /** The shop's IANA time zone, in which the carrier writes its dates; null before set-up. */
  timeZone(): string | null;
  now: () => Date;
  /** How long a check waits for a modem of the carrier to come free. */
  modemWaitMs?: number;
}

/** A HiLink stick sends the text itself; a serial modem through its AT channel. */
const smsLineOf = (modem: BankModem) => (isHilinkModem(modem) ? modem.sms : modem.channel);

export function createBalanceChecks(deps: BalanceCheckDeps) {
  return {
    /**
     * Asks the card's carrier what is left on it and keeps the answer. Resolves with a check
     * that read a balance; throws BalanceError otherwise (the reply, if any, is kept too).
     * The modem stays lent for the whole wait: its replies then answer only this query.
     */
    async check(card: Card, clerkId: number): Promise<BalanceReadingView> {
      const { profile, customer } = card;
      const timeZone = deps.timeZone();
      if (timeZone === null) {
        throw new BalanceError('no_shop', 'Set the shop profile up first (its time zone)');
      }
      const question = renderBalanceQuery(profile, customer.e164);
      const lease = await deps.bank.acquire(profile.id, deps.modemWaitMs ?? 10_000);
      if (!lease) throw new BalanceError('no_modem', `No modem of ${profile.name} is free`);
      const asked = {
        msisdn: customer.e164,
        carrierId: profile.id,
        modemId: lease.id,
        askedAt: deps.now().toISOString(),
      };
      const waiting = deps.desk.ask(lease.id, {
        to: question.to,
        customer: customer.e164,
        profile,
      });
      let text: string;
      let truncated: boolean;
      try {
        ({ text, truncated } = await querySms(smsLineOf(lease.modem), waiting, {
          to: question.to,
          text: question.text,
          timeoutMs: profile.balanceQuery.timeoutMs,
          now: deps.now,
          countryCode: getCountryCallingCode(profile.numberRegion as CountryCode),
        }));
      } catch (error) {
        if (error instanceof SmsQueryTimeoutError) {
          waiting.timedOut();
          deps.store.add({
            ...asked,
            clerkId,
            outcome: 'timeout',
            remainingMb: null,
            validUntil: null,
            text: null,
            receivedAt: null,
          });
          throw new BalanceError('carrier_timeout', `${profile.name} did not answer in time`);
        }
        if (error instanceof SmsSendError) {
          throw new BalanceError(
            'no_modem',
            `${lease.id} could not send the query: ${error.message}`,
          );
        }
        throw error;
      } finally {
        waiting.close();
        lease.release();
      }
      const receivedAt = deps.now().toISOString();
      // A reply cut short may still look like a balance ("3,2 Go" cut to "3"): never read one.
      const reading = truncated
        ? ({
            ok: false,
            error: { code: 'unrecognised_reply', message: `The reply came cut short: ${text}` },
          } as const)
        : parseBalanceReply(profile, text, timeZone);
      if (!reading.ok) {
        deps.store.add({
          ...asked,
          clerkId,
          outcome: reading.error.code,
          remainingMb: null,
          validUntil: null,
          text,
          receivedAt,
        });
        throw new BalanceError('carrier_reply', reading.error.message, {
          reason: reading.error.code,
          text,
        });
      }
      const reply = { ...reading.value, text, receivedAt };
      const { id } = deps.store.add({ ...asked, clerkId, outcome: 'ok', ...reply });
      return { id, ...asked, outcome: 'ok', ...reply };
    },
  };
}

export type BalanceChecks = ReturnType<typeof createBalanceChecks>;
