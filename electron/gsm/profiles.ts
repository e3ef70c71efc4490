import type { ReplyQuirks } from './at/reply';

/** How a USSD request string is put on the line (field notes, point 10). */
export type UssdRequestEncoding = 'plain' | 'gsm7-packed-hex' | 'ucs2-hex';

/**
 * What one family of modems does differently, as data (Gammu's phone table, not `if (huawei)`).
 * Matched on the +CGMI/+CGMM answers; the generic profile is the fallback.
 */
export interface ModemProfile {
  id: string;
  name: string;
  match: { manufacturer?: RegExp; model?: RegExp };
  /** Sent after ATE0/AT+CMEE=1 at start-up; failures are logged, not fatal. */
  init: readonly string[];
  /** Commands that silence chatty URCs (the channel survives them anyway). */
  silenceUrcs: readonly string[];
  /** ICCID commands to try in order; the first that answers wins. */
  iccidCommands: readonly string[];
  ussd: {
    /** Request encodings to try in order; the one that worked is remembered per modem. */
    encodings: readonly UssdRequestEncoding[];
  };
  reply: ReplyQuirks;
  /** AT+CSMP wipes the SMSC address on these (ZTE, field notes point 18): never send it. */
  avoidCsmp?: boolean;
  /** Where the quirks are documented. */
  source: string;
}

const standardIccid = ['AT+CCID', 'AT+ICCID', 'AT^ICCID?', 'AT+QCCID', 'AT#CCID', 'AT!ICCID?'];

export const genericProfile: ModemProfile = {
  id: 'generic',
  name: 'Generic 3GPP modem',
  match: {},
  init: [],
  silenceUrcs: [],
  iccidCommands: standardIccid,
  ussd: { encodings: ['plain', 'gsm7-packed-hex', 'ucs2-hex'] },
  reply: {},
  source: '3GPP TS 27.007',
};

export const modemProfiles: readonly ModemProfile[] = [
  {
    id: 'huawei',
    name: 'Huawei (E1xx, E3xxx, K3xxx)',
    match: { manufacturer: /huawei/i },
    init: [],
    silenceUrcs: ['AT^CURC=0'],
    iccidCommands: ['AT^ICCID?', 'AT+ICCID', 'AT+CCID'],
    // Huawei sticks want the request packed GSM 7-bit then hex (field notes, point 10).
    ussd: { encodings: ['gsm7-packed-hex', 'plain'] },
    reply: {},
    source: 'field notes 1, 3, 10; Gammu "encoded USSD"; ModemManager huawei plugin',
  },
  {
    id: 'zte',
    name: 'ZTE (MF series)',
    match: { manufacturer: /zte/i },
    init: [],
    silenceUrcs: [],
    iccidCommands: ['AT+ZGETICCID', 'AT+CRSM=176,12258,0,0,10', 'AT+CCID'],
    ussd: { encodings: ['plain', 'gsm7-packed-hex'] },
    reply: {},
    avoidCsmp: true,
    source: 'field notes 18; ModemManager zte plugin',
  },
  {
    id: 'quectel',
    name: 'Quectel (EC2x, EG9x, UC20)',
    match: { manufacturer: /quectel/i },
    init: [],
    silenceUrcs: [],
    iccidCommands: ['AT+QCCID', 'AT+CCID'],
    ussd: { encodings: ['plain', 'ucs2-hex'] },
    reply: {},
    source: 'field notes 5 (RDY at boot); ModemManager quectel plugin',
  },
  {
    id: 'simcom',
    name: 'SIMCom (SIM800, SIM7600)',
    match: { manufacturer: /sim\s?com/i },
    init: [],
    silenceUrcs: [],
    iccidCommands: ['AT+CCID', 'AT+CICCID', 'AT+ICCID'],
    ussd: { encodings: ['plain', 'ucs2-hex'] },
    reply: {},
    source: 'field notes 5 (SMS DONE, PB DONE), 19 (+CMS ERROR: 321 on status reports)',
  },
  {
    id: 'sierra',
    name: 'Sierra Wireless (MC, EM series)',
    match: { manufacturer: /sierra/i },
    init: [],
    silenceUrcs: [],
    iccidCommands: ['AT!ICCID?', 'AT+CCID'],
    ussd: { encodings: ['plain', 'ucs2-hex'] },
    // `AT+CPIN?` answered by `+CPIN: READY` with no OK (field notes, point 6).
    reply: { cpinWithoutOk: true },
    source: 'field notes 6; ModemManager sierra plugin',
  },
  {
    id: 'telit',
    name: 'Telit (LE910, HE910)',
    match: { manufacturer: /telit/i },
    init: [],
    silenceUrcs: [],
    iccidCommands: ['AT#CCID', 'AT+CCID'],
    ussd: { encodings: ['plain', 'ucs2-hex'] },
    reply: {},
    source: 'ModemManager telit plugin',
  },
  {
    id: 'wavecom',
    name: 'Wavecom / Sierra AirPrime',
    match: { manufacturer: /wavecom/i },
    init: [],
    silenceUrcs: [],
    iccidCommands: ['AT+CCID'],
    ussd: { encodings: ['plain'] },
    reply: { cpinWithoutOk: true },
    source: 'field notes 6',
  },
];

/**
 * The profile of a modem from its +CGMI and +CGMM answers; generic when none matches. `profiles`
 * is the table to search (the built-in one unless a caller brings its own).
 */
export function matchModemProfile(
  manufacturer: string,
  model: string,
  profiles: readonly ModemProfile[] = modemProfiles,
): ModemProfile {
  return (
    profiles.find(
      ({ match }) =>
        (match.manufacturer === undefined || match.manufacturer.test(manufacturer)) &&
        (match.model === undefined || match.model.test(model)),
    ) ?? genericProfile
  );
}
