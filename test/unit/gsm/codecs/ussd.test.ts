import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeUssdAnswer,
  encodeUcs2Hex,
  matchUssdRule,
  packUssd,
  USSD_RULES,
  type UssdCharset,
} from '../../../../electron/gsm/codecs';

const asciiHex = (text: string) => Buffer.from(text, 'latin1').toString('hex').toUpperCase();

interface Case {
  fact: string;
  str: string;
  dcs: number | null;
  charset: UssdCharset;
  rule: string;
  text: string;
}

// One or more facts per rule of USSD_RULES, in table order.
const cases: Case[] = [
  {
    fact: 'UCS2 hex under DCS 0x48 is decoded as UCS2',
    str: '0414043B044F00200441043F044004300432043A0438',
    dcs: 0x48,
    charset: 'IRA',
    rule: 'dcs-ucs2',
    text: 'Для справки',
  },
  {
    fact: 'DCS 0x11 drops the two packed language letters before the UCS2 text',
    str: `6537${encodeUcs2Hex('Hi')}`,
    dcs: 0x11,
    charset: 'IRA',
    rule: 'dcs-ucs2',
    text: 'Hi',
  },
  {
    fact: 'DCS 0x11 without a language in front is decoded whole',
    str: encodeUcs2Hex('Hi'),
    dcs: 0x11,
    charset: 'IRA',
    rule: 'dcs-ucs2',
    text: 'Hi',
  },
  {
    fact: '8-bit data under DCS 0x44 is read as UTF-8 when it is valid UTF-8',
    str: '536F6C646520C3A9',
    dcs: 0x44,
    charset: 'IRA',
    rule: 'dcs-8bit',
    text: 'Solde é',
  },
  {
    fact: '8-bit data that is not UTF-8 is read as Latin-1',
    str: '536F6C646520E9',
    dcs: 0x44,
    charset: 'IRA',
    rule: 'dcs-8bit',
    text: 'Solde é',
  },
  {
    fact: 'a compressed answer is shown as it came',
    str: 'A1B2C3',
    dcs: 0x60,
    charset: 'IRA',
    rule: 'dcs-compressed',
    text: 'A1B2C3',
  },
  {
    fact: 'with +CSCS="UCS2" a DCS 15 answer is UCS2 hex',
    str: encodeUcs2Hex('Solde: 1 250 XPF'),
    dcs: 15,
    charset: 'UCS2',
    rule: 'charset-ucs2',
    text: 'Solde: 1 250 XPF',
  },
  {
    fact: 'with +CSCS="UCS2" an answer may mix scripts',
    str: encodeUcs2Hex('Баланс / 余额: 1 250 XPF'),
    dcs: 15,
    charset: 'UCS2',
    rule: 'charset-ucs2',
    text: 'Баланс / 余额: 1 250 XPF',
  },
  {
    fact: 'a bare amount is not mistaken for hex',
    str: '5000',
    dcs: 15,
    charset: 'IRA',
    rule: 'amount',
    text: '5000',
  },
  {
    fact: 'with +CSCS="HEX" a GSM 7-bit answer is one octet per septet ("@" is 00)',
    str: '652D6D61696C3A2061006F70742E6E63',
    dcs: 15,
    charset: 'HEX',
    rule: 'charset-hex-septets',
    text: 'e-mail: a@opt.nc',
  },
  {
    fact: 'hex-encoded ASCII under DCS 0 is read as ASCII',
    str: asciiHex('Your balance is 1000 XPF'),
    dcs: 0,
    charset: 'IRA',
    rule: 'ascii-hex',
    text: 'Your balance is 1000 XPF',
  },
  {
    fact: 'UCS2 hex of an amount is read as UCS2, not as a number',
    str: '0035003000300030',
    dcs: 15,
    charset: 'IRA',
    rule: 'ucs2-under-gsm-dcs',
    text: '5000',
  },
  {
    fact: 'Cyrillic UCS2 hex under DCS 15 is read as UCS2',
    str: encodeUcs2Hex('Ваш баланс 100 руб.'),
    dcs: 15,
    charset: 'IRA',
    rule: 'ucs2-under-gsm-dcs',
    text: 'Ваш баланс 100 руб.',
  },
  {
    fact: 'Chinese UCS2 hex under DCS 15 is read as UCS2',
    str: encodeUcs2Hex('您的余额为1250太平洋法郎。'),
    dcs: 15,
    charset: 'GSM',
    rule: 'ucs2-under-gsm-dcs',
    text: '您的余额为1250太平洋法郎。',
  },
  {
    fact: 'packed GSM 7-bit hex under DCS 15 is unpacked (Huawei)',
    str: packUssd('Votre solde est de 1 250 XPF.\n1. Recharger\n2. Forfaits'),
    dcs: 15,
    charset: 'GSM',
    rule: 'huawei-packed',
    text: 'Votre solde est de 1 250 XPF.\n1. Recharger\n2. Forfaits',
  },
  {
    fact: 'packed GSM 7-bit hex with no DCS at all is unpacked too',
    str: packUssd('Solde: 500 XPF'),
    dcs: null,
    charset: 'IRA',
    rule: 'huawei-packed',
    text: 'Solde: 500 XPF',
  },
  {
    fact: 'with +CSCS="GSM" raw code points are mapped: "~" is ü, "{" is ä',
    str: 'Guthaben f~r Anrufe: 5 Euro, g{ltig',
    dcs: 15,
    charset: 'GSM',
    rule: 'gsm-code-points',
    text: 'Guthaben für Anrufe: 5 Euro, gältig',
  },
  {
    fact: 'plain text with commas and line breaks is kept whole',
    str: 'Solde: 1 250 XPF, valable 30 jours.\n1. Recharger\n2. Aide',
    dcs: 15,
    charset: 'IRA',
    rule: 'plain',
    text: 'Solde: 1 250 XPF, valable 30 jours.\n1. Recharger\n2. Aide',
  },
  {
    fact: 'the same "~" under +CSCS="IRA" is a tilde',
    str: 'f~r',
    dcs: 15,
    charset: 'IRA',
    rule: 'plain',
    text: 'f~r',
  },
  {
    fact: 'a long number is a number, not hex-encoded ASCII ("hq#E")',
    str: '68712345',
    dcs: 15,
    charset: 'GSM',
    rule: 'plain',
    text: '68712345',
  },
  {
    fact: 'a date is a date, not packed GSM 7-bit (" LD@")',
    str: '20261130',
    dcs: 15,
    charset: 'IRA',
    rule: 'plain',
    text: '20261130',
  },
  {
    fact: 'digits-only hex that reads as words is still text ("500 XPF")',
    str: '35303020585046',
    dcs: 15,
    charset: 'GSM',
    rule: 'ascii-hex',
    text: '500 XPF',
  },
  {
    fact: 'digits-only UCS2 hex that reads as words is still text',
    str: '00350030003000200058005000460020003400300031',
    dcs: 15,
    charset: 'GSM',
    rule: 'ucs2-under-gsm-dcs',
    text: '500 XPF 401',
  },
  {
    fact: 'a single hex octet is a word, not a packed answer',
    str: 'DE',
    dcs: 15,
    charset: 'IRA',
    rule: 'plain',
    text: 'DE',
  },
  {
    fact: 'an empty answer stays empty',
    str: '',
    dcs: 15,
    charset: 'IRA',
    rule: 'plain',
    text: '',
  },
];

