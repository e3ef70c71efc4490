import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';

function printProblem(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'printer_failed') {
    return t('day.print.failed', { message: error.message });
  }
  if (error instanceof ApiError && error.issues?.[0]?.code === 'no_default_printer') {
    return t('day.print.noPrinter');
  }
  return describeError(t, error);
}

/**
 * Prints a day report (day.printXReport, day.print) on the shop's default printer and says where it
 * went: the printer, whether a Z report came out as a COPY, and the file for a PDF printer.
 */
export function PrintButton({
  label,
  print,
}: {
  label: string;
  print(): Promise<{ printerName: string; file: string | null; copy?: boolean }>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);

  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      const { printerName, file, copy } = await print();
      const lines = [t('day.print.done', { printer: printerName })];
      if (copy) lines.push(t('day.print.copy'));
      if (file) lines.push(t('day.print.file', { file }));
      setMessage({ tone: 'ok', lines });
    } catch (error) {
      setMessage({ tone: 'error', lines: [printProblem(t, error)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="settings__actions">
      <button type="button" className="button--secondary" disabled={busy} onClick={run}>
        {busy ? t('day.print.printing') : label}
      </button>
      <FormStatus message={message} />
    </div>
  );
}
