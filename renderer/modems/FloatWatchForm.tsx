import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError } from '../errors';
import { useFormat } from '../format';
import { amountAsTyped, readWatchAmount } from './float-watch';
import type { DealerFloat } from './modem-alerts';

/**
 * A manager's watch on one dealer SIM's float: the amount below which every screen says it is
 * low, and how much it may sell a day; each in the carrier's currency, an empty field for none.
 */
export function FloatWatchForm({ float }: { float: DealerFloat }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  // The SIM's figures are all in its carrier's currency, what it sold today included.
  const { currency } = float.soldToday;
  const [threshold, setThreshold] = useState(() =>
    amountAsTyped(float.lowThreshold?.amount ?? null, currency),
  );
  const [cap, setCap] = useState(() => amountAsTyped(float.dailyCap?.amount ?? null, currency));
  const [errors, setErrors] = useState<{ threshold?: string; cap?: string }>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const readThreshold = readWatchAmount(threshold, currency, 'zero or more');
    const readCap = readWatchAmount(cap, currency, 'more than zero');
    setErrors({
      ...(readThreshold.ok ? {} : { threshold: t(`day.amount.${readThreshold.problem}`) }),
      ...(readCap.ok ? {} : { cap: t(`day.amount.${readCap.problem}`) }),
    });
    setMessage(null);
    if (!readThreshold.ok || !readCap.ok) return;
    const money = (amount: number | null) => (amount === null ? null : { amount, currency });
    setBusy(true);
    try {
      const { float: saved } = await api.call('modems.setFloatWatch', {
        id: float.modemId,
        lowThreshold: money(readThreshold.amount),
        dailyCap: money(readCap.amount),
      });
      setThreshold(amountAsTyped(saved.lowThreshold?.amount ?? null, currency));
      setCap(amountAsTyped(saved.dailyCap?.amount ?? null, currency));
      const thresholdLine =
        saved.lowThreshold === null
          ? t('modems.floatWatch.noThreshold')
          : t('modems.floatWatch.thresholdSet', { amount: format.money(saved.lowThreshold) });
      const capLine =
        saved.dailyCap === null
          ? t('modems.floatWatch.noCap')
          : t('modems.floatWatch.capSet', { amount: format.money(saved.dailyCap) });
      setMessage({
        tone: 'ok',
        lines: [
          t('modems.floatWatch.saved', {
            id: float.modemId,
            threshold: thresholdLine,
            cap: capLine,
          }),
        ],
      });
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setBusy(false);
    }
  }

  /** One amount in the carrier's currency; left empty, none. */
  const amountField = (
    name: 'threshold' | 'cap',
    label: string,
    value: string,
    change: (typed: string) => void,
  ) => (
    <LabelledField
      id={`${id}-${name}`}
      label={label}
      hint={t('modems.floatWatch.emptyIsNone')}
      error={errors[name]}
    >
      {(control) => (
        <input
          {...control}
          inputMode="decimal"
          autoComplete="off"
          maxLength={20}
          value={value}
          onChange={(event) => change(event.target.value)}
        />
      )}
    </LabelledField>
  );

  return (
    <form className="float-watch" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('modems.floatWatch.title')}</h3>
      {amountField(
        'threshold',
        t('modems.floatWatch.threshold', { currency }),
        threshold,
        setThreshold,
      )}
      {amountField('cap', t('modems.floatWatch.cap', { currency }), cap, setCap)}
      <div className="settings__actions">
        <button type="submit" disabled={busy}>
          {t('modems.floatWatch.save')}
        </button>
        <FormStatus message={message} />
      </div>
    </form>
  );
}
