/**
 * Decodes the text of a USSD answer, `+CUSD: <m>,"<str>",<dcs>`. The DCS is the cell-broadcast
 * scheme (TS 23.038 §5) and the string is in the modem's +CSCS charset, except when the modem
 * lies (field notes, point 11): Huawei sticks print packed GSM 7-bit as hex, some modems print
 * UCS2 hex or hex-encoded ASCII under DCS 15 or 0, others raw GSM code points. So the answer is
 * read by the first rule of a table that fits; each rule says which case it is for.
 */
import { decodeGsm7, unpackSeptets, unpackUssd } from './gsm7';
import { hexToBytes, isHex } from './hex';
import { type CbsDcs, parseCbsDcs } from './pdu/dcs';
import { looksLikeAsciiText, looksLikeGsmText, looksLikeUcs2Text } from './text-shape';
import { decodeUcs2 } from './ucs2';

/** The modem's `AT+CSCS` setting when the answer was read. */
export type UssdCharset = 'GSM' | 'IRA' | 'UCS2' | 'HEX';

type UssdDecoding =
  | 'text'
  | 'gsm-code-points'
  | 'gsm7-packed-hex'
  | 'gsm7-septets-hex'
  | 'ascii-hex'
  | 'ucs2-hex'
  | '8bit-hex';

interface UssdText {
  text: string;
  decodedAs: UssdDecoding;
}

interface UssdInput {
  str: string;
  dcs: CbsDcs | null;
  charset: UssdCharset;
  /** The string's octets when it is an even run of hex digits, else null. */
  bytes: Uint8Array | null;
  /**
   * The same octets when there are enough of them to guess an encoding the DCS does not
   * declare: a single octet ("DE", "0A") is more likely a word than a packed answer.
   */
  guessable: Uint8Array | null;
  /** Only digits: an amount, a date or a number as often as it is hex (see readsAsWords). */
  digitsOnly: boolean;
}

interface UssdRule {
  /** A short id, for tests and logs. */
  name: string;
  decodedAs: UssdDecoding;
  /** The situation the rule is for, as a fact about modems. */
  when: string;
  /** The text, or null when the rule does not fit this answer. */
  decode(input: UssdInput): string | null;
}

const MIN_GUESSABLE_OCTETS = 2;
/** Up to this many digits a digit-only answer is an amount, never hex. */
const MAX_AMOUNT_DIGITS = 7;

/**
 * A guess from digits only must read as words with a space between them ("500 XPF" from
 * 35303020585046): "20261130" is a date, not " LD@", and "68712345" a number, not "hq#E".
 */
const readsAsWords = (text: string) => /^[^\s\p{Cc}]+(?: [^\s\p{Cc}]+)+$/u.test(text);

/**
 * A guessing rule's reading, unless it came from digits only and does not read as words.
 * `certain`: the octets carry a pattern digits rarely make by chance (UCS2 units 00xx).
 */
const guessed = (input: UssdInput, text: string | null, certain = false) =>
  text !== null && (!input.digitsOnly || certain || readsAsWords(text)) ? text : null;

const latinUnits = (bytes: Uint8Array | null) =>
  bytes?.every((byte, index) => index % 2 === 1 || byte === 0) === true;

const evenUnits = (bytes: Uint8Array | null): bytes is Uint8Array =>
  bytes !== null && bytes.length > 0 && bytes.length % 2 === 0;

