import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { describeError } from '../errors';
import { canAdd, type DetectedDevice } from './detected-modems';

type Carrier = { id: string; name: string };

/**
 * **Detect modems**: the USB serial ports of this machine with the modem each answers as, and a
 * one-click **Add** for a modem not in the bank yet (the form below then asks its dealer PIN).
 */
export function DetectModems({
  carriers,
  onAdd,
}: {
  carriers: readonly Carrier[];
  onAdd(device: DetectedDevice): void;
}) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<DetectedDevice[] | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function detect() {
    setRunning(true);
    setProblem(null);
    try {
      setDevices((await api.call('modems.detect', {})).devices);
    } catch (error) {
      setProblem(describeError(t, error));
    } finally {
      setRunning(false);
    }
  }

  const carrierName = (id: string | null) =>
    id === null
      ? t('modemSettings.detect.noGuess')
      : (carriers.find((carrier) => carrier.id === id)?.name ?? id);

  return (
    <section aria-labelledby="detect-modems-title">
      <h3 id="detect-modems-title">{t('modemSettings.detect.title')}</h3>
      <p>{t('modemSettings.detect.intro')}</p>
      <button type="button" onClick={() => void detect()} disabled={running}>
        {running ? t('modemSettings.detect.running') : t('modemSettings.detect.button')}
      </button>
      {problem && (
        <p className="status status--error" role="status">
          {problem}
        </p>
      )}
      {devices?.length === 0 && <p className="notice">{t('modemSettings.detect.none')}</p>}
      {devices && devices.length > 0 && (
        <table className="table">
          <caption>{t('modemSettings.detect.caption', { count: devices.length })}</caption>
          <thead>
            <tr>
              <th>{t('modemSettings.detect.columns.port')}</th>
              <th>{t('modemSettings.detect.columns.usb')}</th>
              <th>{t('modemSettings.detect.columns.role')}</th>
              <th>{t('modemSettings.detect.columns.modem')}</th>
              <th>{t('modemSettings.detect.columns.carrier')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.path} data-testid="detected-device">
                <td>
                  {device.byId ?? device.path}
                  {device.byId && <div className="field__hint">{device.path}</div>}
                </td>
                <td>
                  {device.link === 'hilink'
                    ? t('modemSettings.detect.hilink')
                    : device.usb
                      ? t('modemSettings.detect.usb', {
                          id: `${device.usb.vendorId}:${device.usb.productId}`,
                          interface: device.usb.interface ?? '?',
                          driver: device.usb.driver ?? '?',
                        })
                      : '—'}
                </td>
                <td>{t(`modemSettings.detect.roles.${device.role}`)}</td>
                <td>
                  {device.modem ? (
                    <>
                      {t('modemSettings.detect.identity', {
                        imei: device.modem.imei ?? '?',
                        iccid: device.modem.iccid ?? '?',
                      })}
                      <div className="field__hint">
                        {t('modemSettings.detect.network', {
                          operator: device.modem.operator ?? '?',
                          signal: device.modem.signal ?? '?',
                        })}
                      </div>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{device.modem ? carrierName(device.modem.carrierGuess) : '—'}</td>
                <td>
                  {device.configuredAs !== null ? (
                    t('modemSettings.detect.configuredAs', { id: device.configuredAs })
                  ) : canAdd(device) ? (
                    <button
                      type="button"
                      onClick={() => onAdd(device)}
                      aria-label={t('modemSettings.detect.addLabel', {
                        port: device.byId ?? device.path,
                      })}
                    >
                      {t('modemSettings.detect.add')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
