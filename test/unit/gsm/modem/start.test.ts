import { describe, expect, it } from 'vitest';
import { createAtChannel } from '../../../../electron/gsm/channel';
import { createMemoryLinkPair } from '../../../../electron/gsm/link/memory-link';
import { ModemError, openModem } from '../../../../electron/gsm/modem';
import { SYNC_QUIET_MS } from '../../../../electron/gsm/modem-start';
import type { ModemProfile } from '../../../../electron/gsm/profiles';
import { genericProfile } from '../../../../electron/gsm/profiles';
import { createSimulatedModem } from '../../../../electron/gsm/simulator';
import { steppedClock, turns } from '../stepped-clock';
import {
  cme,
  error,
  failToOpen,
  fakeModem,
  ICCID,
  IMEI,
  IMSI,
  instantSleep,
  ok,
  openFake,
  reply,
} from './helpers';

const textbookIdentity = {
  manufacturer: 'Acme Wireless',
  model: 'AW-100',
  revision: 'AW100_V1.2.3',
  imei: IMEI,
  imsi: IMSI,
  iccid: ICCID,
};

/** The `count` commands sent right after `command`. */
const justAfter = (received: readonly string[], command: string, count: number) =>
  received.slice(received.indexOf(command) + 1, received.indexOf(command) + 1 + count);

const total = (pauses: readonly number[]) => pauses.reduce((sum, ms) => sum + ms, 0);

describe('opening a modem', () => {
  it('a textbook modem opens identified, on the generic profile, with nothing to warn about', async () => {
    const { modem, received } = await openFake();
    expect(modem.identity).toEqual(textbookIdentity);
    expect(modem.profile.id).toBe('generic');
    expect(modem.warnings).toEqual([]);
    expect(received).toEqual([
      'AT',
      'AT',
      'ATE0',
      'AT+CMEE=1',
      'AT+CGMI',
      'AT+CGMM',
      'AT+CGMR',
      'AT+CGSN',
      'AT+CPIN?',
      'AT+CIMI',
      'AT+CCID',
    ]);
  });

  it('a modem booting noisily (garbage bytes, RDY, SMS DONE, ^BOOT) opens with the right identity', async () => {
    const boot = `\xff\xfe\x00\x80garbage\r\nRDY\r\n\r\n^BOOT:20436545,0,0,0,72\r\n+CPIN: READY\r\nSMS DONE\r\nPB DONE\r\n\x92\xff`;
    const { modem } = await openFake({ AT: [`${boot}${error}`, `\r\n\xc3${ok}`, ok] });
    expect(modem.identity).toEqual(textbookIdentity);
  });

  it('noise written before the first AT does not stop the modem from opening', async () => {
    const fake = fakeModem();
    await fake.modemSide.write(
      Buffer.from('\x00\x00\xff\r\nRDY\r\nOK\r\n\r\nERROR\r\n^SIMST:1\r\n'),
    );
    const modem = await fake.time.drive(openModem(fake.channel, { sleep: instantSleep().sleep }));
    expect(modem.identity).toEqual(textbookIdentity);
  });

  it('a modem silent for its first three AT opens once it answers', async () => {
    const { modem, received } = await openFake(
      { AT: [null, null, null, ok] },
      { syncTimeoutMs: 100 },
    );
    expect(modem.identity).toEqual(textbookIdentity);
    expect(received.filter((command) => command === 'AT').length).toBeGreaterThanOrEqual(4);
  });

  it('a modem that never answers fails with no_answer', async () => {
    const { failure } = await failToOpen({ AT: null }, { syncAttempts: 2, syncTimeoutMs: 50 });
    expect(failure).toBeInstanceOf(ModemError);
    expect((failure as ModemError).code).toBe('no_answer');
  });

  it('waits longer after each AT that is not answered OK, then gives up', async () => {
    const { failure, pauses, received } = await failToOpen({ AT: error }, { syncAttempts: 5 });
    expect((failure as ModemError).code).toBe('no_answer');
    expect(pauses).toEqual([250, 500, 1000, 2000]);
    expect(received).toEqual(['AT', 'AT', 'AT', 'AT', 'AT']);
  });

  it('an OK left on the line before the first AT does not shift every later answer by one', async () => {
    const fake = fakeModem();
    await fake.modemSide.write(Buffer.from('\r\nOK\r\n\r\nOK\r\n'));
    const modem = await fake.time.drive(openModem(fake.channel, { sleep: instantSleep().sleep }));
    expect(modem.identity).toEqual(textbookIdentity);
    expect(modem.warnings).toEqual([]);
  });

  it('after the first OK the line is left quiet, then a second OK is asked for', async () => {
    const { pauses, received } = await openFake();
    expect(pauses).toEqual([SYNC_QUIET_MS]);
    expect(received.slice(0, 3)).toEqual(['AT', 'AT', 'ATE0']);
  });

  it('a modem that keeps echoing after ATE0 opens with the same identity', async () => {
    const { modem } = await openFake({}, { echo: true });
    expect(modem.identity).toEqual(textbookIdentity);
    expect(modem.warnings).toEqual([]);
  });

  it('ATE0 and AT+CMEE=1 refused are warnings, not failures', async () => {
    const { modem } = await openFake({ ATE0: error, 'AT+CMEE=1': error });
    expect(modem.identity).toEqual(textbookIdentity);
    expect(modem.warnings).toEqual([
      expect.stringMatching(/^ATE0: /),
      expect.stringMatching(/^AT\+CMEE=1: /),
    ]);
  });

  it('a modem that will not say its revision or IMEI opens with them unknown and says why', async () => {
    const { modem } = await openFake({ 'AT+CGMR': error, 'AT+CGSN': reply('not a number') });
    expect(modem.identity).toEqual({ ...textbookIdentity, revision: null, imei: null });
    expect(modem.warnings).toEqual([
      expect.stringMatching(/^AT\+CGMR: /),
      'AT+CGSN: no IMEI in the answer',
    ]);
  });

  it('a Huawei stick is told to silence its URCs after it said who it is', async () => {
    const { modem, received } = await openFake({
      'AT+CGMI': reply('huawei'),
      'AT+CGMM': reply('E3372'),
      'AT^CURC=0': ok,
      'AT^ICCID?': reply(`^ICCID: ${ICCID}`),
    });
    expect(modem.profile.id).toBe('huawei');
    expect(justAfter(received, 'AT+CGMI', 2)).toEqual(['AT+CGMM', 'AT^CURC=0']);
    expect(modem.warnings).toEqual([]);
  });

  it("a profile's init commands are sent in order; each refusal is a warning", async () => {
    const shop: ModemProfile = {
      ...genericProfile,
      id: 'acme',
      match: { manufacturer: /acme/i },
      init: ['AT+ACMEINIT=1', 'AT+ACMEMODE=2', 'AT+ACMEURC=0'],
    };
    const { modem, received } = await openFake(
      { 'AT+ACMEINIT=1': ok, 'AT+ACMEMODE=2': cme(4), 'AT+ACMEURC=0': error },
      { profiles: [shop] },
    );
    expect(modem.profile.id).toBe('acme');
    expect(justAfter(received, 'AT+CGMM', 4)).toEqual([
      'AT+ACMEINIT=1',
      'AT+ACMEMODE=2',
      'AT+ACMEURC=0',
      'AT+CGMR',
    ]);
    expect(modem.warnings).toEqual([
      'AT+ACMEMODE=2: operation not supported',
      expect.stringMatching(/^AT\+ACMEURC=0: /),
    ]);
  });
});

