import { useTranslation } from 'react-i18next';
import type { SaleCause } from '../../shared/sale-cause';

/**
 * Why a sale failed or is pending, in the clerk's words: the cause, what the carrier said (or
 * the manager wrote) as it is, for a busy modem bank when a modem should be free, and what to do.
 */
export function SaleCauseText({ cause }: { cause: SaleCause }) {
  const { t } = useTranslation();
  const { code, carrierText, retryAfterSeconds } = cause;
  const said = code === 'settled_by_hand' ? 'saleCause.managerSaid' : 'saleCause.carrierSaid';
  return (
    <div className="sale-cause" data-cause={code}>
      <p className="sale-cause__why">{t(`saleCause.why.${code}`)}</p>
      {carrierText !== null && <p className="sale-cause__said">{t(said, { text: carrierText })}</p>}
      {code === 'no_modem_free' && retryAfterSeconds !== null && retryAfterSeconds > 0 && (
        <p>{t('saleCause.modemFreeIn', { seconds: retryAfterSeconds })}</p>
      )}
      <p className="sale-cause__todo">{t(`saleCause.todo.${code}`)}</p>
    </div>
  );
}
