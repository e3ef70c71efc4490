import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, languages } from '../../shared/languages';
import { api } from '../api';
import { describeError } from '../errors';
import { type FormMessage, FormStatus } from './FormStatus';

/**
 * The receipt's Send by SMS button: a short text to the number the sale topped up, in the
 * receipt's language or the one the customer asks for. Each send is logged with the sale.
 */
export function SendReceiptSms({
  number,
  tillId,
}: {
  number: number;
  tillId?: string | undefined;
}) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language | ''>('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);
  const selectId = `receipt-${number}-sms-language`;

  async function send() {
    setBusy(true);
    setMessage(null);
    try {
      const sent = await api.call('receipts.sendSms', {
        number,
        tillId,
        ...(language === '' ? {} : { language }),
      });
      setMessage({ tone: 'ok', lines: [t('receiptSend.sent', { to: sent.to }), sent.text] });
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error), t('receiptSend.again')] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="receipt-sms">
      <div className="field receipt-sms__language">
        <label htmlFor={selectId}>{t('receiptSend.language')}</label>
        <select
          id={selectId}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language | '')}
        >
          <option value="">{t('receiptSend.receiptLanguage')}</option>
          {languages.map((one) => (
            <option key={one} value={one}>
              {t(`languages.${one}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="settings__actions">
        <button
          type="button"
          className="button--secondary receipt-sms__button"
          disabled={busy}
          onClick={() => void send()}
        >
          {busy ? t('receiptSend.sending') : t('receiptSend.send')}
        </button>
        <FormStatus message={message} />
      </div>
    </div>
  );
}
