import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';
import { Confirmation } from './Confirmation';
import { type Carrier, checkout, problemsFromIssues } from './checkout';
import { SaleForm } from './SaleForm';
import { SaleOutcome } from './SaleOutcome';
import { SaleProgress } from './SaleProgress';
import { counterReducer, initialCounterState, renewalRequest } from './sale-flow';

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

  // One sales.renew per attempt; every attempt of a confirmation carries its key.
  const selling = stage.step === 'selling' ? stage : null;
  const attempt = selling && selling.lost === null ? selling.attempt : null;
  const sold = selling?.checkout ?? null;
  const key = selling?.key ?? null;
  useEffect(() => {
    if (attempt === null || sold === null || key === null) return;
    api.call('sales.renew', renewalRequest(sold, key)).then(
      ({ sale }) => dispatch({ type: 'answered', sale }),
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'invalid_input') {
          const problems = problemsFromIssues(error.issues ?? []);
          const message = Object.keys(problems).length > 0 ? null : describeError(t, error);
          dispatch({ type: 'refused', problems, message });
        } else {
          dispatch({ type: 'lost', message: describeError(t, error) });
        }
      },
    );
  }, [attempt, sold, key, t]);

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
          onConfirm={() => dispatch({ type: 'confirm' })}
          onBack={() => dispatch({ type: 'back' })}
        />
      )}
      {stage.step === 'selling' && (
        <SaleProgress stage={stage} onRetry={() => dispatch({ type: 'retry' })} />
      )}
      {stage.step === 'result' && (
        <SaleOutcome sale={stage.sale} onNewSale={() => dispatch({ type: 'newSale' })} />
      )}
    </section>
  );
}
