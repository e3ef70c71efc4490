import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { datePartOrder, monthNames, readDate, splitDate, type TypedDate } from './date-parts';

/**
 * A day typed in the interface's language: day, month (by name) and year in the order that
 * language writes dates, rather than the browser's `<input type=date>`, which follows the
 * browser's own locale whatever language the shop chose (a French shop on an English system
 * would read 12/06/2026 as December the 6th). `value` and `onChange` carry the ISO day
 * ("2026-12-06"), or "" while nothing (or no whole day, within min and max) is typed.
 */
export function DateInput(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  min?: string | undefined;
  max?: string | undefined;
  hint?: string | undefined;
  /** The form's own error about this day (the API's refusal). */
  error?: string | null | undefined;
}) {
  const { id, label, value, min, max, hint, error } = props;
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState<TypedDate>(() => splitDate(value));
  const told = useRef(value);
  // A day set by the form (cleared, or loaded) replaces what was typed; what this field told the
  // form while a day was half typed ("") does not.
  useEffect(() => {
    if (value !== told.current) {
      told.current = value;
      setTyped(splitDate(value));
    }
  }, [value]);

  const read = readDate(typed, { ...(min && { min }), ...(max && { max }) });
  function type(part: keyof TypedDate, text: string) {
    const next = { ...typed, [part]: text };
    setTyped(next);
    const now = readDate(next, { ...(min && { min }), ...(max && { max }) });
    const day = now.kind === 'day' ? now.iso : '';
    if (day !== told.current) {
      told.current = day;
      props.onChange(day);
    }
  }

  const ownError =
    read.kind === 'not-a-date'
      ? t('dateInput.notADate')
      : read.kind === 'too-early' && min
        ? t('dateInput.tooEarly', { day: dayText(min, i18n.language) })
        : read.kind === 'too-late' && max
          ? t('dateInput.tooLate', { day: dayText(max, i18n.language) })
          : null;
  const shownError = ownError ?? error ?? null;
  const describedBy = [hint && `${id}-hint`, shownError && `${id}-error`].filter(Boolean).join(' ');
  const invalid = shownError ? true : undefined;
  const months = monthNames(i18n.language);

  const control = (part: keyof TypedDate) =>
    part === 'month' ? (
      <select
        id={`${id}-month`}
        value={typed.month}
        aria-invalid={invalid}
        onChange={(event) => type('month', event.target.value)}
      >
        <option value="">{t('dateInput.noMonth')}</option>
        {months.map((name, index) => (
          <option key={name} value={String(index + 1)}>
            {name}
          </option>
        ))}
      </select>
    ) : (
      <input
        id={`${id}-${part}`}
        className={`date-input__${part}`}
        inputMode="numeric"
        autoComplete="off"
        maxLength={part === 'year' ? 4 : 2}
        value={typed[part]}
        aria-invalid={invalid}
        onChange={(event) => type(part, event.target.value.replace(/\D/g, ''))}
      />
    );

  return (
    <fieldset
      className={shownError ? 'field date-input field--invalid' : 'field date-input'}
      aria-describedby={describedBy || undefined}
      data-testid={id}
    >
      <legend>{label}</legend>
      <div className="date-input__parts">
        {datePartOrder(i18n.language).map((part) => (
          <div key={part} className="date-input__part">
            <label htmlFor={`${id}-${part}`}>{t(`dateInput.${part}`)}</label>
            {control(part)}
          </div>
        ))}
      </div>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {shownError && (
        <p className="field__error" id={`${id}-error`}>
          {shownError}
        </p>
      )}
    </fieldset>
  );
}

/** A bound of the field as the language writes a day: "6 décembre 2026". */
function dayText(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}
