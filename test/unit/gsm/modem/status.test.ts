import { describe, expect, it } from 'vitest';
import type { RegistrationStatus } from '../../../../electron/gsm/modem';
import { ModemError } from '../../../../electron/gsm/modem';
import { type Answers, cme, error, ICCID, IMEI, IMSI, ok, openFake, reply } from './helpers';

describe('registration', () => {
  it.each<[string, Answers, RegistrationStatus]>([
    [
      'registered at home, short answer form (<n>,<stat>)',
      { 'AT+CREG?': reply('+CREG: 0,1'), 'AT+CGREG?': error },
      { state: 'registered-home', technology: 'umts' },
    ],
    [
      'roaming, long answer form with location and technology',
      { 'AT+CREG?': reply('+CREG: 2,5,"1A2B","00C3D4E5",2'), 'AT+CGREG?': error },
      { state: 'registered-roaming', technology: 'umts', lac: 0x1a2b, cellId: 0xc3d4e5 },
    ],
    [
      'registered at home, answered in the unsolicited form (<stat>,<lac>,<ci>)',
      { 'AT+CREG?': reply('+CREG: 1,"1A2B","3C4D"'), 'AT+CGREG?': error },
      { state: 'registered-home', technology: 'umts', lac: 0x1a2b, cellId: 0x3c4d },
    ],
    [
      'roaming on GSM',
      { 'AT+CREG?': reply('+CREG: 2,5,"0F01","1234",0'), 'AT+CGREG?': reply('+CGREG: 0,5') },
      { state: 'registered-roaming', technology: 'gsm', lac: 0x0f01, cellId: 0x1234 },
    ],
    [
      'denied by the network',
      { 'AT+CREG?': reply('+CREG: 0,3'), 'AT+CGREG?': reply('+CGREG: 0,3') },
      { state: 'denied' },
    ],
    [
      'still searching',
      { 'AT+CREG?': reply('+CREG: 0,2'), 'AT+CGREG?': reply('+CGREG: 0,3') },
      { state: 'searching' },
    ],
    [
      'not registered and not searching',
      { 'AT+CREG?': reply('+CREG: 0,0'), 'AT+CGREG?': reply('+CGREG: 0,0') },
      { state: 'not-registered' },
    ],
    [
      'registered on LTE only, via +CEREG',
      {
        'AT+CREG?': reply('+CREG: 0,0'),
        'AT+CGREG?': reply('+CGREG: 0,4'),
        'AT+CEREG?': reply('+CEREG: 2,1,"00A1","01B2C3D4",7'),
      },
      { state: 'registered-home', technology: 'lte', lac: 0xa1, cellId: 0x1b2c3d4 },
    ],
    [
      'registered on LTE, +CEREG without its technology field',
      { 'AT+CREG?': error, 'AT+CGREG?': error, 'AT+CEREG?': reply('+CEREG: 0,5') },
      { state: 'registered-roaming', technology: 'lte' },
    ],
    [
      'registered in both domains: the LTE cell is reported',
      {
        'AT+CREG?': reply('+CREG: 2,1,"0F01","1234",0'),
        'AT+CGREG?': error,
        'AT+CEREG?': reply('+CEREG: 2,1,"00A1","01B2C3D4",7'),
      },
      { state: 'registered-home', technology: 'lte', lac: 0xa1, cellId: 0x1b2c3d4 },
    ],
    [
      'registered on 2G while out of LTE coverage',
      {
        'AT+CREG?': reply('+CREG: 2,1,"0F01","1234",3'),
        'AT+CGREG?': reply('+CGREG: 0,1'),
        'AT+CEREG?': reply('+CEREG: 0,4'),
      },
      { state: 'registered-home', technology: 'gsm', lac: 0x0f01, cellId: 0x1234 },
    ],
    [
      'emergency calls only is not a registration',
      { 'AT+CREG?': reply('+CREG: 0,8'), 'AT+CGREG?': error },
      { state: 'not-registered' },
    ],
    [
      'a 2G/3G modem answering ERROR to +CEREG?',
      { 'AT+CREG?': reply('+CREG: 0,1'), 'AT+CGREG?': reply('+CGREG: 0,1'), 'AT+CEREG?': error },
      { state: 'registered-home', technology: 'umts' },
    ],
    [
      'a modem answering no registration at all',
      { 'AT+CREG?': error, 'AT+CGREG?': error, 'AT+CEREG?': error },
      { state: 'unknown' },
    ],
    [
      'a modem answering OK without a registration line',
      { 'AT+CREG?': ok, 'AT+CGREG?': ok, 'AT+CEREG?': ok },
      { state: 'unknown' },
    ],
  ])('%s', async (_label, answers, expected) => {
    const { modem } = await openFake(answers);
    expect(await modem.registration()).toEqual(expected);
  });

  it('a registration URC in the middle of the answers does not disturb them', async () => {
    const { modem } = await openFake({
      'AT+CREG?': `\r\n+CREG: 2\r\n${reply('+CREG: 0,5')}`,
      'AT+CGREG?': error,
    });
    expect(await modem.registration()).toEqual({ state: 'registered-roaming', technology: 'umts' });
  });

  it.each<[string, Answers, RegistrationStatus]>([
    [
      'a Qualcomm answer with spaces inside the quoted LAC and CI reads as registered',
      { 'AT+CREG?': reply('+CREG: 2,1," 1A2B","  00C3F"'), 'AT+CGREG?': error },
      { state: 'registered-home', technology: 'umts', lac: 0x1a2b, cellId: 0xc3f },
    ],
    [
      'a LAC that is not hex is dropped, the state kept',
      { 'AT+CREG?': reply('+CREG: 2,5,"----","00C3F"'), 'AT+CGREG?': error },
      {
        state: 'registered-roaming',
        technology: 'umts',
        cellId: 0xc3f,
        warnings: ['LAC "----" is not hex: left out'],
      },
    ],
  ])('%s', async (_label, answers, expected) => {
    const { modem } = await openFake(answers);
    expect(await modem.registration()).toEqual(expected);
  });
});

