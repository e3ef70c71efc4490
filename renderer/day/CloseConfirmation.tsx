import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../shared/currencies';
import { useFormat } from '../format';

/** What the close is about to write, as the manager checks it before anything is written. */
export interface CloseSummary {
  sales: number;
  net: Money;
  expected: Money;
  counted: Money;
  difference: Money;
  /** Why the count differs, or null when it matches. */
  reason: string | null;
  /** Closing balances typed by hand for the dealer SIMs the carrier could not give. */
  dealerBalances: readonly { modem: string; amount: Money }[];
}

/**
 * The last question before the close: the day's totals, the drawer's difference and its reason.
 * A modal dialog (the browser keeps the focus in it, Escape goes back) whose focus starts on
 * "Back to the count": a stray Enter goes back to the count, only a deliberate choice closes.
 */
export function CloseConfirmation({
  summary,
  busy,
  onConfirm,
  onBack,
}: {
  summary: CloseSummary;
  busy: boolean;
  onConfirm(): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const introId = useId();
  useEffect(() => {
    const shown = dialog.current;
    if (shown && !shown.open) shown.showModal();
    back.current?.focus();
    return () => shown?.close();
  }, []);
  const figures: readonly (readonly [string, string, string])[] = [
    ['sales', t('dayClose.confirm.sales'), String(summary.sales)],
    ['net', t('dayClose.confirm.net'), format.money(summary.net)],
    ['expected', t('dayClose.confirm.expected'), format.money(summary.expected)],
    ['counted', t('dayClose.confirm.counted'), format.money(summary.counted)],
    ['difference', t('dayClose.confirm.difference'), format.signedMoney(summary.difference)],
    ['reason', t('dayClose.confirm.reason'), summary.reason ?? t('dayClose.confirm.noReason')],
    ...summary.dealerBalances.map(
      ({ modem, amount }) =>
        [
          `dealer-${modem}`,
          t('dayClose.confirm.dealerBalance', { modem }),
          format.money(amount),
        ] as const,
    ),
  ];
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog close-confirm"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onBack();
      }}
    >
      <h2 id={titleId}>{t('dayClose.confirm.title')}</h2>
      <p id={introId}>{t('dayClose.confirm.intro')}</p>
      <dl className="close-confirm__figures">
        {figures.map(([key, name, value]) => (
          <div key={key} data-testid={`close-confirm-${key}`}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="confirm-dialog__buttons">
        <button ref={back} type="button" disabled={busy} onClick={onBack}>
          {t('dayClose.confirm.back')}
        </button>
        <button type="button" disabled={busy} onClick={onConfirm}>
          {busy ? t('day.close.closing') : t('day.close.submit')}
        </button>
      </div>
    </dialog>
  );
}
