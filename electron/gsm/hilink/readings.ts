/**
 * What a HiLink stick's information pages say, read into the shapes the bank already uses for
 * a serial modem (identity, registration, signal, operator). Pure: each takes the `<response>`.
 */
import type { ModemIdentity, RegistrationStatus, SignalReading } from '../modem';
import { childText, type XmlElement } from './xml';

const orNull = (value: string | null) => (value === null || value === '' ? null : value);

/** `GET /api/device/information`: the stick's name, IMEI, and the SIM's IMSI and ICCID. */
export function identityOf(information: XmlElement): ModemIdentity {
  return {
    manufacturer: 'huawei',
    model: orNull(childText(information, 'DeviceName')),
    revision: orNull(childText(information, 'SoftwareVersion')),
    imei: orNull(childText(information, 'Imei')),
    imsi: orNull(childText(information, 'Imsi')),
    iccid: orNull(childText(information, 'Iccid')),
  };
}

/**
 * `GET /api/monitoring/status`: ServiceStatus 2 is "service available"; RoamingStatus 1 says
 * where. A SIM not ready (SimStatus other than 1) sells nothing, whatever the radio says.
 */
export function registrationOf(status: XmlElement): RegistrationStatus {
  const service = childText(status, 'ServiceStatus');
  const sim = childText(status, 'SimStatus');
  if (service === null) return { state: 'unknown' };
  if (sim !== null && sim !== '1') return { state: 'not-registered' };
  if (service !== '2') return { state: 'searching' };
  const technology = technologyOf(childText(status, 'CurrentNetworkType'));
  return {
    state: childText(status, 'RoamingStatus') === '1' ? 'registered-roaming' : 'registered-home',
    ...(technology ? { technology } : {}),
  };
}

// Huawei's CurrentNetworkType: 1-3 GSM/GPRS/EDGE, 4-18 and 41-46 WCDMA/HSPA, 19 and 101 LTE.
function technologyOf(type: string | null): RegistrationStatus['technology'] {
  const code = Number.parseInt(type ?? '', 10);
  if (!Number.isFinite(code) || code === 0) return undefined;
  if (code <= 3) return 'gsm';
  if (code === 19 || code === 101) return 'lte';
  if (code >= 111) return 'nr';
  return 'umts';
}

/**
 * `GET /api/device/signal`: the RSSI in dBm ("-67dBm", ">=-51dBm"), turned into the +CSQ scale so both kinds
 * of modem show the same bars.
 */
export function signalOf(signal: XmlElement): SignalReading {
  // A very strong signal reads ">=-51dBm": the bound is the value.
  const rssi = /^(?:[<>]=?)?(-?\d+)\s*dBm$/i.exec(childText(signal, 'rssi') ?? '');
  if (!rssi?.[1]) return { csq: 99, dbm: null, bars: 0 };
  const dbm = Number.parseInt(rssi[1], 10);
  const csq = Math.max(0, Math.min(31, Math.round((dbm + 113) / 2)));
  const bars = csq < 2 ? 0 : csq < 10 ? 1 : csq < 15 ? 2 : csq < 20 ? 3 : 4;
  return { csq, dbm, bars };
}

/** `GET /api/net/current-plmn`: the operator's long name, null when none is there. */
export function operatorOf(plmn: XmlElement): string | null {
  return orNull(childText(plmn, 'FullName')) ?? orNull(childText(plmn, 'ShortName'));
}
