import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import type { PrinterSetup } from '../../shared/printer';
import { api } from '../api';
import { describeError } from '../errors';
import { ProblemLine } from './FormStatus';
import { PrintReceipt } from './PrintReceipt';
import { ReceiptView } from './ReceiptView';

type Loaded<T> = { value: T } | { problem: string };

/**
 * A receipt as issued, with its Print button above it. The shop's printers are read once; a
 * printer list that cannot be read still leaves the receipt on screen.
 */
export function ReceiptPanel({ number }: { number: number }) {
  const { t } = useTranslation();
  // Kept with the number it is for: another receipt's answer is never shown under this number.
  const [loaded, setLoaded] = useState<{
    number: number;
    receipt: Loaded<ProcedureOutput<'receipts.get'>>;
  } | null>(null);
  const [setup, setSetup] = useState<Loaded<PrinterSetup> | null>(null);
  const receipt = loaded?.number === number ? loaded.receipt : null;

  useEffect(() => {
    let live = true;
    api.call('receipts.get', { number }).then(
      (found) => live && setLoaded({ number, receipt: { value: found } }),
      (error: unknown) =>
        live && setLoaded({ number, receipt: { problem: describeError(t, error) } }),
    );
    return () => {
      live = false;
    };
  }, [number, t]);

  useEffect(() => {
    let live = true;
    api.call('printers.list', {}).then(
      (found) => live && setSetup({ value: found }),
      (error: unknown) => live && setSetup({ problem: describeError(t, error) }),
    );
    return () => {
      live = false;
    };
  }, [t]);

  if (receipt === null) return <p>{t('app.loading')}</p>;
  if ('problem' in receipt) return <ProblemLine>{receipt.problem}</ProblemLine>;
  const { html, printed, copies } = receipt.value;
  return (
    <div>
      {setup !== null &&
        ('problem' in setup ? (
          <ProblemLine>{setup.problem}</ProblemLine>
        ) : (
          <PrintReceipt
            key={number}
            number={number}
            record={{ printed, copies }}
            setup={setup.value}
          />
        ))}
      <ReceiptView number={number} html={html} />
    </div>
  );
}
