import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import type { BalanceReadingView, CardView } from '../../shared/balance';
import { api } from '../api';
import { DateInput } from '../app/DateInput';
import { describeError } from '../errors';
import { todayIn, useFormat } from '../format';
import { useApi } from '../use-api';
import { CardHistory } from './CardHistory';
import { StayAdvice, UsageLine } from './StayAdvice';
import { UpgradeAdviceText } from './UpgradeAdvice';

/** What went wrong, said for the clerk: on a field, or for the page, with the carrier's reply. */
interface Problem {
  field: 'number' | 'departure' | null;
  message: string;
  reply: string | null;
}

function problemOf(t: TFunction, error: unknown): Problem {
  const says = (key: string) => t(`card.errors.${key}`, { defaultValue: describeError(t, error) });
  if (!(error instanceof ApiError))
    return { field: null, message: describeError(t, error), reply: null };
  if (error.code === 'carrier_reply') {
    const { reason, text } = error.params ?? {};
    return {
      field: null,
      message: says(String(reason)),
      reply: text === undefined ? null : String(text),
    };
  }
  if (error.code === 'no_modem' || error.code === 'carrier_timeout') {
    return { field: null, message: says(error.code), reply: null };
  }
  if (error.code === 'conflict') return { field: null, message: says('no_shop'), reply: null };
  const issue = error.code === 'invalid_input' ? error.issues?.[0] : undefined;
  if (issue) {
    const field =
      issue.path === 'departureDate' ? 'departure' : issue.path === 'msisdn' ? 'number' : null;
    return { field, message: says(issue.code), reply: null };
  }
  return { field: null, message: describeError(t, error), reply: null };
}

type Busy = 'checking' | 'loading' | null;

export function CardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  // Until the shop is set up (or when it cannot be read), times show in this computer's zone.
  const timeZone =
    useApi(() => api.call('shop.get', {}), []).value?.profile?.timeZone ??
    Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [number, setNumber] = useState('');
  const [departure, setDeparture] = useState('');
  const [reading, setReading] = useState<BalanceReadingView | null>(null);
  const [card, setCard] = useState<CardView | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function loadCard(departureDate: string) {
    setCard(
      await api.call('cards.get', {
        msisdn: number,
        ...(departureDate === '' ? {} : { departureDate }),
      }),
    );
  }

  async function run(kind: Exclude<Busy, null>, work: () => Promise<void>) {
    setBusy(kind);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(problemOf(t, error));
    } finally {
      setBusy(null);
    }
  }

  function check(event: FormEvent) {
    event.preventDefault();
    void run('checking', async () => {
      setReading(null);
      try {
        setReading(await api.call('balance.check', { msisdn: number }));
      } finally {
        // Whatever the carrier said (or not) is in the card's history now.
        await loadCard(departure).catch(() => {});
      }
    });
  }

  function showHistory() {
    setReading(null);
    void run('loading', () => loadCard(departure));
  }

  function changeDeparture(next: string) {
    setDeparture(next);
    if (card) void run('loading', () => loadCard(next));
  }

  const when = (iso: string) => {
    const { date, time } = format.dateTime(iso, timeZone);
    return `${date} ${time}`;
  };
  const fieldError = (field: Problem['field']) =>
    problem?.field === field && field !== null ? problem.message : null;
  const numberError = fieldError('number');
  const departureError = fieldError('departure');

  return (
    <section className="card">
      <h1>{t('card.title')}</h1>
      <p>{t('card.intro')}</p>
      <form onSubmit={check} noValidate>
        <div className={numberError ? 'field field--invalid' : 'field'}>
          <label htmlFor="card-number">{t('card.number')}</label>
          <input
            id="card-number"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={number}
            aria-invalid={numberError ? true : undefined}
            aria-describedby={numberError ? 'card-number-error' : 'card-number-hint'}
            onChange={(event) => {
              // What is shown belongs to the number it was asked for.
              setNumber(event.target.value);
              setReading(null);
              setCard(null);
            }}
          />
          <p className="field__hint" id="card-number-hint">
            {t('card.numberHint')}
          </p>
          {numberError && (
            <p className="field__error" id="card-number-error">
              {numberError}
            </p>
          )}
        </div>
        <div className="settings__actions">
          <button type="submit" disabled={busy !== null || number.trim() === ''}>
            {busy === 'checking' ? t('card.checking') : t('card.check')}
          </button>
          <button
            type="button"
            className="button--secondary"
            disabled={busy !== null || number.trim() === ''}
            onClick={showHistory}
          >
            {t('card.showHistory')}
          </button>
          {busy === 'loading' && <output>{t('card.loading')}</output>}
        </div>
      </form>

      {problem && problem.field === null && (
        <div className="status status--error" role="alert">
          <p>{problem.message}</p>
          {problem.reply && (
            <blockquote className="card__reply" aria-label={t('card.carrierSaid')}>
              {problem.reply}
            </blockquote>
          )}
        </div>
      )}

      {reading && (
        <section aria-labelledby="card-reading" className="card__reading">
          <h2 id="card-reading">{t('card.readingTitle')}</h2>
          <dl>
            <dt>{t('card.left')}</dt>
            <dd data-testid="remaining">{format.data(reading.remainingMb)}</dd>
            <dt>{t('card.validUntil')}</dt>
            <dd>{when(reading.validUntil)}</dd>
            <dt>{t('card.answeredAt')}</dt>
            <dd>{when(reading.receivedAt)}</dd>
          </dl>
          <blockquote className="card__reply" aria-label={t('card.carrierSaid')}>
            {reading.text}
          </blockquote>
        </section>
      )}

      {card && (
        <>
          <section aria-labelledby="card-usage">
            <h2 id="card-usage">{t('card.usageTitle')}</h2>
            <UsageLine card={card} />
          </section>
          {card.upgrade && (
            <section aria-labelledby="card-upgrade" className="card__advice">
              <h2 id="card-upgrade">{t('card.upgradeTitle')}</h2>
              <UpgradeAdviceText advice={card.upgrade} />
            </section>
          )}
          <section aria-labelledby="card-stay">
            <h2 id="card-stay">{t('card.stayTitle')}</h2>
            <DateInput
              id="card-departure"
              label={t('card.departure')}
              hint={t('card.departureHint')}
              min={todayIn(timeZone)}
              value={departure}
              error={departureError}
              onChange={changeDeparture}
            />
            <StayAdvice card={card} />
          </section>
          <CardHistory card={card} timeZone={timeZone} />
        </>
      )}
    </section>
  );
}
