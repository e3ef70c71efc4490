import { systemActor } from '../../shared/user';
import type { Logger } from '../log';
import type { Journal } from './journal';
import type { Receipting } from './receipting';

/**
 * At start, before any modem opens: sales a stop interrupted get their outcome (never retried),
 * and every outcome without a receipt gets one (interrupted, or reached before the shop had a
 * profile). After a clean stop every sale has its receipt: nothing to recover, no sale to read.
 */
export function recoverInterruptedSales(deps: {
  journal: Journal;
  receipting: Receipting;
  log: Logger;
}): void {
  if (!deps.journal.needsRecovery()) return;
  for (const sale of deps.journal.recoverInterrupted(systemActor)) {
    deps.log.warn(`Sale ${sale.id} was interrupted by a stop and is now ${sale.status}`);
  }
  for (const sale of deps.journal.withoutReceipt()) deps.receipting.issue(sale);
}
