import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '../../shared/currencies';
import type { DayReportView } from '../../shared/day';
import { api } from '../api';
import { LabelledField } from '../components/LabelledField';
import { describeError } from '../errors';
import { useFormat } from '../format';
import { readTypedAmount } from './typed-amount';

/** A dealer SIM's opening balance typed by hand, for a SIM the carrier could not be asked for. */
function TypedBalance({
  modemId,
  problem,
  currency,
  onSaved,
}: {
  modemId: string;
  problem: string | undefined;
  currency: CurrencyCode;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const read = readTypedAmount(typed, currency, 'any');
    if (!read.ok) {
      setError(t(`day.amount.${read.problem}`));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.call('shifts.recordDealerBalance', {
        modemId,
        amount: { amount: read.amount, currency },
      });
      onSaved();
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="opening-balance" onSubmit={save} noValidate>
      <LabelledField
        id={`opening-${modemId}`}
        label={t('day.dealer.balanceOf', { modem: modemId, currency })}
        hint={problem ? t('day.dealer.notAsked', { problem }) : t('day.dealer.notRead')}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        )}
      </LabelledField>
      <div className="settings__actions">
        <button type="submit" disabled={busy}>
          {t('day.dealer.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * Each dealer SIM's balance at the opening: as the carrier gave it, or typed by hand, or a
 * field for the SIMs it could not be asked for (busy, offline, an answer not understood).
 */
export function OpeningBalances({
  modemIds,
  report,
  problems,
  onSaved,
}: {
  /** The modem bank's SIMs. */
  modemIds: readonly string[];
  report: DayReportView;
  /** Why the carrier could not be asked, per SIM, when this screen opened the day. */
  problems: Readonly<Record<string, string>>;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { currency } = report.totals.gross;
  const read = new Map(report.dealer.map((sim) => [sim.modemId, sim.opening]));
  const all = [...new Set([...modemIds, ...read.keys()])].sort();
  if (all.length === 0) return null;

  return (
    <section className="opening-balances" aria-labelledby="opening-balances-title">
      <h2 id="opening-balances-title">{t('day.dealer.title')}</h2>
      <ul>
        {all.map((modemId) => {
          const opening = read.get(modemId);
          return (
            <li key={modemId} data-testid={`opening-${modemId}`}>
              {opening ? (
                <>
                  <strong>{modemId}</strong>{' '}
                  {t(`day.report.reading.${opening.source}`, {
                    amount: format.money(opening.amount),
                  })}
                </>
              ) : (
                <TypedBalance
                  modemId={modemId}
                  problem={problems[modemId]}
                  currency={currency}
                  onSaved={onSaved}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
