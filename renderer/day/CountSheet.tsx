import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '../../shared/currencies';
import { useFormat } from '../format';
import { type CountReading, countSheet, type TypedCount } from './count-sheet';

/**
 * The cash count sheet: a line for each coin and note of the shop's currency, the pieces typed
 * in, each line's value beside it. Tab goes down the coins, then down the notes; so does Enter,
 * which never submits the close from here (past the last line, `onPastLast` says where to go).
 */
export function CountSheet({
  currency,
  typed,
  reading,
  onChange,
  onPastLast,
}: {
  currency: CurrencyCode;
  typed: TypedCount;
  reading: CountReading;
  onChange(denomination: number, text: string): void;
  onPastLast(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { coins, notes } = countSheet(currency);
  const order = [...coins, ...notes];
  const nextOnEnter = (event: KeyboardEvent<HTMLInputElement>, denomination: number) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const next = order[order.indexOf(denomination) + 1];
    if (next === undefined) onPastLast();
    else document.getElementById(`count-${next}`)?.focus();
  };

  const column = (kind: 'coins' | 'notes', values: readonly number[]) => (
    <table className="count-sheet__column">
      <caption>{t(`day.count.${kind}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('day.count.denomination')}</th>
          <th scope="col">{t('day.count.pieces')}</th>
          <th scope="col">{t('day.count.value')}</th>
        </tr>
      </thead>
      <tbody>
        {values.map((denomination) => {
          const id = `count-${denomination}`;
          const pieces = reading.lines.find((line) => line.denomination === denomination);
          const invalid = reading.unreadable.includes(denomination);
          return (
            <tr key={denomination} className={invalid ? 'field--invalid' : undefined}>
              <th scope="row">
                <label htmlFor={id}>{format.money({ amount: denomination, currency })}</label>
              </th>
              <td>
                <input
                  id={id}
                  className="count-sheet__pieces"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={9}
                  value={typed[denomination] ?? ''}
                  aria-invalid={invalid ? true : undefined}
                  onChange={(event) => onChange(denomination, event.target.value)}
                  onKeyDown={(event) => nextOnEnter(event, denomination)}
                />
              </td>
              <td>
                {invalid
                  ? t('day.count.unreadable')
                  : format.money({ amount: denomination * (pieces?.count ?? 0), currency })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  return (
    <div className="count-sheet">
      {column('coins', coins)}
      {column('notes', notes)}
    </div>
  );
}
