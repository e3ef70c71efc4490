import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairedDevice } from '../../shared/counters';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';
import { useShopTime } from '../modems/use-modems';

/**
 * The counters paired with this hub: till, when last seen (the shop's time) and from where,
 * revoked or not; **Revoke** asks first, naming the till, and cuts it off at once.
 */
export function PairedCounters({
  devices,
  problem,
  onRevoked,
}: {
  devices: readonly PairedDevice[] | null;
  /** Why the list could not be read. */
  problem: string | null;
  onRevoked(): void;
}) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const [revoking, setRevoking] = useState<PairedDevice | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);
  const when = (instant: string) => shopTime?.(instant) ?? '';

  async function revoke(device: PairedDevice) {
    setBusy(true);
    setMessage(null);
    try {
      await api.call('counters.revoke', { id: device.id });
      setMessage({ tone: 'ok', lines: [t('counters.devices.revoked', { till: device.tillName })] });
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setBusy(false);
      setRevoking(null);
      onRevoked();
    }
  }

  return (
    <div className="paired-counters">
      <h3 id="paired-counters-title">{t('counters.devices.title')}</h3>
      {problem && <FormStatus message={{ tone: 'error', lines: [problem] }} />}
      {devices?.length === 0 && <p>{t('counters.devices.none')}</p>}
      {devices && devices.length > 0 && (
        <table className="table" aria-labelledby="paired-counters-title">
          <thead>
            <tr>
              <th>{t('counters.devices.till')}</th>
              <th>{t('counters.devices.lastSeen')}</th>
              <th>{t('counters.devices.address')}</th>
              <th>{t('counters.devices.state')}</th>
              <th>
                <span className="visually-hidden">{t('counters.devices.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr
                key={device.id}
                className={device.revokedAt ? 'paired-counters__revoked' : undefined}
              >
                <td>{device.tillName}</td>
                <td>{device.lastSeenAt ? when(device.lastSeenAt) : t('counters.devices.never')}</td>
                <td>{device.lastAddress ?? '—'}</td>
                <td>
                  {device.revokedAt
                    ? t('counters.devices.revokedAt', { when: when(device.revokedAt) })
                    : t('counters.devices.pairedAt', { when: when(device.pairedAt) })}
                </td>
                <td>
                  {!device.revokedAt && (
                    <button
                      type="button"
                      aria-label={t('counters.devices.revokeOne', { till: device.tillName })}
                      onClick={() => setRevoking(device)}
                    >
                      {t('counters.devices.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('counters.devices.revokeOne', { till: revoking.tillName })}
          question={t('counters.devices.confirmRevoke', { till: revoking.tillName })}
          confirm={t('counters.devices.revokeOne', { till: revoking.tillName })}
          working={t('counters.devices.revoking')}
          busy={busy}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
      <FormStatus message={message} />
    </div>
  );
}
