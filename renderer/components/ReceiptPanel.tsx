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
export function ReceiptPanel({ number }: { number: number }) {
  const setup = useApi(() => api.call('printers.list', {}), []);
  // One per number: another receipt's answer is never shown under this number.
  return <IssuedReceipt key={number} number={number} setup={setup} />;
}

function IssuedReceipt({ number, setup }: { number: number; setup: ApiState<PrinterSetup> }) {
  const { t } = useTranslation();
  const receipt = useApi(() => api.call('receipts.get', { number }), []);

  if (receipt.error !== null) return <ProblemLine>{describeError(t, receipt.error)}</ProblemLine>;
  if (receipt.value === undefined) return <p>{t('app.loading')}</p>;
  const { html, printed, copies } = receipt.value;
  return (
    <div>
      {setup.error !== null ? (
        <ProblemLine>{describeError(t, setup.error)}</ProblemLine>
      ) : (
        setup.value !== undefined && (
          <PrintReceipt number={number} record={{ printed, copies }} setup={setup.value} />
        )
      )}
      <SendReceiptSms number={number} />
      <ReceiptView number={number} html={html} />
    </div>
  );
}
