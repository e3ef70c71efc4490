import type { z } from 'zod';
import type { dealerFloatSchema, modemTimelineEventSchema } from '../../shared/api/contract/modems';
import type { CarrierProfile } from '../../shared/carrier';
import type { CurrencyCode } from '../../shared/currencies';
import { localDay } from '../../shared/local-time';
import type { SaleView } from '../../shared/sale';
import { readDealerBalances } from '../day/dealer-balances';
import type { Clock } from '../gsm/clock';
import type { DealerFloatStore } from '../store/dealer-floats';
import { capLeft, checksDue, crossing, isLow } from './float-watch';
import type { ModemBank } from './modem-bank';

export type DealerFloat = z.output<typeof dealerFloatSchema>;

interface DealerFloatDeps {
  store: DealerFloatStore;
  bank: ModemBank;
  carrierOf(carrierId: string): CarrierProfile | null;
  now(): Date;
  /** The shop's time zone, for "today" of the daily cap (UTC until the shop is set up). */
  timeZone(): string | null;
  /** Every float, whenever one changes or crosses its threshold (`modems.floats`). */
  onChange?(floats: DealerFloat[]): void;
  onTimeline?(
    modemId: string,
    event: z.output<typeof modemTimelineEventSchema>,
    detail: string | null,
  ): void;
  /** A float just went below its threshold (once per crossing): the manager's SMS, if set. */
  onLow?(float: DealerFloat, carrier: CarrierProfile): void;
  log?: { error(message: string, error?: unknown): void };
}

/**
 * The dealer floats watched: each SIM's float as last read (a top-up's reply, a scheduled
 * balance check), its low threshold (an alert once per crossing, on every screen and in the
 * modem's timeline) and its daily cap, and what routing needs to know of them.
 */
export function createDealerFloats(deps: DealerFloatDeps) {
  const { store } = deps;
  const carrierOfModem = (modemId: string) => {
    const status = deps.bank.statuses().find((modem) => modem.id === modemId);
    return status ? deps.carrierOf(status.carrierId) : null;
  };
  const soldToday = (modemId: string) => {
    const { from, to } = localDay(deps.now(), deps.timeZone() ?? 'UTC');
    return store.soldBetween(modemId, from, to);
  };

  function floatOf(modemId: string, currency: CurrencyCode): DealerFloat {
    const stored = store.get(modemId);
    // A SIM moved to a carrier of another currency: its old amounts no longer apply.
    const known = stored?.currency === currency ? stored : null;
    const money = (amount: number | null) => (amount === null ? null : { amount, currency });
    return {
      modemId,
      balance: money(known?.balance ?? null),
      checkedAt: known?.checkedAt ?? null,
      source: known?.source ?? null,
      lowThreshold: money(known?.lowThreshold ?? null),
      dailyCap: money(known?.dailyCap ?? null),
      soldToday: { amount: soldToday(modemId), currency },
      low: isLow(known?.balance ?? null, known?.lowThreshold ?? null),
    };
  }

  function list(): DealerFloat[] {
    return deps.bank.statuses().flatMap((modem) => {
      const carrier = deps.carrierOf(modem.carrierId);
      return carrier ? [floatOf(modem.id, carrier.currency)] : [];
    });
  }

  /** After a new float or threshold: the alert of a new crossing, once, then everyone told. */
  function changed(modemId: string) {
    const carrier = carrierOfModem(modemId);
    const stored = store.get(modemId);
    if (carrier && stored) {
      const float = floatOf(modemId, carrier.currency);
      const step = crossing(float.low, stored.alertedAt);
      if (step === 'alert') {
        store.setAlerted(modemId, deps.now());
        deps.onTimeline?.(
          modemId,
          'float-low',
          `${float.balance?.amount} ${carrier.currency} < ${float.lowThreshold?.amount}`,
        );
        deps.onLow?.(float, carrier);
      } else if (step === 'clear') {
        store.setAlerted(modemId, null);
      }
    }
    deps.onChange?.(list());
  }

  function record(modemId: string, balance: number, source: 'top-up' | 'check') {
    const carrier = carrierOfModem(modemId);
    if (!carrier) return;
    store.record(modemId, {
      carrierId: carrier.id,
      currency: carrier.currency,
      balance,
      source,
      at: deps.now(),
    });
    changed(modemId);
  }

  return {
    list,
    /** What routing weighs for a modem: its float as last known, and what its cap leaves today. */
    routingFacts(modemId: string): { float: number | null; capLeft: number | null } {
      const carrier = carrierOfModem(modemId);
      if (!carrier) return { float: null, capLeft: null };
      const float = floatOf(modemId, carrier.currency);
      return {
        float: float.balance?.amount ?? null,
        capLeft: capLeft(float.dailyCap?.amount ?? null, float.soldToday.amount),
      };
    },
    /** The low threshold and daily cap of a SIM (amounts checked by the caller), then its float. */
    setWatch(modemId: string, lowThreshold: number | null, dailyCap: number | null): DealerFloat {
      const carrier = carrierOfModem(modemId);
      if (!carrier) throw new Error(`No modem ${modemId} in the bank`);
      store.setWatch(modemId, {
        carrierId: carrier.id,
        currency: carrier.currency,
        lowThreshold,
        dailyCap,
      });
      changed(modemId);
      return floatOf(modemId, carrier.currency);
    },
    /**
     * A sale's progress: the float its top-up left (the carrier's reply, parsed by the journal),
     * and what the SIM sold today once the sale has an outcome.
     */
    onSale(sale: SaleView) {
      if (sale.modemId === null) return;
      if (sale.status === 'succeeded' && sale.dealerBalanceAfter !== null) {
        record(sale.modemId, sale.dealerBalanceAfter.amount, 'top-up');
      } else if (sale.status === 'failed' || sale.status === 'unknown') {
        deps.onChange?.(list());
      }
    },
    /**
     * Reads by USSD the float of each SIM whose check is due (see checksDue), on its own modem:
     * a modem busy with a job, or not ready, is not checked now but at a later tick.
     */
    async checkDue(everyMs: number): Promise<void> {
      const sims = deps.bank.statuses().map((modem) => ({
        modemId: modem.id,
        checkedAt: store.get(modem.id)?.checkedAt ?? null,
      }));
      const due = checksDue(sims, deps.now(), everyMs);
      if (due.length === 0) return;
      const readings = await readDealerBalances(deps.bank, deps.carrierOf, due);
      for (const reading of readings) {
        if (reading.ok) record(reading.modemId, reading.amount, 'check');
      }
    },
  };
}

export type DealerFloats = ReturnType<typeof createDealerFloats>;

/**
 * The scheduled balance check of each SIM: every `tickMs` on the clock passed in, the SIMs whose
 * last reading is `everyMs` old are read (one round at a time, never overlapping).
 */
export function scheduleFloatChecks(
  floats: Pick<DealerFloats, 'checkDue'>,
  options: {
    clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
    everyMs: number;
    tickMs: number;
    log?: { error(message: string, error?: unknown): void };
  },
) {
  let stopped = false;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  const next = () => {
    if (stopped) return;
    timer = options.clock.setTimeout(() => {
      running = floats
        .checkDue(options.everyMs)
        .catch((error: unknown) => options.log?.error('A dealer float check failed', error))
        .finally(() => {
          running = null;
          next();
        });
    }, options.tickMs);
  };
  next();
  return {
    /** Stops the schedule; a round under way is waited for. */
    async stop() {
      stopped = true;
      options.clock.clearTimeout(timer);
      await running;
    },
  };
}
