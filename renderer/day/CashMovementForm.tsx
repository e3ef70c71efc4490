import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import type { CurrencyCode } from '../../shared/currencies';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError, describeIssue } from '../errors';
import { useFormat } from '../format';
import { readTypedAmount } from './typed-amount';

const kinds = ['in', 'out'] as const;

/** Cash put into or taken out of the drawer during the day, always with the reason. */
export function CashMovementForm({
  currency,
  onRecorded,
}: {
  currency: CurrencyCode;
  onRecorded(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<(typeof kinds)[number]>('out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);

  async function record(event: FormEvent) {
    event.preventDefault();
    const read = readTypedAmount(amount, currency, 'more than zero');
    const found = {
      ...(read.ok ? {} : { amount: t(`day.amount.${read.problem}`) }),
      ...(reason.trim() === '' ? { reason: t('validation.required') } : {}),
    };
    setErrors(found);
    setMessage(null);
    if (!read.ok || found.reason) return;
    setBusy(true);
    try {
      await api.call('shifts.recordCashMovement', {
        kind,
        amount: { amount: read.amount, currency },
        reason,
      });
      setMessage({
        tone: 'ok',
        lines: [
          t(`day.cash.recorded.${kind}`, {
            amount: format.money({ amount: read.amount, currency }),
          }),
        ],
      });
      setAmount('');
      setReason('');
      onRecorded();
    } catch (error) {
      const issue = error instanceof ApiError ? error.issues?.[0] : undefined;
      if (issue?.path === 'reason') setErrors({ reason: describeIssue(t, issue) });
      else if (issue?.path.startsWith('amount')) setErrors({ amount: describeIssue(t, issue) });
      else setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cash-movement" onSubmit={record} noValidate aria-labelledby="cash-title">
      <h2 id="cash-title">{t('day.cash.title')}</h2>
      <fieldset>
        <legend>{t('day.cash.kind')}</legend>
        <div className="payment__methods">
          {kinds.map((value) => (
            <label key={value} className="payment__method">
              <input
                type="radio"
                name="cash-kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {t(`day.cash.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <LabelledField
        id="cash-amount"
        label={t('day.cash.amount', { currency })}
        error={errors.amount}
      >
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
        )}
      </LabelledField>
      <LabelledField
        id="cash-reason"
        label={t('day.cash.reason')}
        hint={t('day.cash.reasonHint')}
        error={errors.reason}
      >
        {(control) => (
          <input
            {...control}
            maxLength={200}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </LabelledField>
      <div className="settings__actions">
        <button type="submit" disabled={busy}>
          {t('day.cash.submit')}
        </button>
        <FormStatus message={message} />
      </div>
    </form>
  );
}
