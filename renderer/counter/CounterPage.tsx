import type { TFunction } from 'i18next';
import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../shared/languages';
import { canTryAgain } from '../../shared/sale-cause';
import { api } from '../api';
import { type FormMessage, FormStatus, ProblemLine } from '../components/FormStatus';
import { describeError, describeSaleError } from '../errors';
import { useApi } from '../use-api';
import { Confirmation } from './Confirmation';
import { type Carrier, checkout } from './checkout';
import { type AutoPrint, type PrintedReceipt, receiptAutoPrinter } from './receipt-autoprint';
import { SaleForm } from './SaleForm';
import { SaleOutcome } from './SaleOutcome';
import { SaleProgress } from './SaleProgress';
import { attemptStarted, counterReducer, initialCounterState, renewOnce } from './sale-flow';

/** While a retried sale is still under way, how often it is read again (events may be lost). */
const recheckMs = 2000;

/** The key that prints the last receipt again, from anywhere on the counter. */
const reprintKey = 'F8';

function printedNote(t: TFunction, printed: PrintedReceipt, printer: string): FormMessage {
  const done =
    printed.copy === null
      ? t('receiptPrint.printedOriginal', { printer })
      : t('receiptPrint.printedCopy', { copy: printed.copy, printer });
  return {
    tone: 'ok',
    lines: printed.file === null ? [done] : [done, t('receiptPrint.file', { file: printed.file })],
  };
}

function failedNote(t: TFunction, error: unknown): FormMessage {
  return { tone: 'error', lines: [describeError(t, error), t('counter.reprint.again')] };
}

const reprint = async (number: number): Promise<AutoPrint> => {
  try {
    const [printed, setup] = await Promise.all([
      api.call('receipts.print', { number }),
      api.call('printers.list', {}),
    ]);
    const printer = setup.printers.find((one) => one.id === printed.printerId);
    return { kind: 'printed', printed, printerName: printer?.name ?? printed.printerId };
  } catch (error) {
    return { kind: 'failed', error };
  }
};

