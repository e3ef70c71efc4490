import { useEffect, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';
import { Confirmation } from './Confirmation';
import { type Carrier, checkout } from './checkout';
import { SaleForm } from './SaleForm';
import { SaleOutcome } from './SaleOutcome';
import { SaleProgress } from './SaleProgress';
import { attemptStarted, counterReducer, initialCounterState, renewOnce } from './sale-flow';

/** While a retried sale is still under way, how often it is read again (events may be lost). */
const recheckMs = 2000;

/** The counter: one renewal at a time, from the customer's number to the receipt. */
export function CounterPage() {
  const { t } = useTranslation();
  const listed = useApi(() => api.call('catalog.list', {}), []);
  const catalog: Carrier[] | null = listed.value?.carriers ?? null;
  const problem = listed.error === null ? null : describeError(t, listed.error);
  const [state, dispatch] = useReducer(counterReducer, initialCounterState);
  const { stage } = state;

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
      describe: (error) => describeError(t, error),
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

  if (problem) {
    return <ProblemLine>{problem}</ProblemLine>;
  }
  if (!catalog) return <p>{t('app.loading')}</p>;

  return (
    <section className="counter">
      <h1>{t('counter.title')}</h1>
      {catalog.length === 0 && <p className="notice">{t('counter.noPlans')}</p>}
      {stage.step === 'entry' && catalog.length > 0 && (
        <SaleForm
          catalog={catalog}
          form={state.form}
          problems={stage.problems}
          refusal={stage.refusal}
          refused={stage.refused}
          onEdit={(change) => dispatch({ type: 'edit', change })}
          onReview={() =>
            dispatch({
              type: 'review',
              result: checkout(catalog, state.form),
              key: crypto.randomUUID(),
            })
          }
        />
      )}
      {stage.step === 'confirm' && (
        <Confirmation
          checkout={stage.checkout}
          onConfirm={() => sell({ type: 'confirm' })}
          onBack={() => dispatch({ type: 'back' })}
        />
      )}
      {stage.step === 'selling' && (
        <SaleProgress stage={stage} onRetry={() => sell({ type: 'retry' })} />
      )}
      {stage.step === 'result' && (
        <SaleOutcome sale={stage.sale} onNewSale={() => dispatch({ type: 'newSale' })} />
      )}
    </section>
  );
}