describe('reading a USSD answer', () => {
  it.each(cases.map((c) => [c.fact, c] as const))('%s', (_, { str, dcs, charset, rule, text }) => {
    const match = matchUssdRule(str, dcs, charset);
    expect({ rule: match.rule.name, text: match.text }).toEqual({ rule, text });
    expect(decodeUssdAnswer(str, dcs, charset)).toEqual({ text, decodedAs: match.rule.decodedAs });
  });

  it('every rule of the table is exercised by a case above', () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(USSD_RULES.map((rule) => rule.name)));
  });

  it('the rules are tried in this order: what the DCS declares first, guesses last', () => {
    expect(USSD_RULES.map((rule) => rule.name)).toEqual([
      'dcs-ucs2',
      'dcs-8bit',
      'dcs-compressed',
      'charset-ucs2',
      'amount',
      'charset-hex-septets',
      'ascii-hex',
      'ucs2-under-gsm-dcs',
      'huawei-packed',
      'gsm-code-points',
      'plain',
    ]);
    for (const rule of USSD_RULES) expect(rule.when.length).toBeGreaterThan(10);
  });

  it('DCS 0x10 drops the two-letter language and its CR', () => {
    expect(decodeUssdAnswer('fr\rSolde: 500 XPF', 0x10, 'IRA').text).toBe('Solde: 500 XPF');
    expect(decodeUssdAnswer(packUssd('en\rBalance: 500'), 0x10, 'GSM').text).toBe('Balance: 500');
  });

  it('an undefined DCS (the modem sent none) is the same as null', () => {
    expect(decodeUssdAnswer(packUssd('Solde: 500 XPF'), undefined, 'IRA').text).toBe(
      'Solde: 500 XPF',
    );
  });
});

