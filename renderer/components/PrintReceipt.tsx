import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { PrinterSetup } from '../../shared/printer';
import { api } from '../api';
import { type Approval, ManagerApproval, noApproval } from '../day/ManagerApproval';
import { type Refusal, readRefusal } from '../day/refusal';
import { describeError } from '../errors';
import { type FormMessage, FormStatus } from './FormStatus';
import { firstChoice, nextCopy, type PrintRecord, recordAfter } from './receipt-prints';
import { usePermission } from './use-permission';

/** What the clerk reads once the printer took the receipt: which print it was, where it went. */
function printedMessage(
  t: TFunction,
  printed: ProcedureOutput<'receipts.print'>,
  printerName: string,
): FormMessage {
  const done =
    printed.copy === null
      ? t('receiptPrint.printedOriginal', { printer: printerName })
      : t('receiptPrint.printedCopy', { copy: printed.copy, printer: printerName });
  const lines =
    printed.file === null ? [done] : [done, t('receiptPrint.file', { file: printed.file })];
  return { tone: 'ok', lines };
}

/** Why a print did not happen; nothing was logged, so the same print can be asked again. */
function failedMessage(t: TFunction, error: unknown): FormMessage {
  const issue = error instanceof ApiError ? error.issues?.[0] : undefined;
  // The chosen printer was removed since the list was read.
  const why =
    issue?.path === 'printer'
      ? t(`printers.issues.${issue.code}`, { defaultValue: describeError(t, error) })
      : describeError(t, error);
  return { tone: 'error', lines: [why, t('receiptPrint.again')] };
}

/**
 * The receipt's Print button, on the default printer or the one chosen when the shop has
 * several. The button says whether the next print is the original or COPY n. The original is
 * always offered; a copy as the shop lets the user reprint (with a manager's name and PIN, or
 * not at all on a clerk's screen).
 */
export function PrintReceipt({
  number,
  tillId,
  record: issued,
  setup,
}: {
  number: number;
  tillId?: string | undefined;
  record: PrintRecord;
  setup: PrinterSetup;
}) {
  const { t } = useTranslation();
  const [record, setRecord] = useState(issued);
  const [printerId, setPrinterId] = useState(() => firstChoice(setup));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);
  const [approval, setApproval] = useState<Approval>(noApproval);
  const [refusal, setRefusal] = useState<Refusal['approval']>(null);
  const copy = nextCopy(record);
  const reprint = usePermission()('reprint');
  const needsApproval = copy !== null && reprint === 'approval';
  const selectId = `receipt-${number}-printer`;

  if (printerId === null) return <p className="notice">{t('receiptPrint.noPrinter')}</p>;

  async function print(printer: string) {
    setBusy(true);
    setMessage(null);
    setRefusal(null);
    try {
      const manager = needsApproval ? { manager: approval } : {};
      const printed = await api.call('receipts.print', { number, tillId, printer, ...manager });
      setApproval((current) => ({ ...current, pin: '' }));
      const name = setup.printers.find((one) => one.id === printed.printerId)?.name ?? printer;
      setRecord(recordAfter(printed));
      setMessage(printedMessage(t, printed, name));
    } catch (error) {
      const refused = needsApproval ? readRefusal(error).approval : null;
      if (refused) setRefusal(refused);
      else setMessage(failedMessage(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="receipt-print">
      {setup.printers.length > 1 && (
        <div className="field receipt-print__printer">
          <label htmlFor={selectId}>{t('receiptPrint.printer')}</label>
          <select
            id={selectId}
            value={printerId}
            onChange={(event) => setPrinterId(event.target.value)}
          >
            {setup.printers.map((printer) => (
              <option key={printer.id} value={printer.id}>
                {printer.id === setup.defaultPrinterId
                  ? t('receiptPrint.defaultPrinter', { name: printer.name })
                  : printer.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {needsApproval && (
        <ManagerApproval
          id={`receipt-${number}-approval`}
          value={approval}
          problem={refusal}
          onChange={setApproval}
        />
      )}
      <div className="settings__actions">
        {copy !== null && (reprint === null || reprint === 'refused') ? (
          reprint === 'refused' && <p className="notice">{t('permissions.refused')}</p>
        ) : (
          <button
            type="button"
            className="button--secondary receipt-print__button"
            disabled={busy}
            onClick={() => void print(printerId)}
          >
            {busy
              ? t('receiptPrint.printing')
              : copy === null
                ? t('receiptPrint.print')
                : t('receiptPrint.printCopy', { copy })}
          </button>
        )}
        <FormStatus message={message} />
      </div>
    </div>
  );
}