export const USSD_RULES: readonly UssdRule[] = [
  {
    name: 'dcs-ucs2',
    decodedAs: 'ucs2-hex',
    when: 'the DCS says UCS2 (0x48, 0x11...) and the modem printed its units as hex',
    decode: ({ dcs, bytes }) =>
      dcs?.alphabet === 'ucs2' && evenUnits(bytes) ? ucs2Answer(bytes, dcs) : null,
  },
  {
    name: 'dcs-8bit',
    decodedAs: '8bit-hex',
    when: 'the DCS says 8-bit data (0x44...), which TS 27.007 prints as hex octets',
    decode: ({ dcs, bytes }) => (dcs?.alphabet === '8bit' && bytes ? octetsAnswer(bytes) : null),
  },
  {
    name: 'dcs-compressed',
    decodedAs: 'text',
    when: 'the DCS says compressed (TS 23.042): nothing to decode with, show what came',
    decode: ({ dcs, str }) => (dcs?.compressed ? str : null),
  },
  {
    name: 'charset-ucs2',
    decodedAs: 'ucs2-hex',
    when: 'with +CSCS="UCS2" the modem converts every answer to UCS2 hex, even under DCS 15',
    decode: ({ charset, bytes }) => (charset === 'UCS2' ? plausibleUcs2(bytes, true) : null),
  },
  {
    name: 'amount',
    decodedAs: 'text',
    when: 'a short run of digits ("5000") is an amount, not hex that happens to decode',
    decode: ({ str }) => (/^[0-9]+$/.test(str) && str.length <= MAX_AMOUNT_DIGITS ? str : null),
  },
  {
    name: 'charset-hex-septets',
    decodedAs: 'gsm7-septets-hex',
    when: 'with +CSCS="HEX" a GSM 7-bit answer comes as one hex octet per septet',
    decode: ({ charset, guessable }) => {
      if (charset !== 'HEX' || !guessable?.every((b) => b < 0x80)) return null;
      const text = decodeGsm7(Array.from(guessable));
      return looksLikeGsmText(text) ? text : null;
    },
  },
  {
    name: 'ascii-hex',
    decodedAs: 'ascii-hex',
    when: 'some modems print plain text as hex-encoded ASCII under DCS 0 or 15',
    decode: (input) =>
      input.guessable && looksLikeAsciiText(input.guessable)
        ? guessed(input, Buffer.from(input.guessable).toString('latin1'))
        : null,
  },
  {
    name: 'ucs2-under-gsm-dcs',
    decodedAs: 'ucs2-hex',
    when: 'some modems print UCS2 hex under DCS 15 whatever the charset',
    decode: (input) => guessed(input, plausibleUcs2(input.guessable), latinUnits(input.guessable)),
  },
  {
    name: 'huawei-packed',
    decodedAs: 'gsm7-packed-hex',
    when: 'Huawei-style modems print the packed GSM 7-bit octets as hex under DCS 15',
    decode: (input) => {
      if (!input.guessable) return null;
      const text = unpackUssd(input.str);
      return looksLikeGsmText(text) ? guessed(input, text) : null;
    },
  },
  {
    name: 'gsm-code-points',
    decodedAs: 'gsm-code-points',
    when: 'with +CSCS="GSM" the septet values arrive as bytes: "{" is ä, "~" is ü, "$" is ¤',
    decode: ({ charset, str }) => {
      const codes = Array.from(str, (char) => char.charCodeAt(0));
      if (charset !== 'GSM' || codes.some((code) => code > 0x7f)) return null;
      const text = decodeGsm7(codes);
      return text !== str ? text : null;
    },
  },
  {
    name: 'plain',
    decodedAs: 'text',
    when: 'otherwise the modem already decoded the answer into its charset',
    decode: ({ str }) => str,
  },
];

/**
 * Decodes the quoted string of a +CUSD answer. `dcs` is null/undefined when the modem sent
 * none. Never throws: an answer no rule can read comes back as it arrived, marked 'text'.
 */
export function decodeUssdAnswer(
  str: string,
  dcs: number | null | undefined,
  charset: UssdCharset,
): UssdText {
  const { rule, text } = matchUssdRule(str, dcs, charset);
  return { text, decodedAs: rule.decodedAs };
}

/** The first rule of USSD_RULES that reads the answer, and its reading. */
export function matchUssdRule(
  str: string,
  dcs: number | null | undefined,
  charset: UssdCharset,
): { rule: UssdRule; text: string } {
  const bytes = str.length > 0 && isHex(str) ? hexToBytes(str) : null;
  const scheme = dcs === null || dcs === undefined ? null : parseCbsDcs(dcs);
  const input: UssdInput = {
    str,
    dcs: scheme,
    charset,
    bytes,
    guessable: bytes && bytes.length >= MIN_GUESSABLE_OCTETS ? bytes : null,
    digitsOnly: /^[0-9]+$/.test(str),
  };
  for (const rule of USSD_RULES) {
    const text = rule.decode(input);
    if (text !== null) return { rule, text: withoutLanguage(text, scheme) };
  }
  throw new Error('The last USSD rule reads every answer'); // unreachable by construction
}

/** DCS 0x10 puts two letters of language and a CR before the text (TS 23.038 §5). */
function withoutLanguage(text: string, dcs: CbsDcs | null): string {
  return dcs?.languagePrefix === 'gsm7' ? text.replace(/^[A-Za-z]{2}\r/, '') : text;
}

/** DCS 0x11: two GSM 7-bit letters packed in two octets, then UCS2. */
function ucs2Answer(bytes: Uint8Array, dcs: CbsDcs): string {
  if (dcs.languagePrefix === 'ucs2' && bytes.length >= 2) {
    const language = decodeGsm7(unpackSeptets(bytes.subarray(0, 2), 2));
    if (/^[A-Za-z]{2}$/.test(language)) return decodeUcs2(bytes.subarray(2));
  }
  return decodeUcs2(bytes);
}

function plausibleUcs2(bytes: Uint8Array | null, mixedScripts = false): string | null {
  if (!evenUnits(bytes)) return null;
  const text = decodeUcs2(bytes);
  return looksLikeUcs2Text(text, mixedScripts) ? text : null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** 8-bit answers: UTF-8 when they are valid UTF-8 (ASCII included), Latin-1 otherwise. */
function octetsAnswer(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}