describe('the access technology when the registration answers do not carry it', () => {
  it.each<[string, string, RegistrationStatus]>([
    [
      'LTE by +COPS? <AcT> 7',
      reply('+COPS: 0,0,"Orange F",7'),
      { state: 'registered-home', technology: 'lte' },
    ],
    [
      'GSM by +COPS? <AcT> 0',
      reply('+COPS: 0,2,"54601",0'),
      { state: 'registered-home', technology: 'gsm' },
    ],
    ['none when +COPS? has no <AcT>', reply('+COPS: 0,0,"Orange F"'), { state: 'registered-home' }],
    ['none when +COPS? is refused', error, { state: 'registered-home' }],
  ])('%s', async (_label, cops, expected) => {
    const { modem, received } = await openFake({
      'AT+CREG?': reply('+CREG: 0,1'),
      'AT+CGREG?': error,
      'AT+COPS?': cops,
    });
    const before = received.length;
    expect(await modem.registration()).toEqual(expected);
    expect(received.slice(before)).toEqual(['AT+CREG?', 'AT+CGREG?', 'AT+CEREG?', 'AT+COPS?']);
  });

  it('is not asked when a registration answer carries it, nor when not registered', async () => {
    const registered = await openFake({
      'AT+CREG?': reply('+CREG: 2,1,"0F01","1234",0'),
      'AT+CGREG?': error,
    });
    const before = registered.received.length;
    expect(await registered.modem.registration()).toMatchObject({ technology: 'gsm' });
    expect(registered.received.slice(before)).not.toContain('AT+COPS?');

    const searching = await openFake({ 'AT+CREG?': reply('+CREG: 0,2'), 'AT+CGREG?': error });
    const start = searching.received.length;
    expect(await searching.modem.registration()).toEqual({ state: 'searching' });
    expect(searching.received.slice(start)).not.toContain('AT+COPS?');
  });
});

