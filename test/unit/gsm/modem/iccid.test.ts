import { describe, expect, it } from 'vitest';
import { iccidFromAnswer } from '../../../../electron/gsm/modem-start';
import { type Answers, error, openFake, reply } from './helpers';

const cpinWithoutOk = '\r\n+CPIN: READY\r\n';

describe("each vendor's ICCID", () => {
  it.each<[string, string, Answers, string, string]>([
    [
      'Huawei, nibbles swapped',
      'huawei',
      {
        'AT+CGMI': reply('huawei'),
        'AT+CGMM': reply('E3372'),
        'AT^CURC=0': reply(),
        'AT^ICCID?': reply('^ICCID: 98335110325476981062'),
      },
      'AT^ICCID?',
      '89331501234567890126',
    ],
    [
      'ZTE',
      'zte',
      {
        'AT+CGMI': reply('ZTE CORPORATION'),
        'AT+CGMM': reply('MF190'),
        'AT+ZGETICCID': reply('+ZGETICCID: 89860318760249961878'),
      },
      'AT+ZGETICCID',
      '89860318760249961878',
    ],
    [
      'ZTE, read raw from the SIM with +CRSM',
      'zte',
      {
        'AT+CGMI': reply('ZTE CORPORATION'),
        'AT+CGMM': reply('MF626'),
        'AT+CRSM=176,12258,0,0,10': reply('+CRSM: 144,0,"98683081672094698187"'),
      },
      'AT+CRSM=176,12258,0,0,10',
      '89860318760249961878',
    ],
    [
      'Quectel, 19 digits padded with F',
      'quectel',
      {
        'AT+CGMI': reply('Quectel'),
        'AT+CGMM': reply('EC25'),
        'AT+QCCID': reply('+QCCID: 8934000000000000002F'),
      },
      'AT+QCCID',
      '8934000000000000002',
    ],
    [
      'SIMCom, bare digits',
      'simcom',
      {
        'AT+CGMI': reply('SIMCOM_Ltd'),
        'AT+CGMM': reply('SIMCOM_SIM800C'),
        'AT+CCID': reply('89445012345678901238'),
      },
      'AT+CCID',
      '89445012345678901238',
    ],
    [
      'Sierra Wireless',
      'sierra',
      {
        'AT+CGMI': reply('Sierra Wireless, Incorporated'),
        'AT+CGMM': reply('MC7710'),
        'AT+CPIN?': cpinWithoutOk,
        'AT!ICCID?': reply('ICCID: 89391045200012345674'),
      },
      'AT!ICCID?',
      '89391045200012345674',
    ],
    [
      'Telit',
      'telit',
      {
        'AT+CGMI': reply('Telit'),
        'AT+CGMM': reply('LE910C1-EU'),
        'AT#CCID': reply('#CCID: 89012601234567890121'),
      },
      'AT#CCID',
      '89012601234567890121',
    ],
    [
      'Wavecom, quoted',
      'wavecom',
      {
        'AT+CGMI': reply('WAVECOM MODEM'),
        'AT+CGMM': reply('MULTIBAND  900E  1800'),
        'AT+CPIN?': cpinWithoutOk,
        'AT+CCID': reply('+CCID: "89352010000000000015"'),
      },
      'AT+CCID',
      '89352010000000000015',
    ],
    [
      'a generic modem that only knows +ICCID',
      'generic',
      { 'AT+CCID': error, 'AT+ICCID': reply('+ICCID: 89332012345678901238') },
      'AT+ICCID',
      '89332012345678901238',
    ],
  ])(
    '%s: the profile’s ICCID commands are tried in order until %s answers',
    async (_label, profileId, answers, winner, iccid) => {
      const { modem, received } = await openFake(answers);
      expect(modem.profile.id).toBe(profileId);
      expect(modem.identity.iccid).toBe(iccid);
      const commands = modem.profile.iccidCommands;
      const tried = received.filter((command) => commands.includes(command));
      expect(tried).toEqual(commands.slice(0, commands.indexOf(winner) + 1));
      expect(modem.warnings).toEqual([]);
    },
  );

  it('no ICCID command answering leaves the ICCID null, with a warning', async () => {
    const { modem } = await openFake({ 'AT+CCID': error });
    expect(modem.identity.iccid).toBeNull();
    expect(modem.warnings).toEqual([
      'No ICCID: none of AT+CCID, AT+ICCID, AT^ICCID?, AT+QCCID, AT#CCID, AT!ICCID? answered with one',
    ]);
  });

  it('an answer with no ICCID in it moves on to the next command', async () => {
    const { modem } = await openFake({
      'AT+CCID': reply('+CCID: 0'),
      'AT+ICCID': reply('+ICCID: 89332012345678901238'),
    });
    expect(modem.identity.iccid).toBe('89332012345678901238');
  });
});

describe('iccidFromAnswer', () => {
  it.each<[string[], string | null]>([
    [['+CCID: 89331501234567890126'], '89331501234567890126'],
    [['89331501234567890126'], '89331501234567890126'],
    [['^ICCID: 98335110325476981062'], '89331501234567890126'],
    [['#CCID: 89331501234567890126'], '89331501234567890126'],
    [['+ZGETICCID: 89331501234567890126'], '89331501234567890126'],
    [['!ICCID: 89331501234567890126'], '89331501234567890126'],
    [['+CRSM: 144,0,"98335110325476981062"'], '89331501234567890126'],
    [['+CRSM: 144,0,98335110325476981062'], '89331501234567890126'],
    // 0x94 0x04: file not found; 0x6F: technical problem.
    [['+CRSM: 148,4,""'], null],
    [['+CRSM: 111,0,"98335110325476981062"'], null],
    [['+CRSM: 144,0'], null],
    [['some noise', '+CCID: 89331501234567890126'], '89331501234567890126'],
    [['+CCID: 12'], null],
    [['ERROR'], null],
    [[], null],
  ])('%j → %s', (lines, iccid) => {
    expect(iccidFromAnswer(lines)).toBe(iccid);
  });
});
