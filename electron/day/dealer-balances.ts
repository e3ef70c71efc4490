import type { CarrierProfile } from '../../shared/carrier';
import type { ModemBank } from '../bank/modem-bank';
import { parseDealerBalance, topUpAnswerSubject } from '../carriers';
import { runUssdDialogue } from '../gsm/ussd';

type DealerBalanceReading =
  | { modemId: string; carrierId: string; ok: true; amount: number; text: string }
  | { modemId: string; carrierId: string; ok: false; problem: string };

/**
 * Asks the carrier for each dealer SIM's balance, on the SIM's own modem, one modem at a time
 * per modem and all modems in parallel. A modem busy, offline or not answering gives a problem
 * (the manager then enters the balance by hand), never an exception.
 */
export async function readDealerBalances(
  bank: ModemBank,
  carrierOf: (carrierId: string) => CarrierProfile | null,
  modemIds: readonly string[],
): Promise<DealerBalanceReading[]> {
  const statuses = bank.statuses();
  return Promise.all(
    modemIds.map(async (modemId): Promise<DealerBalanceReading> => {
      const carrierId = statuses.find((status) => status.id === modemId)?.carrierId ?? '';
      const fail = (problem: string) => ({ modemId, carrierId, ok: false as const, problem });
      const carrier = carrierOf(carrierId);
      if (!carrier) return fail(`modem ${modemId} has no known carrier`);
      const lease = bank.acquireModem(modemId);
      if (!lease) return fail(`modem ${modemId} is not free (busy, starting or offline)`);
      try {
        const { dealerBalance } = carrier;
        const answer = await runUssdDialogue(
          lease.ussd,
          dealerBalance.ussd,
          [],
          dealerBalance.timeoutMs,
          // A top-up's answer come late (it names its card) is not the balance: it goes to its sale.
          { accepts: (candidate) => topUpAnswerSubject(carrier, candidate.text) === null },
        );
        if (answer.status !== 'done' && answer.status !== 'ended' && answer.status !== 'menu') {
          return fail(`the carrier did not answer (${answer.status})`);
        }
        if (answer.status === 'menu') await lease.ussd.cancel();
        const parsed = parseDealerBalance(carrier, answer.text);
        if (!parsed.ok) return fail(parsed.error.message);
        return { modemId, carrierId, ok: true, amount: parsed.value, text: answer.text };
      } catch (error) {
        return fail((error as Error).message);
      } finally {
        lease.release();
      }
    }),
  );
}

/** A dealer SIM's balance for the books: typed by hand, read by USSD, or a problem to type it. */
interface DealerBalance {
  modemId: string;
  carrierId: string;
  reading: { amount: number; source: 'ussd' | 'manual'; text: string | null } | null;
  problem: string | null;
}

/**
 * Every modem's dealer balance: the ones typed by hand as given, the others asked of the
 * carrier (a modem the carrier could not be asked for has a problem instead of a reading).
 */
export async function dealerBalancesOfBank(
  bank: ModemBank,
  carrierOf: (carrierId: string) => CarrierProfile | null,
  typed: readonly { modemId: string; amount: number }[] = [],
): Promise<DealerBalance[]> {
  const byHand = new Map(typed.map((balance) => [balance.modemId, balance.amount]));
  const modems = bank.statuses();
  const asked = await readDealerBalances(
    bank,
    carrierOf,
    modems.map((modem) => modem.id).filter((id) => !byHand.has(id)),
  );
  return modems.map(({ id: modemId, carrierId }) => {
    const amount = byHand.get(modemId);
    if (amount !== undefined) {
      return {
        modemId,
        carrierId,
        reading: { amount, source: 'manual', text: null },
        problem: null,
      };
    }
    const read = asked.find((reading) => reading.modemId === modemId);
    if (read?.ok) {
      return {
        modemId,
        carrierId,
        reading: { amount: read.amount, source: 'ussd', text: read.text },
        problem: null,
      };
    }
    return { modemId, carrierId, reading: null, problem: read?.problem ?? 'not asked' };
  });
}
