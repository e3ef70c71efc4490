import type { TFunction } from 'i18next';
import { type SaleCause, saleCauseReasonLines } from '../../shared/sale-cause';

/**
 * Why a sale failed or is pending, as a report says it: the cause, then what the carrier said (or
 * the manager wrote) as it is.
 */
export function saleCauseReason(t: TFunction, cause: SaleCause): string[] {
  return saleCauseReasonLines(cause).map((line) => t(line.key, line.values));
}

/**
 * What the clerk reads for why a sale failed or is pending, line by line: the reason
 * (saleCauseReason), when a modem should be free for a busy bank, then what to do.
 */
export function saleCauseLines(t: TFunction, cause: SaleCause): string[] {
  const { code, retryAfterSeconds } = cause;
  return [
    ...saleCauseReason(t, cause),
    ...(code === 'no_modem_free' && retryAfterSeconds !== null && retryAfterSeconds > 0
      ? [t('saleCause.modemFreeIn', { seconds: retryAfterSeconds })]
      : []),
    t(`saleCause.todo.${code}`),
  ];
}
