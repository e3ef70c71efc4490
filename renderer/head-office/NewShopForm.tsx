import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import type { HqProcedureOutput } from '../../shared/api/hq-contract';
import { type CurrencyCode, currencyCodes } from '../../shared/currencies';
import { ProblemLine } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError, describeIssue } from '../errors';
import { hq } from './hq-api';

export type CreatedShop = HqProcedureOutput<'shops.create'>;

/** "Add a shop": its name, zone and currency, and whether the head office runs its catalog. */
export function NewShopForm({ onCreated }: { onCreated(created: CreatedShop): void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [zone, setZone] = useState('Pacific/Noumea');
  const [currency, setCurrency] = useState<CurrencyCode>('XPF');
  const [managed, setManaged] = useState(true);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<'name' | 'zone' | 'currency', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const currencyNames = useMemo(
    () => new Intl.DisplayNames([i18n.language], { type: 'currency' }),
    [i18n.language],
  );

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      onCreated(await hq.call('shops.create', { name, zone, currency, managed }));
      setName('');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
        const next: typeof errors = {};
        for (const issue of error.issues) {
          const field = issue.path === 'zone' || issue.path === 'currency' ? issue.path : 'name';
          next[field] ??= describeIssue(t, issue);
        }
        setErrors(next);
      } else if (error instanceof ApiError && error.code === 'conflict') {
        setErrors({ name: t('headOffice.shops.add.nameTaken') });
      } else {
        setProblem(describeError(t, error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={create} noValidate aria-labelledby="hq-new-shop-title" className="hq-new-shop">
      <h2 id="hq-new-shop-title">{t('headOffice.shops.add.title')}</h2>
      <LabelledField id="hq-shop-name" label={t('headOffice.shops.add.name')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </LabelledField>
      <LabelledField id="hq-shop-zone" label={t('headOffice.shops.add.zone')} error={errors.zone}>
        {(control) => (
          <select {...control} value={zone} onChange={(event) => setZone(event.target.value)}>
            {Intl.supportedValuesOf('timeZone').map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <LabelledField
        id="hq-shop-currency"
        label={t('headOffice.shops.add.currency')}
        error={errors.currency}
      >
        {(control) => (
          <select
            {...control}
            value={currency}
            onChange={(event) => setCurrency(event.target.value as CurrencyCode)}
          >
            {currencyCodes.map((code) => (
              <option key={code} value={code}>
                {`${code} — ${currencyNames.of(code) ?? code}`}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <label className="hq-new-shop__managed">
        <input
          type="checkbox"
          checked={managed}
          onChange={(event) => setManaged(event.target.checked)}
        />
        {t('headOffice.shops.add.managed')}
      </label>
      <div className="settings__actions">
        <button type="submit" disabled={busy}>
          {t('headOffice.shops.add.submit')}
        </button>
        {problem && <ProblemLine>{problem}</ProblemLine>}
      </div>
    </form>
  );
}
