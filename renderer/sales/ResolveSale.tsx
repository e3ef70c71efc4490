import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { displayStoredNumber } from '../../shared/customer-number';
import type { SaleView } from '../../shared/sale';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError, describeIssue } from '../errors';

const outcomes = ['succeeded', 'failed'] as const;

/**
 * A manager's verdict on a pending sale, once the top-up has been checked (carrier, customer's
 * phone): it happened, or it did not and the sale is refunded. The reason is kept in the journal.
 */
export function ResolveSale({
  sale,
  onResolved,
  onCancel,
}: {
  sale: SaleView;
  onResolved(sale: SaleView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<(typeof outcomes)[number] | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const id = `resolve-${sale.id}`;

  useEffect(() => first.current?.focus(), []);

  async function resolve(event: FormEvent) {
    event.preventDefault();
    if (!outcome) {
      setProblem(t('sales.resolveChoose'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onResolved((await api.call('sales.resolve', { id: sale.id, outcome, reason })).sale);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input' && error.issues?.[0]) {
        setProblem(describeIssue(t, error.issues[0]));
      } else if (error instanceof ApiError && error.code === 'conflict') {
        setProblem(t('sales.resolveConflict'));
      } else {
        setProblem(describeError(t, error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="resolve"
      onSubmit={resolve}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
      noValidate
    >
      <fieldset>
        <legend>{t('sales.resolveTitle', { number: displayStoredNumber(sale.msisdn) })}</legend>
        {outcomes.map((value, index) => (
          <label key={value} className="payment__method">
            <input
              ref={index === 0 ? first : undefined}
              type="radio"
              name={`${id}-outcome`}
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            {t(`sales.resolveAs.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('sales.resolveReason')}</label>
        <input
          id={`${id}-reason`}
          maxLength={200}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <p className="field__hint">{t('sales.resolveReasonHint')}</p>
      </div>
      <div className="settings__actions">
        <button type="submit" disabled={busy}>
          {t('sales.resolveSubmit')}
        </button>
        <button type="button" className="button--secondary" onClick={onCancel}>
          {t('sales.resolveCancel')}
        </button>
        {problem && <ProblemLine>{problem}</ProblemLine>}
      </div>
    </form>
  );
}