// Carrier-like answers: Latin words plus at most one other script, numbers and menu marks.
const LATIN = [
  'Votre',
  'solde',
  'est',
  'de',
  'XPF',
  'Your',
  'balance',
  'is',
  'valid',
  'until',
  'recharge',
  'réussie',
  'Merci',
  'forfait',
  'data',
  'Guthaben',
  'für',
  'beträgt',
  'Euro',
  'où',
  'Menu:',
  'Rép.',
  '€',
];
const OTHER = [
  ['Ваш', 'баланс', 'руб', 'Услуга'],
  ['您的', '余额', '为', '太平洋法郎', '。', '充值', '成功'],
  ['ยอดเงิน', 'บาท'],
  ['رصيدك', 'ريال'],
  ['잔액', '원'],
];
const FILLER = ['1', '250', '30/06/2025', '*100#', '1.', '2.', '\n', '-', '(1000)'];
const answer = fc
  .constantFrom(...OTHER)
  .chain((script) =>
    fc.tuple(
      fc.array(fc.constantFrom(...LATIN, ...script), { minLength: 3, maxLength: 12 }),
      fc.array(fc.constantFrom(...FILLER), { maxLength: 5 }),
    ),
  )
  .chain(([words, filler]) =>
    fc.shuffledSubarray([...words, ...filler], { minLength: words.length + filler.length }),
  )
  .map((parts) => parts.join(' '));

describe('the sanity checks tell the readings apart', () => {
  // The checks are heuristics, so this is a measured claim, not a law: a fixed seed keeps the
  // suite deterministic. Short answers (one or two words) can be ambiguous and are left out.
  it('a carrier answer decodes back whichever way a lying modem printed it', () => {
    fc.assert(
      fc.property(answer, fc.constantFrom<UssdCharset>('GSM', 'IRA'), (text, charset) => {
        expect(decodeUssdAnswer(encodeUcs2Hex(text), 15, charset).text).toBe(text);
        if (charset === 'IRA') expect(decodeUssdAnswer(text, 15, charset).text).toBe(text);
        if (/^[\x20-\x7e\n]*$/.test(text))
          expect(decodeUssdAnswer(asciiHex(text), 0, charset).text).toBe(text);
        try {
          expect(decodeUssdAnswer(packUssd(text), 15, charset).text).toBe(text);
        } catch (error) {
          if (!(error instanceof Error && 'code' in error && error.code === 'unencodable'))
            throw error;
        }
      }),
      { seed: 20250501, numRuns: 2000 },
    );
  });
});
