import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { CarrierProfile } from '../../shared/carrier';
import { parseTaxRatePercent, taxName, taxRatePercentText } from '../../shared/tax';
import { api } from '../api';
import { describeError, describeIssue } from '../errors';
import { useApi } from '../use-api';

type Listed = ProcedureOutput<'carriers.list'>;
type PlanField = 'name' | 'dataMb' | 'validityDays' | 'price' | 'dealerCost';

const planFields: readonly PlanField[] = ['name', 'dataMb', 'validityDays', 'price', 'dealerCost'];
const numeric = (field: PlanField) => field !== 'name';

/**
 * The manager's carrier profiles: plans and prices in a table (what changes most), and the
 * whole profile as JSON for the rest (scripts, patterns). The core validates either way and
 * names the field at fault.
 */
export function CarrierSettings() {
  const { t, i18n } = useTranslation();
  const [listed, setListed] = useState<Listed | null>(null);
  const [profile, setProfile] = useState<CarrierProfile | null>(null);
  /** Each plan's tax rate as typed, a percentage ("11", "5,5"): read into basis points on save. */
  const [rates, setRates] = useState<string[]>([]);
  const [json, setJson] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function show(loaded: CarrierProfile) {
    setProfile(loaded);
    setRates(loaded.plans.map((plan) => taxRatePercentText(plan.taxRate, i18n.language)));
    setJson(JSON.stringify(loaded, null, 2));
    setErrors({});
  }

  async function open(id: string) {
    show((await api.call('carriers.get', { id })).profile);
  }

  // The list, and the first carrier open to edit.
  useApi(
    async () => {
      const found = await api.call('carriers.list', {});
      const first = found.carriers[0];
      return { found, first: first ? await api.call('carriers.get', { id: first.id }) : null };
    },
    [],
    {
      done({ found, first }) {
        setListed(found);
        if (first) show(first.profile);
      },
      failed: (error) => setMessage({ ok: false, text: describeError(t, error) }),
    },
  );

  async function save(candidate: unknown) {
    setMessage(null);
    try {
      const { profile: saved } = await api.call('carriers.save', {
        profile: candidate as CarrierProfile,
      });
      show(saved);
      setMessage({ ok: true, text: t('carrierSettings.saved', { name: saved.name }) });
      setListed(await api.call('carriers.list', {}));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
        setErrors(
          Object.fromEntries(
            error.issues.map((issue) => [
              issue.path.replace(/^profile\.?/, ''),
              describeIssue(t, issue),
            ]),
          ),
        );
        setMessage({ ok: false, text: t('settings.invalid') });
      } else {
        setMessage({ ok: false, text: describeError(t, error) });
      }
    }
  }

  function savePlans(event: FormEvent) {
    event.preventDefault();
    if (!profile) return;
    const read = rates.map(parseTaxRatePercent);
    const wrong = read.flatMap((rate, index) => (rate === null ? [index] : []));
    if (wrong.length > 0) {
      setErrors(
        Object.fromEntries(wrong.map((index) => [`plans.${index}.taxRate`, t('tax.invalidRate')])),
      );
      setMessage({ ok: false, text: t('settings.invalid') });
      return;
    }
    void save({
      ...profile,
      plans: profile.plans.map((plan, index) => ({ ...plan, taxRate: read[index] ?? 0 })),
    });
  }

  function saveJson(event: FormEvent) {
    event.preventDefault();
    let candidate: unknown;
    try {
      candidate = JSON.parse(json);
    } catch {
      setMessage({ ok: false, text: t('carrierSettings.notJson') });
      return;
    }
    void save(candidate);
  }

  function setPlan(index: number, field: PlanField, value: string) {
    setProfile((current) => {
      if (!current) return current;
      const plans = current.plans.map((plan, at) =>
        at === index ? { ...plan, [field]: numeric(field) ? Number(value) : value } : plan,
      );
      return { ...current, plans };
    });
  }

  const unlisted = Object.entries(errors).filter(([path]) => !/^plans\.\d+\.\w+$/.test(path));

  return (
    <section className="settings" aria-labelledby="carrier-settings-title">
      <h2 id="carrier-settings-title">{t('carrierSettings.title')}</h2>
      <p>{t('carrierSettings.intro')}</p>
      {listed?.problems.map((problem) => (
        <p className="status status--error" key={problem.file}>
          {t('carrierSettings.problem', { message: problem.message })}
        </p>
      ))}
      {listed && listed.carriers.length > 1 && (
        <div className="field">
          <label htmlFor="carrier-choice">{t('carrierSettings.carrier')}</label>
          <select
            id="carrier-choice"
            value={profile?.id ?? ''}
            onChange={(event) => void open(event.target.value)}
          >
            {listed.carriers.map((carrier) => (
              <option key={carrier.id} value={carrier.id}>
                {carrier.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {profile && (
        <>
          <p>
            {listed?.carriers.find((carrier) => carrier.id === profile.id)?.edited
              ? t('carrierSettings.edited')
              : t('carrierSettings.shipped')}
          </p>
          <form onSubmit={savePlans} noValidate aria-label={t('carrierSettings.plans')}>
            <table className="table table--plans">
              <caption>{t('carrierSettings.plans')}</caption>
              <thead>
                <tr>
                  <th>{t('carrierSettings.planId')}</th>
                  {planFields.map((field) => (
                    <th key={field}>
                      {t(`carrierSettings.fields.${field}`, { currency: profile.currency })}
                    </th>
                  ))}
                  <th>{t('tax.planRate', { name: taxName })}</th>
                </tr>
              </thead>
              <tbody>
                {profile.plans.map((plan, index) => (
                  <tr key={plan.id}>
                    <td>{plan.id}</td>
                    {planFields.map((field) => {
                      const error = errors[`plans.${index}.${field}`];
                      return (
                        <td key={field}>
                          <input
                            aria-label={`${plan.id} ${t(`carrierSettings.fields.${field}`, {
                              currency: profile.currency,
                            })}`}
                            inputMode={numeric(field) ? 'numeric' : 'text'}
                            value={String(plan[field])}
                            aria-invalid={error ? true : undefined}
                            onChange={(event) => setPlan(index, field, event.target.value)}
                          />
                          {error && <p className="field__error">{error}</p>}
                        </td>
                      );
                    })}
                    <td>
                      <input
                        aria-label={`${plan.id} ${t('tax.planRate', { name: taxName })}`}
                        inputMode="decimal"
                        value={rates[index] ?? ''}
                        aria-invalid={errors[`plans.${index}.taxRate`] ? true : undefined}
                        onChange={(event) => {
                          const typed = event.target.value;
                          setRates((current) =>
                            current.map((rate, at) => (at === index ? typed : rate)),
                          );
                        }}
                      />
                      {errors[`plans.${index}.taxRate`] && (
                        <p className="field__error">{errors[`plans.${index}.taxRate`]}</p>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="settings__actions">
              <button type="submit">{t('carrierSettings.savePlans')}</button>
            </div>
          </form>
          <form onSubmit={saveJson} noValidate aria-label={t('carrierSettings.whole')}>
            <div className="field">
              <label htmlFor="carrier-json">{t('carrierSettings.whole')}</label>
              <textarea
                id="carrier-json"
                rows={16}
                spellCheck={false}
                value={json}
                onChange={(event) => setJson(event.target.value)}
              />
            </div>
            <div className="settings__actions">
              <button type="submit">{t('carrierSettings.saveWhole')}</button>
            </div>
          </form>
        </>
      )}
      {unlisted.length > 0 && (
        <ul className="status status--error">
          {unlisted.map(([path, text]) => (
            <li key={path}>
              {path || t('carrierSettings.wholeProfile')}: {text}
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className={message.ok ? 'status status--ok' : 'status status--error'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
