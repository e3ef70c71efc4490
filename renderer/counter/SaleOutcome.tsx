import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ReceiptPanel } from '../components/ReceiptPanel';
import { SaleCauseText } from '../components/SaleCauseText';
import { useFormat } from '../format';
import type { SettledSale } from './sale-flow';

/**
 * How the sale ended, said plainly, with what the clerk does next, and its receipt to print. A
 * pending (unknown) sale is the one that matters most: it must not be sold again.
 */
export function SaleOutcome({ sale, onNewSale }: { sale: SettledSale; onNewSale(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const newSale = useRef<HTMLButtonElement>(null);
  const change = sale.payment.change;

  useEffect(() => newSale.current?.focus(), []);

  return (
    <section className={`outcome outcome--${sale.status}`} aria-labelledby="outcome-title">
      <div role="status">
        <h2 id="outcome-title">{t(`counter.outcome.${sale.status}`)}</h2>
      </div>
      {sale.cause && <SaleCauseText cause={sale.cause} />}
      {sale.status === 'succeeded' && (
        <p>{t('counter.outcome.reference', { reference: sale.carrierReference ?? '—' })}</p>
      )}
      {sale.status === 'failed' && (
        <p>{t('counter.outcome.refund', { amount: format.money(sale.price) })}</p>
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
      {change !== null && change.amount > 0 && (
        <p className="outcome__change">
          {t('counter.changeDue', { amount: format.money(change) })}
        </p>
      )}
      <div className="settings__actions">
        <button ref={newSale} type="button" onClick={onNewSale}>
          {t('counter.newSale')}
        </button>
      </div>
      {sale.receiptNumber === null ? (
        <p className="notice">{t('counter.outcome.noReceipt')}</p>
      ) : (
        <ReceiptPanel number={sale.receiptNumber} />
      )}
    </section>
  );
}
