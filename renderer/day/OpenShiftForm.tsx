import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import type { CurrencyCode } from '../../shared/currencies';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError } from '../errors';
import { readTypedAmount } from './typed-amount';

/**
 * The opening: the float counted into the drawer. The core then asks the carrier for each
 * dealer SIM's balance, which takes a few seconds per SIM.
 */
export function OpenShiftForm({
  currency,
  onOpened,
}: {
  currency: CurrencyCode;
  onOpened(opened: ProcedureOutput<'shifts.open'>): void;
}) {
  const { t } = useTranslation();
  const [float, setFloat] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  async function open(event: FormEvent) {
    event.preventDefault();
    const read = readTypedAmount(float, currency, 'zero or more');
    setFieldError(read.ok ? undefined : t(`day.amount.${read.problem}`));
    setProblem(null);
    if (!read.ok) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      onOpened(await api.call('shifts.open', { float: { amount: read.amount, currency } }));
    } catch (error) {
      setProblem(describeError(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="day-open" onSubmit={open} noValidate aria-labelledby="day-open-title">
      <h2 id="day-open-title">{t('day.open.title')}</h2>
      <p>{t('day.open.intro')}</p>
      <LabelledField
        id="day-float"
        label={t('day.open.float', { currency })}
        hint={t('day.open.floatHint')}
        error={fieldError}
      >
        {(control) => (
          <input
            {...control}
            ref={input}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            value={float}
            onChange={(event) => setFloat(event.target.value)}
          />
        )}
      </LabelledField>
      <div className="settings__actions">
        <button type="submit" disabled={busy}>
          {busy ? t('day.open.opening') : t('day.open.submit')}
        </button>
        {problem && <ProblemLine>{problem}</ProblemLine>}
      </div>
    </form>
  );
}
