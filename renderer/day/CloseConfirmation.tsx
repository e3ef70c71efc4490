import { useTranslation } from 'react-i18next';
import type { Money } from '../../shared/currencies';
import { ConfirmDialog } from '../components/ConfirmDialog';
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
 * The shared confirmation dialog, whose focus starts on "Back to the count": a stray Enter goes
 * back to the count, only a deliberate choice closes.
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
    <ConfirmDialog
      title={t('dayClose.confirm.title')}
      question={t('dayClose.confirm.intro')}
      confirm={t('day.close.submit')}
      cancel={t('dayClose.confirm.back')}
      working={t('day.close.closing')}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onBack}
    >
      <dl className="close-confirm__figures">
        {figures.map(([key, name, value]) => (
          <div key={key} data-testid={`close-confirm-${key}`}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </ConfirmDialog>
  );
}
