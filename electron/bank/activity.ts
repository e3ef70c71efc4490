import type { Database } from 'better-sqlite3';
import type { ProcedureOutput } from '../../shared/api/contract';
import { localDay } from '../../shared/local-time';
import type { SaleFact } from '../day/report';
import { saleFactReader } from '../day/shifts';
import type { ShopProfileStore } from '../store/shop-profile';

export type ModemActivity = ProcedureOutput<'modems.getActivity'>['modems'][number];

/**
 * Each modem's top-ups done, failed and left unknown among `sales`: the bank's modems first, in
 * the bank's order (zeros when nothing went through them), then any other modem a sale went
 * through (taken out of the bank since). A sale still being sent is not counted yet.
 */
export function modemActivity(
  sales: readonly Pick<SaleFact, 'modemId' | 'status'>[],
  bankModems: readonly string[],
): ModemActivity[] {
  const byModem = new Map<string, ModemActivity>();
  const of = (modemId: string) => {
    let activity = byModem.get(modemId);
    if (activity === undefined) {
      activity = { modemId, topUps: 0, failures: 0, unknown: 0 };
      byModem.set(modemId, activity);
    }
    return activity;
  };
  for (const modemId of bankModems) of(modemId);
  for (const sale of sales) {
    // A sale refused before a modem was lent to it says nothing of any modem.
    if (sale.modemId === null) continue;
    if (sale.status === 'succeeded') of(sale.modemId).topUps += 1;
    else if (sale.status === 'failed') of(sale.modemId).failures += 1;
    else if (sale.status === 'unknown') of(sale.modemId).unknown += 1;
  }
  return [...byModem.values()];
}

/**
 * The sales of the shop's current day (midnight to midnight in its zone), read as the day report
 * reads them.
 */
export function salesOfToday(deps: {
  db: Database;
  shop: Pick<ShopProfileStore, 'get'>;
  now: () => Date;
}): () => SaleFact[] {
  const read = saleFactReader(deps.db);
  return () => {
    const profile = deps.shop.get();
    // Nothing is sold before the shop has its profile (its currency).
    if (!profile) return [];
    const day = localDay(deps.now(), profile.timeZone);
    // The reader's window is (from, to]: a millisecond earlier on both ends makes it [from, to).
    const before = (instant: Date) => new Date(instant.getTime() - 1).toISOString();
    // Clerks are not named here: the activity counts sales per modem, not per clerk.
    return read(before(day.from), before(day.to), () => '');
  };
}
