import { describe, expect, it } from 'vitest';
import { ModemError, openModem } from '../../../../electron/gsm/modem';
import {
  cme,
  error,
  failToOpen,
  fakeModem,
  ICCID,
  IMSI,
  instantSleep,
  ok,
  openFake,
  reply,
} from './helpers';

const wantsPin = reply('+CPIN: SIM PIN');
const ready = reply('+CPIN: READY');
const pinEntries = (received: readonly string[]) =>
  received.filter((command) => command.startsWith('AT+CPIN='));

/** Lets every byte in flight on the in-memory link arrive. */
const settle = async () => {
  for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe('a SIM that wants its PIN', () => {
  it('is unlocked with the PIN given at opening, once, and then reports its IMSI', async () => {
    const { modem, received } = await openFake(
      { 'AT+CPIN?': [wantsPin, ready], 'AT+CPIN="1234"': ok },
      { pin: '1234' },
    );
    expect(pinEntries(received)).toEqual(['AT+CPIN="1234"']);
    expect(await modem.simState()).toBe('ready');
    expect(modem.identity).toMatchObject({ imsi: IMSI, iccid: ICCID });
  });

  it('opens as pin-required when no PIN is given, without guessing one', async () => {
    const { modem, received } = await openFake({ 'AT+CPIN?': wantsPin });
    expect(await modem.simState()).toBe('pin-required');
    expect(pinEntries(received)).toEqual([]);
    expect(received).not.toContain('AT+CIMI');
    // The ICCID is readable without the PIN.
    expect(modem.identity).toMatchObject({ imsi: null, iccid: ICCID });
    expect(modem.warnings).toEqual([]);
  });

  it('a wrong PIN fails with incorrect_password, is sent only once, and is not in the message', async () => {
    const { failure, received } = await failToOpen(
      { 'AT+CPIN?': wantsPin, 'AT+CPIN="0000"': cme(16) },
      { pin: '0000' },
    );
    expect(failure).toBeInstanceOf(ModemError);
    expect((failure as ModemError).code).toBe('incorrect_password');
    expect((failure as ModemError).message).not.toContain('0000');
    expect(String((failure as ModemError).cause ?? '')).not.toContain('0000');
    expect(pinEntries(received)).toEqual(['AT+CPIN="0000"']);
  });

  it('a PIN that used the last attempt fails with sim_puk_required', async () => {
    const { failure } = await failToOpen(
      { 'AT+CPIN?': wantsPin, 'AT+CPIN="0000"': cme(12) },
      { pin: '0000' },
    );
    expect((failure as ModemError).code).toBe('sim_puk_required');
  });

  it('a PIN answered "SIM busy" was not looked at, so it is sent again', async () => {
    const { modem, received } = await openFake(
      { 'AT+CPIN?': [wantsPin, ready], 'AT+CPIN="1234"': [cme(14), ok] },
      { pin: '1234' },
    );
    expect(pinEntries(received)).toEqual(['AT+CPIN="1234"', 'AT+CPIN="1234"']);
    expect(modem.identity.imsi).toBe(IMSI);
  });

  it('a SIM busy again after its PIN is waited for before the IMSI is read', async () => {
    const { modem, pauses } = await openFake(
      { 'AT+CPIN?': [wantsPin, cme(14), ready], 'AT+CPIN="1234"': ok },
      { pin: '1234' },
    );
    expect(pauses.slice(1)).toEqual([500]);
    expect(modem.identity.imsi).toBe(IMSI);
  });

  it('an unlocked SIM gets 20 s of its own to start up again, whatever start-up used before', async () => {
    const { modem, pauses } = await openFake(
      {
        'AT+CGSN': [...Array<string>(9).fill(cme(14)), reply('490154203237518')],
        'AT+CPIN?': [wantsPin, cme(14), ready],
        'AT+CPIN="1234"': ok,
      },
      { pin: '1234' },
    );
    expect(pauses.slice(1).reduce((sum, ms) => sum + ms, 0)).toBe(20_000 + 500);
    expect(modem.identity.imsi).toBe(IMSI);
  });

  it('enterPin unlocks a modem opened without the PIN, and fills in its IMSI', async () => {
    const { modem, received } = await openFake({
      'AT+CPIN?': [wantsPin, wantsPin, ready],
      'AT+CPIN="87654321"': ok,
    });
    expect(modem.identity.imsi).toBeNull();
    expect(await modem.enterPin('87654321')).toBe('ready');
    expect(pinEntries(received)).toEqual(['AT+CPIN="87654321"']);
    expect(modem.identity.imsi).toBe(IMSI);
  });

  it('enterPin on a SIM that is already ready sends no PIN', async () => {
    const { modem, received } = await openFake();
    expect(await modem.enterPin('1234')).toBe('ready');
    expect(pinEntries(received)).toEqual([]);
  });

  it('a given PIN is ignored when the SIM does not ask for it', async () => {
    const { modem, received } = await openFake({}, { pin: '1234' });
    expect(pinEntries(received)).toEqual([]);
    expect(modem.identity.imsi).toBe(IMSI);
  });
});

describe('a SIM that cannot take a PIN', () => {
  it.each([
    ['no SIM (+CME ERROR: 10)', cme(10), 'not-inserted', 'sim_not_inserted'],
    [
      'no SIM (+CPIN: NOT INSERTED)',
      reply('+CPIN: NOT INSERTED'),
      'not-inserted',
      'sim_not_inserted',
    ],
    ['a SIM blocked behind its PUK', reply('+CPIN: SIM PUK'), 'puk-required', 'sim_puk_required'],
    ['a modem locked to a network', reply('+CPIN: PH-NET PIN'), 'device-locked', 'device_locked'],
    ['a broken SIM', cme(13), 'failure', 'sim_failure'],
    ['a modem that says nothing useful', error, 'unknown', 'sim_state_unknown'],
  ])(
    '%s opens as %s and enterPin refuses with %s without sending the PIN',
    async (_label, answer, state, code) => {
      const { modem, received } = await openFake({ 'AT+CPIN?': answer }, { pin: '1234' });
      expect(await modem.simState()).toBe(state);
      const refusal = await modem.enterPin('1234').catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(ModemError);
      expect((refusal as ModemError).code).toBe(code);
      expect(pinEntries(received)).toEqual([]);
      expect(modem.identity.imsi).toBeNull();
    },
  );

  it('an absent SIM is not asked for its ICCID', async () => {
    const { received } = await openFake({ 'AT+CPIN?': cme(10) });
    expect(received).not.toContain('AT+CCID');
  });

  it('a SIM asking for PIN2 counts as ready: SMS and USSD do not need it', async () => {
    const { modem } = await openFake({ 'AT+CPIN?': reply('+CPIN: SIM PIN2') });
    expect(await modem.simState()).toBe('ready');
    expect(modem.identity.imsi).toBe(IMSI);
  });
});

describe('a PIN that is not 4 to 8 digits', () => {
  const badPins = [
    '12a4',
    '12"4',
    '1234"',
    '"1234',
    '123',
    '123456789',
    '',
    ' 1234',
    '1234\r',
    '١٢٣٤',
  ];

  it.each(badPins)('%j is refused with invalid_pin before a byte is written', async (pin) => {
    const fake = fakeModem();
    const failure = await openModem(fake.channel, { pin, sleep: instantSleep().sleep }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ModemError);
    expect((failure as ModemError).code).toBe('invalid_pin');
    await settle();
    expect(fake.received).toEqual([]);
  });

  it.each(badPins)('%j is refused by enterPin before a byte is written', async (pin) => {
    const { modem, received } = await openFake({ 'AT+CPIN?': wantsPin });
    const sentBefore = received.length;
    const failure = await modem.enterPin(pin).catch((e: unknown) => e);
    expect((failure as ModemError).code).toBe('invalid_pin');
    await settle();
    expect(received).toHaveLength(sentBefore);
  });
});
