import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';
import { DrawerModeSetting } from '../settings/DrawerModeSetting';
import { useApi } from '../use-api';
import { AddCounter, type PairingCode } from './AddCounter';
import { FingerprintGrid } from './FingerprintGrid';
import { HubNetwork, type HubStatus } from './HubNetwork';
import { PairedCounters } from './PairedCounters';
import { minutesLeft, pairedWith } from './pairing-code';

/** While a pairing code waits for its counter, how often the paired counters are read again. */
const watchEveryMs = 3000;

/**
 * Settings → Counters (a manager's): the hub opened to the shop's network or not, its
 * certificate's fingerprint to compare on each new counter, a pairing code for the next one, and
 * the counters paired, each revocable.
 */
export function CountersSettings() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<HubStatus | null>(null);
  const read = useApi(() => api.call('counters.get', {}), [], { done: setStatus });
  const listed = useApi(() => api.call('counters.listDevices', {}), []);
  const devices = listed.value?.devices ?? null;
  const [code, setCode] = useState<PairingCode | null>(null);
  const paired = code !== null && devices !== null && pairedWith(code.tillName, devices);
  const waiting = code !== null && !paired;

  // The new counter shows up in the list by itself once it has used the code.
  const reloadDevices = listed.reload;
  const expiresAt = code?.expiresAt ?? null;
  useEffect(() => {
    if (!waiting || expiresAt === null) return;
    const timer = setInterval(() => {
      if (minutesLeft(expiresAt, Date.now()) > 0) reloadDevices();
    }, watchEveryMs);
    return () => clearInterval(timer);
  }, [waiting, expiresAt, reloadDevices]);

  return (
    <section className="settings counters" aria-labelledby="counters-settings-title">
      <h2 id="counters-settings-title">{t('counters.title')}</h2>
      <p>{t('counters.intro')}</p>
      {read.error !== null && (
        <FormStatus message={{ tone: 'error', lines: [describeError(t, read.error)] }} />
      )}
      {status && (
        <>
          <HubNetwork status={status} onSaved={setStatus} />
          <FingerprintGrid
            groups={status.fingerprintGroups}
            hint={t('counters.fingerprint.hint')}
          />
        </>
      )}
      <AddCounter
        url={status?.network.open ? status.url : null}
        code={code}
        paired={paired}
        onCreated={setCode}
      />
      <PairedCounters
        devices={devices}
        problem={listed.error === null ? null : describeError(t, listed.error)}
        onRevoked={reloadDevices}
      />
      <DrawerModeSetting />
    </section>
  );
}
