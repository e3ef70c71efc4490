import type { Language } from '../../shared/languages';
import { type SaleCause, saleCauseReasonLines } from '../../shared/sale-cause';
import { systemActor } from '../../shared/user';
import { causeOfMove } from '../sales/sale-causes';
import type { Translate } from './layout';

/**
 * Why a refunded sale failed, as a day report prints it in the report's language: the cause,
 * then the carrier's (or the manager's) own words. A Z report closed before causes were
 * recorded has only the journal's reason, read as the sales read it.
 */
export function refundCauseLines(
  refund: { reason: string; cause?: SaleCause | undefined },
  t: Translate,
  language: Language,
): string[] {
  const cause =
    refund.cause ?? causeOfMove({ reason: refund.reason, actor: systemActor }, 'failed');
  return saleCauseReasonLines(cause).map((line) =>
    t(line.key, { ...line.values, lng: language, interpolation: { escapeValue: false } }),
  );
}
