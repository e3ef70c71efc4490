import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { SaleView } from '../../shared/sale';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useFormat } from '../format';

type Checked = ProcedureOutput<'sales.checkCard'>;

/** Why a check gave no reading, as the card page says it, with the carrier's reply if any. */
function problemOf(t: TFunction, error: unknown): { message: string; reply: string | null } {
  const says = (key: string) => t(`card.errors.${key}`, { defaultValue: describeError(t, error) });
  if (error instanceof ApiError && error.code === 'carrier_reply') {
    const { reason, text } = error.params ?? {};
    return { message: says(String(reason)), reply: text === undefined ? null : String(text) };
  }
  if (
    error instanceof ApiError &&
    (error.code === 'no_modem' || error.code === 'carrier_timeout')
  ) {
    return { message: says(error.code), reply: null };
  }
  if (error instanceof ApiError && error.code === 'conflict') {
    return { message: t('sales.resolveConflict'), reply: null };
  }
  return { message: describeError(t, error), reply: null };
}

/**
 * Check the card now: the carrier's balance SMS for the sale's card, and what it says of the
 * top-up — landed, not landed, or that it cannot tell, and why, with the readings it rests on.
 */
export function CardCheck({ sale, timeZone }: { sale: SaleView; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<{ message: string; reply: string | null } | null>(null);
  const when = (instant: string) => {
    const { date, time } = format.dateTime(instant, timeZone);
    return t('pending.dateTime', { date, time });
  };
  const day = (instant: string) => format.dateTime(instant, timeZone).date;

  async function check() {
    setBusy(true);
    setProblem(null);
    try {
      setChecked(await api.call('sales.checkCard', { id: sale.id }));
    } catch (error) {
      setChecked(null);
      setProblem(problemOf(t, error));
    } finally {
      setBusy(false);
    }
  }

  const verdict = checked?.verdict;
  return (
    <section className="resolve__check" aria-labelledby={`check-${sale.id}`}>
      <h3 id={`check-${sale.id}`}>{t('pending.check.title')}</h3>
      <p className="field__hint">{t('pending.check.hint')}</p>
      <button type="button" className="button--secondary" disabled={busy} onClick={check}>
        {busy ? t('pending.check.checking') : t('pending.check.button')}
      </button>
      {problem && (
        <ProblemLine>
          {problem.message}
          {problem.reply !== null && (
            <>
              {' '}
              <q>{problem.reply}</q>
            </>
          )}
        </ProblemLine>
      )}
      {checked && verdict && (
        <div
          className={`resolve__verdict resolve__verdict--${verdict.verdict}`}
          role="status"
          data-testid="card-verdict"
        >
          <p className="resolve__verdict-title">{t(`pending.check.verdict.${verdict.verdict}`)}</p>
          <p>
            {t(`pending.check.why.${verdict.why}`, {
              data: format.data(verdict.after.remainingMb),
              validUntil: day(verdict.after.validUntil),
              expected: day(verdict.expectedValidUntil),
              beforeData: verdict.before ? format.data(verdict.before.remainingMb) : '',
              beforeValidUntil: verdict.before ? day(verdict.before.validUntil) : '',
              beforeAt: verdict.before ? when(verdict.before.at) : '',
              planData: format.data(sale.dataMb),
              days: sale.validityDays,
            })}
          </p>
          <p>
            {t('pending.check.reading', {
              when: when(verdict.after.at),
              data: format.data(verdict.after.remainingMb),
              validUntil: day(verdict.after.validUntil),
            })}{' '}
            <q>{checked.check.text}</q>
          </p>
        </div>
      )}
    </section>
  );
}