describe('a SIM still starting', () => {
  it('+CME ERROR: 515, then 14, then READY to AT+CPIN? opens a ready modem after waiting 0.5 s and 1 s', async () => {
    const { modem, pauses } = await openFake({
      'AT+CPIN?': [cme(515), cme(14), reply('+CPIN: READY')],
    });
    expect(pauses).toEqual([SYNC_QUIET_MS, 500, 1000]);
    expect(modem.identity).toEqual(textbookIdentity);
    expect(modem.warnings).toEqual([]);
    expect(await modem.simState()).toBe('ready');
  });

  it('+CPIN: NOT READY is waited for like SIM busy', async () => {
    const { modem, pauses } = await openFake({
      'AT+CPIN?': [reply('+CPIN: NOT READY'), reply('+CPIN: READY')],
    });
    expect(pauses).toEqual([SYNC_QUIET_MS, 500]);
    expect(modem.identity.imsi).toBe(IMSI);
  });

  it.each([
    ['AT+CMEE=1', ok],
    ['AT+CGMI', reply('Acme Wireless')],
    ['AT+CGMM', reply('AW-100')],
    ['AT+CGMR', reply('AW100_V1.2.3')],
    ['AT+CGSN', reply(IMEI)],
    ['AT+CIMI', reply(IMSI)],
    ['AT+CCID', reply(`+CCID: ${ICCID}`)],
  ])('SIM busy is waited for on %s too', async (command, answer) => {
    const { modem, pauses, received } = await openFake({ [command]: [cme(14), cme(515), answer] });
    expect(modem.identity).toEqual(textbookIdentity);
    expect(modem.warnings).toEqual([]);
    expect(pauses).toEqual([SYNC_QUIET_MS, 500, 1000]);
    expect(received.filter((sent) => sent === command)).toHaveLength(3);
  });

  it('a SIM busy for 20 s opens as not-ready, with a warning, without asking it more', async () => {
    const { modem, pauses, received } = await openFake({ 'AT+CPIN?': cme(14) });
    expect(total(pauses.slice(1))).toBe(20_000);
    expect(Math.max(...pauses)).toBe(4_000);
    expect(modem.warnings).toEqual(['The SIM was still busy after 20 s']);
    expect(received).not.toContain('AT+CIMI');
    expect(received).not.toContain('AT+CCID');
    expect(modem.identity).toMatchObject({ imsi: null, iccid: null, imei: IMEI });
  });

  it('the 20 s of patience are shared by the start-up, not granted again to each command', async () => {
    const { modem, pauses } = await openFake({
      'AT+CGSN': [cme(14), cme(14), cme(14), cme(14), cme(14), reply(IMEI)],
      'AT+CPIN?': cme(14),
    });
    expect(modem.identity.imei).toBe(IMEI);
    expect(total(pauses.slice(1))).toBe(20_000);
  });
});

