import type { TFunction } from 'i18next';
import { getCountries } from 'libphonenumber-js';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { currencyCodes } from '../../shared/currencies';
import { languages } from '../../shared/languages';
import { defaultIdleLockMinutes, defaultTillName, type ShopProfile } from '../../shared/shop';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { type FieldControlProps, LabelledField } from '../components/LabelledField';
import { describeError, describeIssue } from '../errors';
import { useApi } from '../use-api';
import { PrintersSettings } from './PrintersSettings';

type Field = keyof ShopProfile;
type Form = Record<Field, string>;

const fields: readonly Field[] = [
  'name',
  'legalName',
  'address',
  'country',
  'phone',
  'taxId',
  'receiptFooter',
  'timeZone',
  'currency',
  'defaultLanguage',
  'idleLockMinutes',
  'tillName',
];

// What a new shop starts from: the first market's settings, and this computer's time zone.
const newShop: Form = {
  name: '',
  legalName: '',
  address: '',
  country: 'NC',
  phone: '',
  taxId: '',
  receiptFooter: '',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  currency: 'XPF',
  defaultLanguage: 'fr',
  idleLockMinutes: String(defaultIdleLockMinutes),
  tillName: defaultTillName,
};

/** The form holds what is typed; the profile has the idle time as a number. */
const formOf = (profile: ShopProfile): Form => ({
  ...profile,
  idleLockMinutes: String(profile.idleLockMinutes),
});

const profileOf = (form: Form) =>
  ({
    ...form,
    // A field left empty or not a number is sent as such, for the core to refuse by name.
    idleLockMinutes: /^\d+$/.test(form.idleLockMinutes.trim())
      ? Number(form.idleLockMinutes)
      : form.idleLockMinutes,
  }) as unknown as ShopProfile;

type Status =
  | { kind: 'loading' }
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'reloaded' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string };

function sameForm(a: Form, b: Form) {
  return fields.every((field) => a[field] === b[field]);
}

