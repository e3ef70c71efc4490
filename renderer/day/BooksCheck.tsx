import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BooksVerification, booksHold } from '../../shared/books';
import { api } from '../api';
import { DateInput } from '../app/DateInput';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { booksLines } from './books-lines';

/**
 * A manager checks the books: every receipt and Z report (its hash, its link to the one
 * before, none missing), of one day or of all days, as `comptoir verify` does.
 */
export function BooksCheck({ today }: { today: string }) {
  const { t } = useTranslation();
  const [day, setDay] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<BooksVerification | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function check(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFound(null);
    setProblem(null);
    try {
      setFound(await api.call('receipts.verify', day === '' ? {} : { day }));
    } catch (error) {
      setProblem(describeError(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="books-check" aria-labelledby="books-check-title">
      <h2 id="books-check-title">{t('day.books.title')}</h2>
      <p>{t('day.books.intro')}</p>
      <form onSubmit={check}>
        <DateInput
          id="books-check-day"
          label={t('day.books.day')}
          max={today}
          value={day}
          onChange={setDay}
        />
        <div className="settings__actions">
          <button type="submit" disabled={busy}>
            {busy ? t('day.books.checking') : t('day.books.submit')}
          </button>
        </div>
      </form>
      {problem !== null && <ProblemLine>{problem}</ProblemLine>}
      {found && (
        <div
          className={booksHold(found) ? 'status status--ok' : 'status status--error'}
          role="status"
          data-testid="books-check-result"
        >
          <p>
            {found.day === null ? t('day.books.allDays') : t('day.books.ofDay', { day: found.day })}
          </p>
          {booksLines(found).map((line) => (
            <p key={`${line.key}:${line.params.till ?? ''}`}>
              {t(line.key, { ...line.params, reason: line.reason ? t(line.reason) : '' })}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

/** What the check at start found, said to a manager on the Day screen when it found a break. */
export function BooksWarning({
  days,
  problem,
}: {
  days: readonly string[];
  problem: string | null;
}) {
  const { t } = useTranslation();
  if (days.length === 0 && problem === null) return null;
  return (
    <div className="status status--error" role="alert" data-testid="books-warning">
      {days.length > 0 && <p>{t('day.books.atStart', { days: days.join(', ') })}</p>}
      {problem !== null && <p>{t('day.books.startProblem', { problem })}</p>}
    </div>
  );
}
