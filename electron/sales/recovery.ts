import { systemActor } from '../../shared/user';
import type { Logger } from '../log';
import type { Journal } from './journal';
import type { Receipting } from './receipting';

/**
 * At start, before any modem opens: sales a stop interrupted get their outcome (never retried),
 * and every outcome without a receipt gets one (interrupted, or reached before the shop had a
 * profile), as does a sale settled after `unknown` whose receipt still says pending (its
 * correction failed). After a clean stop every sale has its receipt: nothing to recover, and
 * only the receipts that say pending are read.
 */
export function recoverInterruptedSales(deps: {
  journal: Journal;
  receipting: Receipting;
  log: Logger;
}): void {
  if (deps.journal.needsRecovery()) {
    for (const sale of deps.journal.recoverInterrupted(systemActor)) {
      deps.log.warn(`Sale ${sale.id} was interrupted by a stop and is now ${sale.status}`);
    }
    for (const sale of deps.journal.withoutReceipt()) deps.receipting.issue(sale);
  }
  for (const sale of deps.journal.settledWithPendingReceipt()) {
    deps.log.warn(`Sale ${sale.id} is ${sale.status}: its receipt saying pending is corrected`);
    deps.receipting.issue(sale);
  }
}
