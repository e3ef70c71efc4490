import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ReceiptPanel } from '../components/ReceiptPanel';
import { SaleCauseText } from '../components/SaleCauseText';
import { useFormat } from '../format';
import { refundLine } from './outcome-words';
import type { SettledSale } from './sale-flow';

/**
 * How the sale ended, said plainly, with what the clerk does next, and its receipt to print. A
 * pending (unknown) sale is the one that matters most: it must not be sold again. A sale done is
 * shown under the next customer's form, without taking the focus (`keepsFocus`: New sale only
 * clears it); a failed or pending one takes it on its first action (Try again when nothing was
 * sent, else New sale).
 */
export function SaleOutcome({
  sale,
  receiptKey,
  keepsFocus = false,
  onNewSale,
  onTryAgain,
}: {
  sale: SettledSale;
  /** Changes each time the receipt was printed from the counter, to read its prints again. */
  receiptKey: number;
  /** The focus stays where it is (in the next customer's number). */
  keepsFocus?: boolean;
  onNewSale(): void;
  onTryAgain?(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const firstAction = useRef<HTMLButtonElement>(null);
  const change = sale.payment.change;
  const refund = refundLine(sale);

  useEffect(() => {
    if (!keepsFocus) firstAction.current?.focus();
  }, [keepsFocus]);

  return (
    <section className={`outcome outcome--${sale.status}`} aria-labelledby="outcome-title">
      <div role="status">
        <h2 id="outcome-title">{t(`counter.outcome.${sale.status}`)}</h2>
      </div>
      {sale.cause && <SaleCauseText cause={sale.cause} />}
      {sale.status === 'succeeded' && (
        <p>{t('counter.outcome.reference', { reference: sale.carrierReference ?? '—' })}</p>
      )}
      {refund && (
        <p className="outcome__refund">{t(refund.key, { amount: format.money(refund.amount) })}</p>
      )}
      {refund && onTryAgain && (
        <p>{t('counter.outcome.keepForTryAgain', { tryAgain: t('counter.outcome.tryAgain') })}</p>
      )}
      {sale.status === 'unknown' && (
        <div className="notice">
          <p>{t('counter.outcome.pendingWhy')}</p>
          <ul>
            <li>{t('counter.outcome.pendingDoNotSell')}</li>
            <li>{t('counter.outcome.pendingTellManager')}</li>
            <li>{t('counter.outcome.pendingReceipt')}</li>
          </ul>
        </div>
      )}
      {sale.status !== 'failed' && change !== null && change.amount > 0 && (
        <p className="outcome__change">
          {t('counter.changeDue', { amount: format.money(change) })}
        </p>
      )}
      <div className="settings__actions">
        {onTryAgain && (
          <button ref={firstAction} type="button" onClick={onTryAgain}>
            {t('counter.outcome.tryAgain')}
          </button>
        )}
        <button
          ref={onTryAgain ? undefined : firstAction}
          type="button"
          className={onTryAgain || keepsFocus ? 'button--secondary' : undefined}
          onClick={onNewSale}
        >
          {t('counter.newSale')}
        </button>
      </div>
      {sale.receiptNumber === null ? (
        <p className="notice">{t('counter.outcome.noReceipt')}</p>
      ) : (
        <ReceiptPanel key={receiptKey} number={sale.receiptNumber} />
      )}
    </section>
  );
}
