import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCashDrawer } from '../../shared/printer';
import { api } from '../api';
import { type Approval, ManagerApproval, noApproval } from '../day/ManagerApproval';
import { type Refusal, readRefusal } from '../day/refusal';
import { describeError, describeIssue } from '../errors';
import { useApi } from '../use-api';
import { type FormMessage, FormStatus } from './FormStatus';
import { LabelledField } from './LabelledField';

/**
 * Opening the cash drawer without a sale: why, and on a clerk's screen a manager's name and PIN
 * (asked again each time). Shown only where a printer has a drawer.
 */
export function OpenDrawer({ needsApproval }: { needsApproval: boolean }) {
  const { t } = useTranslation();
  const setup = useApi(() => api.call('printers.list', {}), []);
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<Approval>(noApproval);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);

  const printers = setup.value?.printers ?? [];
  if (!printers.some(hasCashDrawer)) return null;

  async function open(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setRefusal(null);
    try {
      const opened = await api.call('printers.openDrawer', {
        reason,
        ...(needsApproval ? { manager: approval } : {}),
      });
      const name = printers.find((one) => one.id === opened.printerId)?.name ?? opened.printerId;
      setReason('');
      setApproval(noApproval);
      setMessage({ tone: 'ok', lines: [t('drawer.opened', { printer: name })] });
    } catch (error) {
      const read = readRefusal(error);
      setRefusal(read);
      if (read.general) setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="drawer" aria-labelledby="drawer-title">
      <h2 id="drawer-title">{t('drawer.title')}</h2>
      <p>{t('drawer.intro')}</p>
      <form onSubmit={open} noValidate>
        <LabelledField
          id="drawer-reason"
          label={t('drawer.reason')}
          hint={t('drawer.reasonHint')}
          error={refusal?.reason ? describeIssue(t, refusal.reason) : undefined}
        >
          {(props) => (
            <input
              type="text"
              maxLength={200}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              {...props}
            />
          )}
        </LabelledField>
        {needsApproval && (
          <ManagerApproval
            id="drawer-approval"
            value={approval}
            problem={refusal?.approval ?? null}
            onChange={setApproval}
          />
        )}
        <div className="settings__actions">
          <button type="submit" className="button--secondary" disabled={busy}>
            {busy ? t('drawer.opening') : t('drawer.open')}
          </button>
          <FormStatus message={message} />
        </div>
      </form>
    </section>
  );
}