describe('+CPIN: READY without OK (field note 6)', () => {
  it('a Sierra modem opens ready, and the command after it gets its own answer', async () => {
    const { modem, time } = await openFake({
      'AT+CGMI': reply('Sierra Wireless, Incorporated'),
      'AT+CGMM': reply('MC7710'),
      'AT+CPIN?': '\r\n+CPIN: READY\r\n',
      'AT!ICCID?': reply(`ICCID: ${ICCID}`),
    });
    expect(modem.profile.id).toBe('sierra');
    expect(modem.identity).toEqual({
      ...textbookIdentity,
      manufacturer: 'Sierra Wireless, Incorporated',
      model: 'MC7710',
    });
    expect(await time.drive(modem.simState())).toBe('ready');
    expect(await time.drive(modem.signal())).toEqual({ csq: 18, dbm: -77, bars: 3 });
  });

  it('a modem whose profile does not expect it: the line is trusted, the channel resynchronised, the identity read and the quirk learnt', async () => {
    const { modem, received, time } = await openFake({ 'AT+CPIN?': '\r\n+CPIN: READY\r\n' });
    expect(modem.profile.id).toBe('generic');
    expect(modem.identity).toEqual(textbookIdentity);
    expect(modem.warnings).toEqual([
      'AT+CPIN? answered "+CPIN: READY" without OK: the line is trusted, and from now on this modem\'s AT+CPIN? is read without waiting for OK (learnt reply.cpinWithoutOk)',
    ]);
    expect(modem.learnedQuirks()).toEqual(['reply.cpinWithoutOk']);
    // Out of step after the timeout: AT until OK before the identity is asked.
    expect(justAfter(received, 'AT+CPIN?', 2)).toEqual(['AT', 'AT+CIMI']);

    // Later AT+CPIN? are read with the quirk: no timeout, no resync, the next answer its own.
    const before = received.length;
    expect(await time.drive(modem.info())).toMatchObject({
      sim: 'ready',
      imsi: IMSI,
      iccid: ICCID,
    });
    expect(received.slice(before, before + 2)).toEqual(['AT+CPIN?', 'AT+CREG?']);
    expect(modem.warnings).toHaveLength(1);
  });

  it('a SIM asking for its PIN without OK is read as pin-required, and the quirk learnt', async () => {
    const { modem, time } = await openFake({ 'AT+CPIN?': '\r\n+CPIN: SIM PIN\r\n' });
    expect(modem.identity).toMatchObject({ imsi: null, iccid: ICCID });
    expect(modem.learnedQuirks()).toEqual(['reply.cpinWithoutOk']);
    expect(await time.drive(modem.simState())).toBe('pin-required');
  });

  it('an AT+CPIN? that gets nothing at all still opens with the SIM state unknown, nothing learnt', async () => {
    const { modem, received, time } = await openFake({ 'AT+CPIN?': null });
    expect(modem.warnings).toEqual([expect.stringMatching(/^AT\+CPIN\?: no answer within/)]);
    expect(received).not.toContain('AT+CIMI');
    expect(modem.learnedQuirks()).toEqual([]);
    expect(await time.drive(modem.info())).toMatchObject({ imsi: null });
  });

  it('gets the modem back from an SMS prompt an earlier session left open', async () => {
    // The previous run of the app wrote AT+CMGS and died before the body: without the ESC the
    // channel sends first, every `AT` would be typed into the pending SMS body.
    const time = steppedClock();
    const [client, modemEnd] = createMemoryLinkPair('sim');
    const simulated = createSimulatedModem(modemEnd, { clock: time.clock });
    try {
      await client.write(Buffer.from('AT+CMGF=0\rAT+CMGS=20\r', 'latin1'));
      await turns();
      const channel = createAtChannel(client, {
        timeouts: { quick: 100 },
        resyncQuietMs: 5,
        clock: time.clock,
      });
      const modem = await time.drive(
        openModem(channel, { sleep: instantSleep().sleep, syncTimeoutMs: 100 }),
      );
      expect(modem.profile.id).toBe('generic');
    } finally {
      simulated.stop();
    }
  });
});