/** The counter: one renewal at a time, from the customer's number to the receipt. */
export function CounterPage() {
  const { t, i18n } = useTranslation();
  const listed = useApi(() => api.call('catalog.list', {}), []);
  const shop = useApi(() => api.call('shop.get', {}), []);
  const catalog: Carrier[] | null = listed.value?.carriers ?? null;
  const problem = listed.error === null ? null : describeError(t, listed.error);
  const [state, dispatch] = useReducer(counterReducer, initialCounterState);
  const { stage, lastReceipt } = state;
  const shopLanguage: Language =
    shop.value?.profile?.defaultLanguage ?? (isLanguage(i18n.language) ? i18n.language : 'en');
  const section = useRef<HTMLElement>(null);

  useEffect(() => api.on('sales.progress', ({ sale }) => dispatch({ type: 'progress', sale })), []);

  // One sales.renew per attempt, sent by the clerk's confirm or retry; every attempt of a
  // confirmation carries its key. Never from an effect: a render for another reason (the
  // language switched) would sell again.
  const lastSent = useRef<string | null>(null);
  function sell(action: { type: 'confirm' } | { type: 'retry' }) {
    const started = attemptStarted(state.stage, counterReducer(state, action).stage);
    dispatch(action);
    if (!started) return;
    const attempt = `${started.key}#${started.attempt}`;
    if (lastSent.current === attempt) return;
    lastSent.current = attempt;
    renewOnce(started, {
      renew: (request) => api.call('sales.renew', request),
      // The hub out of reach: the sale stays on screen with its key, to send once it is back.
      describe: (error) => describeSaleError(t, error),
    }).then(dispatch);
  }

  const selling = stage.step === 'selling' ? stage : null;
  // A retry may answer with the sale still under way; its end may come while events were lost.
  const recheckId = selling?.answered && selling.sale ? selling.sale.id : null;
  useEffect(() => {
    if (recheckId === null) return;
    const timer = setInterval(() => {
      api.call('sales.get', { id: recheckId }).then(
        ({ sale }) => dispatch({ type: 'progress', sale }),
        () => {},
      );
    }, recheckMs);
    return () => clearInterval(timer);
  }, [recheckId]);

  // What the last print from the counter said, about which receipt: shown only while that
  // receipt is the last one. Each print reads the receipt's prints again.
  const [printNote, setPrintNote] = useState<{ receipt: number; message: FormMessage } | null>(
    null,
  );
  const [receiptKey, setReceiptKey] = useState(0);
  function heard(receipt: number, result: AutoPrint) {
    if (result.kind === 'skipped') return;
    const message =
      result.kind === 'printed'
        ? printedNote(t, result.printed, result.printerName)
        : failedNote(t, result.error);
    setPrintNote({ receipt, message });
    if (result.kind === 'printed') setReceiptKey((key) => key + 1);
  }
  const hear = useRef(heard);
  hear.current = heard;

  // The receipt prints by itself once its sale has an outcome. The printer takes each receipt
  // once, so a render for another reason never prints it again.
  const [autoPrint] = useState(() =>
    receiptAutoPrinter({
      printers: () => api.call('printers.list', {}),
      printed: async (number) => (await api.call('receipts.get', { number })).printed,
      print: (number) => api.call('receipts.print', { number }),
    }),
  );
  useEffect(() => {
    if (lastReceipt === null) return;
    autoPrint(lastReceipt)?.then((result) => hear.current(lastReceipt, result));
  }, [lastReceipt, autoPrint]);

  const [reprinting, setReprinting] = useState(false);
  async function printAgain() {
    if (lastReceipt === null || reprinting) return;
    setReprinting(true);
    setPrintNote(null);
    hear.current(lastReceipt, await reprint(lastReceipt));
    setReprinting(false);
  }
  const printAgainNow = useRef(printAgain);
  printAgainNow.current = printAgain;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      // Not while another page shows and the counter waits, hidden.
      if (event.key !== reprintKey || !section.current?.checkVisibility()) return;
      event.preventDefault();
      if (!event.repeat) void printAgainNow.current();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (problem) {
    return <ProblemLine>{problem}</ProblemLine>;
  }
  if (!catalog) return <p>{t('app.loading')}</p>;

  return (
    <section ref={section} className="counter">
      <h1>{t('counter.title')}</h1>
      {catalog.length === 0 && <p className="notice">{t('counter.noPlans')}</p>}
      {lastReceipt !== null && (
        <div className="counter__reprint">
          <button
            type="button"
            className="button--secondary"
            disabled={reprinting}
            onClick={() => void printAgain()}
          >
            {t('counter.reprint.button')} <kbd>{reprintKey}</kbd>
          </button>
          <FormStatus message={printNote?.receipt === lastReceipt ? printNote.message : null} />
        </div>
      )}
      {stage.step === 'entry' && catalog.length > 0 && (
        <SaleForm
          catalog={catalog}
          form={state.form}
          problems={stage.problems}
          refusal={stage.refusal}
          refused={stage.refused}
          shopLanguage={shopLanguage}
          onEdit={(change) => dispatch({ type: 'edit', change })}
          onFlag={(problems) => dispatch({ type: 'flag', problems })}
          onReview={(change) => {
            dispatch({ type: 'edit', change });
            dispatch({
              type: 'review',
              result: checkout(catalog, { ...state.form, ...change }),
              key: crypto.randomUUID(),
            });
          }}
        />
      )}
      {stage.step === 'entry' && stage.done && (
        <SaleOutcome
          sale={stage.done}
          receiptKey={receiptKey}
          keepsFocus
          onNewSale={() => {
            dispatch({ type: 'newSale' });
            section.current?.querySelector<HTMLElement>('#counter-number')?.focus();
          }}
        />
      )}
      {stage.step === 'confirm' && (
        <Confirmation
          checkout={stage.checkout}
          shopLanguage={shopLanguage}
          onConfirm={() => sell({ type: 'confirm' })}
          onBack={() => dispatch({ type: 'back' })}
        />
      )}
      {stage.step === 'selling' && (
        <SaleProgress stage={stage} onRetry={() => sell({ type: 'retry' })} />
      )}
      {stage.step === 'result' && (
        <SaleOutcome
          sale={stage.sale}
          receiptKey={receiptKey}
          onNewSale={() => dispatch({ type: 'newSale' })}
          onTryAgain={
            canTryAgain(stage.sale.status, stage.sale.cause)
              ? () => dispatch({ type: 'tryAgain', key: crypto.randomUUID() })
              : undefined
          }
        />
      )}
    </section>
  );
}
