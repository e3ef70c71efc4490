import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import type { CarrierProfile } from '../../shared/carrier';
import { parseTaxRatePercent, taxName, taxRatePercentText } from '../../shared/tax';
import { describeError, describeIssue } from '../errors';

type PlanField = 'name' | 'dataMb' | 'validityDays' | 'price' | 'dealerCost';

const planFields: readonly PlanField[] = ['name', 'dataMb', 'validityDays', 'price', 'dealerCost'];
const numeric = (field: PlanField) => field !== 'name';
const ratesOf = (profile: CarrierProfile, language: string) =>
  profile.plans.map((plan) => taxRatePercentText(plan.taxRate, language));

/**
 * One carrier profile to edit: plans and prices in a table (what changes most), and the whole
 * profile as JSON for the rest (scripts, patterns). The shop's settings and the head office's
 * catalog both edit with it; whoever saves validates and names the field at fault
 * (`profile.<path>`), shown beside it.
 */
export function CarrierEditor(props: {
  profile: CarrierProfile;
  /** Shown, not edited (a shop whose carriers the head office sets). */
  readOnly: boolean;
  /** Saves the candidate; answers the profile saved and what to tell, or throws the refusal to show. */
  save(candidate: CarrierProfile): Promise<{ profile: CarrierProfile; text: string }>;
}) {
  const { t, i18n } = useTranslation();
  // The profile given, once: the caller makes another editor (a key) for another profile.
  const [profile, setProfile] = useState(props.profile);
  /** Each plan's tax rate as typed, a percentage ("11", "5,5"): read into basis points on save. */
  const [rates, setRates] = useState(() => ratesOf(props.profile, i18n.language));
  const [json, setJson] = useState(() => JSON.stringify(props.profile, null, 2));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function show(shown: CarrierProfile) {
    setProfile(shown);
    setRates(ratesOf(shown, i18n.language));
    setJson(JSON.stringify(shown, null, 2));
  }

  async function save(candidate: unknown) {
    setMessage(null);
    setErrors({});
    try {
      const saved = await props.save(candidate as CarrierProfile);
      show(saved.profile);
      setMessage({ ok: true, text: saved.text });
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
      const plans = current.plans.map((plan, at) =>
        at === index ? { ...plan, [field]: numeric(field) ? Number(value) : value } : plan,
      );
      return { ...current, plans };
    });
  }

  const unlisted = Object.entries(errors).filter(([path]) => !/^plans\.\d+\.\w+$/.test(path));
  const { readOnly } = props;

  return (
    <>
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
                        readOnly={readOnly}
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
                    readOnly={readOnly}
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
        {!readOnly && (
          <div className="settings__actions">
            <button type="submit">{t('carrierSettings.savePlans')}</button>
          </div>
        )}
      </form>
      <form onSubmit={saveJson} noValidate aria-label={t('carrierSettings.whole')}>
        <div className="field">
          <label htmlFor="carrier-json">{t('carrierSettings.whole')}</label>
          <textarea
            id="carrier-json"
            rows={16}
            spellCheck={false}
            value={json}
            readOnly={readOnly}
            onChange={(event) => setJson(event.target.value)}
          />
        </div>
        {!readOnly && (
          <div className="settings__actions">
            <button type="submit">{t('carrierSettings.saveWhole')}</button>
          </div>
        )}
      </form>
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
    </>
  );
}
