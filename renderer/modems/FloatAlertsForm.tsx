import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { type FormMessage, FormStatus, ProblemLine } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError } from '../errors';
import { useApi } from '../use-api';
import { readManagerPhone } from './float-watch';

/**
 * The shop-wide phone a dealer float going low is texted to through the bank, besides every
 * screen; an empty field for screens only.
 */
export function FloatAlertsForm() {
  const { t } = useTranslation();
  const id = useId();
  const [phone, setPhone] = useState('');
  const stored = useApi(() => api.call('modems.getFloatAlerts', {}), [], {
    done: ({ managerPhone }) => setPhone(managerPhone ?? ''),
  });
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const read = readManagerPhone(phone);
    setError(read.ok ? undefined : t('modems.floatAlerts.invalid'));
    if (!read.ok) return;
    setBusy(true);
    try {
      const { managerPhone } = await api.call('modems.setFloatAlerts', {
        managerPhone: read.phone,
      });
      setPhone(managerPhone ?? '');
      setMessage({
        tone: 'ok',
        lines: [
          managerPhone === null
            ? t('modems.floatAlerts.cleared')
            : t('modems.floatAlerts.saved', { phone: managerPhone }),
        ],
      });
    } catch (failure) {
      setMessage({ tone: 'error', lines: [describeError(t, failure)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="float-alerts" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('modems.floatAlerts.title')}</h2>
      {stored.error !== null && <ProblemLine>{describeError(t, stored.error)}</ProblemLine>}
      <LabelledField
        id={`${id}-phone`}
        label={t('modems.floatAlerts.phone')}
        hint={t('modems.floatAlerts.hint')}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            type="tel"
            autoComplete="off"
            maxLength={24}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
          />
        )}
      </LabelledField>
      <div className="settings__actions">
        <button type="submit" disabled={busy || stored.value === undefined}>
          {t('modems.floatAlerts.save')}
        </button>
        <FormStatus message={message} />
      </div>
    </form>
  );
}
