import type { TFunction } from 'i18next';
import type { SaleCause } from '../../shared/sale-cause';

/**
 * What the clerk reads for why a sale failed or is pending, line by line: the cause, what the
 * carrier said (or the manager wrote) as it is, when a modem should be free for a busy bank, then
 * what to do.
 */
export function saleCauseLines(t: TFunction, cause: SaleCause): string[] {
  const { code, carrierText, retryAfterSeconds } = cause;
  const said = code === 'settled_by_hand' ? 'saleCause.managerSaid' : 'saleCause.carrierSaid';
  return [
    t(`saleCause.why.${code}`),
    ...(carrierText === null ? [] : [t(said, { text: carrierText })]),
    ...(code === 'no_modem_free' && retryAfterSeconds !== null && retryAfterSeconds > 0
      ? [t('saleCause.modemFreeIn', { seconds: retryAfterSeconds })]
      : []),
    t(`saleCause.todo.${code}`),
  ];
}