function useOptions(language: string) {
  return useMemo(() => {
    const regionNames = new Intl.DisplayNames([language], { type: 'region' });
    const currencyNames = new Intl.DisplayNames([language], { type: 'currency' });
    const collator = new Intl.Collator(language);
    return {
      countries: getCountries()
        .map((code) => ({ value: code, label: regionNames.of(code) ?? code }))
        .sort((a, b) => collator.compare(a.label, b.label)),
      currencies: currencyCodes.map((code) => ({
        value: code,
        label: `${code} — ${currencyNames.of(code) ?? code}`,
      })),
      timeZones: Intl.supportedValuesOf('timeZone'),
    };
  }, [language]);
}

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const options = useOptions(i18n.language);
  const [saved, setSaved] = useState<Form | null>(null);
  const [form, setForm] = useState<Form>(newShop);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = saved ? !sameForm(form, saved) : !sameForm(form, newShop);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useApi(() => api.call('shop.get', {}), [], {
    done({ profile }) {
      if (profile) {
        setSaved(formOf(profile));
        setForm(formOf(profile));
      }
      setStatus({ kind: 'idle' });
    },
    failed: (error) => setStatus({ kind: 'failed', message: describeError(t, error) }),
  });

  useEffect(
    () =>
      api.on('shop.updated', ({ profile }) => {
        if (dirtyRef.current) return;
        setSaved((current) => {
          if (current && sameForm(current, formOf(profile))) return current;
          setForm(formOf(profile));
          setStatus({ kind: 'reloaded' });
          return formOf(profile);
        });
      }),
    [],
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    setStatus({ kind: 'saving' });
    try {
      const { profile } = await api.call('shop.update', profileOf(form));
      setSaved(formOf(profile));
      setForm(formOf(profile));
      setErrors({});
      setStatus({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
        const next: Partial<Record<Field, string>> = {};
        for (const issue of error.issues) {
          const field = issue.path.split('.')[0] as Field;
          next[field] ??= describeIssue(t, issue);
        }
        setErrors(next);
        setStatus({ kind: 'invalid' });
        const first = fields.find((field) => next[field]);
        if (first) formRef.current?.querySelector<HTMLElement>(`#shop-${first}`)?.focus();
      } else {
        setStatus({ kind: 'failed', message: describeError(t, error) });
      }
    }
  }

  function control(
    field: Field,
    render: (props: ControlProps) => ReactNode,
    hint?: string,
    label: string = t(`settings.fields.${field}`),
  ) {
    return (
      <LabelledField
        key={field}
        id={`shop-${field}`}
        label={label}
        hint={hint}
        error={errors[field]}
      >
        {(props) =>
          render({
            ...props,
            name: field,
            value: form[field],
            onChange: (event) => {
              const value = event.target.value;
              setForm((current) => ({ ...current, [field]: value }));
            },
          })
        }
      </LabelledField>
    );
  }

  if (status.kind === 'loading') return <p>{t('app.loading')}</p>;

  const timeZones = options.timeZones.includes(form.timeZone)
    ? options.timeZones
    : [form.timeZone, ...options.timeZones];

  return (
    <section className="settings">
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      {!saved && <p className="notice">{t('settings.notSetUp')}</p>}
      <form ref={formRef} onSubmit={save} noValidate>
        {control('name', (props) => (
          <input type="text" autoComplete="organization" {...props} />
        ))}
        {control('address', (props) => (
          <textarea rows={3} {...props} />
        ))}
        {control('country', (props) => (
          <select {...props}>
            {options.countries.map((country) => (
              <option key={country.value} value={country.value}>
                {country.label}
              </option>
            ))}
          </select>
        ))}
        {control(
          'phone',
          (props) => (
            <input type="tel" autoComplete="tel" {...props} />
          ),
          t('settings.hints.phone'),
        )}
        {control('legalName', (props) => (
          <input type="text" autoComplete="organization" {...props} />
        ))}
        {/* A New Caledonian shop's tax id is its RIDET: named so, its form shown. */}
        {control(
          'taxId',
          (props) => (
            <input type="text" {...props} />
          ),
          form.country === 'NC' ? t('tax.ridetHint') : undefined,
          form.country === 'NC' ? t('tax.ridet') : undefined,
        )}
        {control(
          'receiptFooter',
          (props) => (
            <textarea rows={3} {...props} />
          ),
          t('settings.hints.receiptFooter'),
        )}
        {control('timeZone', (props) => (
          <select {...props}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        ))}
        {control('currency', (props) => (
          <select {...props}>
            {options.currencies.map((currency) => (
              <option key={currency.value} value={currency.value}>
                {currency.label}
              </option>
            ))}
          </select>
        ))}
        {control(
          'defaultLanguage',
          (props) => (
            <select {...props}>
              {languages.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`languages.${language}`)}
                </option>
              ))}
            </select>
          ),
          t('settings.hints.defaultLanguage'),
        )}
        {control(
          'idleLockMinutes',
          (props) => (
            <input type="number" min={1} max={240} inputMode="numeric" {...props} />
          ),
          t('settings.hints.idleLockMinutes'),
        )}
        {control(
          'tillName',
          (props) => (
            <input type="text" {...props} />
          ),
          t('settings.hints.tillName'),
        )}
        <div className="settings__actions">
          <button type="submit" disabled={status.kind === 'saving'}>
            {status.kind === 'saving' ? t('settings.saving') : t('settings.save')}
          </button>
          <FormStatus message={statusMessage(t, status)} />
        </div>
      </form>
      <PrintersSettings />
    </section>
  );
}

interface ControlProps extends FieldControlProps {
  name: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}

function statusMessage(t: TFunction, status: Status): FormMessage {
  switch (status.kind) {
    case 'saved':
      return { tone: 'ok', lines: [t('settings.saved')] };
    case 'reloaded':
      return { tone: 'info', lines: [t('settings.reloaded')] };
    case 'invalid':
      return { tone: 'error', lines: [t('settings.invalid')] };
    case 'failed':
      return { tone: 'error', lines: [status.message] };
    default:
      return null;
  }
}