describe('signal', () => {
  it.each([
    ['+CSQ: 18,99', { csq: 18, dbm: -77, bars: 3 }],
    ['+CSQ: 31,0', { csq: 31, dbm: -51, bars: 4 }],
    ['+CSQ: 0,0', { csq: 0, dbm: -113, bars: 0 }],
    ['+CSQ: 99,99', { csq: 99, dbm: null, bars: 0 }],
  ])('%s reads as %j', async (line, expected) => {
    const { modem } = await openFake({ 'AT+CSQ': reply(line) });
    expect(await modem.signal()).toEqual(expected);
  });

  it('a modem refusing +CSQ gives an unknown signal', async () => {
    const { modem } = await openFake({ 'AT+CSQ': error });
    expect(await modem.signal()).toEqual({ csq: 99, dbm: null, bars: 0 });
  });
});

describe('operator', () => {
  it('asks for the long name, then reads it', async () => {
    const { modem, received } = await openFake({
      'AT+COPS?': reply('+COPS: 0,0,"Orange F",7'),
    });
    const sentBefore = received.length;
    expect(await modem.operator()).toBe('Orange F');
    expect(received.slice(sentBefore)).toEqual(['AT+COPS=3,0', 'AT+COPS?']);
  });

  it.each<[string, string, string | null]>([
    ['no operator while not registered', reply('+COPS: 0'), null],
    ['no operator when the modem refuses', error, null],
    ['an operator name with a comma', reply('+COPS: 0,0,"Vodafone, IT",2'), 'Vodafone, IT'],
  ])('%s', async (_label, answer, expected) => {
    const { modem } = await openFake({ 'AT+COPS?': answer });
    expect(await modem.operator()).toBe(expected);
  });

  it('a modem refusing the long-name format still says its operator', async () => {
    const { modem } = await openFake({
      'AT+COPS=3,0': error,
      'AT+COPS?': reply('+COPS: 0,2,"20801",7'),
    });
    expect(await modem.operator()).toBe('20801');
  });
});

describe('info', () => {
  it('is everything at once, in the shape `comptoir modem info --json` prints', async () => {
    const { modem } = await openFake({
      'AT+CEREG?': reply('+CEREG: 2,1,"00A1","01B2C3D4",7'),
      'AT+COPS?': reply('+COPS: 0,0,"Orange F",7'),
      'AT+CSQ': reply('+CSQ: 99,99'),
    });
    const info = JSON.parse(JSON.stringify(await modem.info()));
    expect(info).toEqual({
      manufacturer: 'Acme Wireless',
      model: 'AW-100',
      revision: 'AW100_V1.2.3',
      imei: IMEI,
      imsi: IMSI,
      iccid: ICCID,
      sim: 'ready',
      registration: { state: 'registered-home', technology: 'lte', lac: 0xa1, cellId: 0x1b2c3d4 },
      operator: 'Orange F',
      signal: { csq: 99, dbm: null, bars: 0 },
    });
    expect(Object.keys(info)).toEqual([
      'manufacturer',
      'model',
      'revision',
      'imei',
      'imsi',
      'iccid',
      'sim',
      'registration',
      'operator',
      'signal',
    ]);
  });

  it('of a modem whose SIM still wants its PIN has no IMSI and says pin-required', async () => {
    const { modem } = await openFake({ 'AT+CPIN?': reply('+CPIN: SIM PIN') });
    expect(await modem.info()).toMatchObject({ sim: 'pin-required', imsi: null, iccid: ICCID });
  });

  it('picks up the IMSI of a SIM that became ready after opening', async () => {
    const { modem } = await openFake({
      // Busy through the 20 s of start-up, ready when asked again.
      'AT+CPIN?': [...Array<string>(12).fill(cme(14)), reply('+CPIN: READY')],
    });
    expect(modem.identity.imsi).toBeNull();
    expect((await modem.info()).imsi).toBe(IMSI);
    expect(modem.identity.imsi).toBe(IMSI);
  });
});

describe('a modem that goes away', () => {
  it('fails its queries with ModemError disconnected', async () => {
    const { modem, modemSide } = await openFake();
    await modemSide.close();
    const failure = await modem.signal().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ModemError);
    expect((failure as ModemError).code).toBe('disconnected');
  });
});
