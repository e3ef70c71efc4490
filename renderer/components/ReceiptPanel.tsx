import { useTranslation } from 'react-i18next';
import type { PrinterSetup } from '../../shared/printer';
import { api } from '../api';
import { describeError } from '../errors';
import { type ApiState, useApi } from '../use-api';
import { ProblemLine } from './FormStatus';
import { PrintReceipt } from './PrintReceipt';
import { ReceiptView } from './ReceiptView';
import { SendReceiptSms } from './SendReceiptSms';

/**
 * A receipt as issued, with its Print and Send by SMS buttons above it. The shop's printers are read once; a
 * printer list that cannot be read still leaves the receipt on screen.
 */
export function ReceiptPanel({ number, tillId }: { number: number; tillId?: string }) {
  const setup = useApi(() => api.call('printers.list', {}), []);
  // One per till and number: another receipt's answer is never shown under this one.
  return (
    <IssuedReceipt key={`${tillId} ${number}`} number={number} tillId={tillId} setup={setup} />
  );
}

function IssuedReceipt({
  number,
  tillId,
  setup,
}: {
  number: number;
  /** The till whose book holds it; the caller's till when left out (the sale just made here). */
  tillId: string | undefined;
  setup: ApiState<PrinterSetup>;
}) {
  const { t } = useTranslation();
  const receipt = useApi(() => api.call('receipts.get', { number, tillId }), []);

  if (receipt.error !== null) return <ProblemLine>{describeError(t, receipt.error)}</ProblemLine>;
  if (receipt.value === undefined) return <p>{t('app.loading')}</p>;
  const { html, printed, copies } = receipt.value;
  return (
    <div>
      {setup.error !== null ? (
        <ProblemLine>{describeError(t, setup.error)}</ProblemLine>
      ) : (
        setup.value !== undefined && (
          <PrintReceipt
            number={number}
            tillId={tillId}
            record={{ printed, copies }}
            setup={setup.value}
          />
        )
      )}
      <SendReceiptSms number={number} tillId={tillId} />
      <ReceiptView number={number} html={html} />
    </div>
  );
}
