import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AtChannelOptions } from '../../../electron/gsm/channel';
import { AtNotSentError, AtTimeoutError, createAtChannel } from '../../../electron/gsm/channel';
import { LinkClosedError } from '../../../electron/gsm/link/link';
import { openSerialLink } from '../../../electron/gsm/link/serial-link';
import { type Modem, openModem } from '../../../electron/gsm/modem';
import { type PtySimulator, startSimulatorOnPty } from '../../../electron/gsm/simulator';
import { createSmsInbox, querySms } from '../../../electron/gsm/sms';
import { createUssdSession, runUssdDialogue } from '../../../electron/gsm/ussd';
import { shippedModemProfiles } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const running: { simulator: PtySimulator; modem?: Modem }[] = [];

afterEach(async () => {
  for (const { simulator, modem } of running.splice(0)) {
    await modem?.close().catch(() => {});
    await simulator.stop();
  }
});

/** The shop's whole modem stack, through serialport, against a simulated modem on a PTY. */
async function connect(profile: string, channelOptions: AtChannelOptions = {}, pin?: string) {
  const simulator = await startSimulatorOnPty({
    profile,
    linkPath: path.join(tempDir(), 'ttyModem'),
  });
  const entry: (typeof running)[number] = { simulator };
  running.push(entry);
  const channel = createAtChannel(
    await openSerialLink({ path: simulator.modemPath }),
    channelOptions,
  );
  const modem = await openModem(channel, {
    profiles: await shippedModemProfiles(),
    ...(pin === undefined ? {} : { pin }),
  });
  entry.modem = modem;
  return { simulator, modem, channel };
}

function balance(modem: Modem, timeoutMs = 5000) {
  const session = createUssdSession(modem.channel, { profile: modem.profile });
  return runUssdDialogue(session, '*100#', [], timeoutMs);
}

const topUp = ['1', '687123456', '2', '1234'];

describe('the modem stack against the simulator on a pseudo-terminal', () => {
  it.each([
    ['generic', 'generic', 'Comptoir'],
    ['huawei', 'huawei', 'huawei'],
    ['ucs2', 'generic', 'Comptoir'],
    ['urc-flood', 'generic', 'Comptoir'],
    ['cusd-before-ok', 'generic', 'Comptoir'],
    ['sticky-echo', 'generic', 'Comptoir'],
    ['garbage', 'generic', 'Comptoir'],
    ['huawei+urc-flood+garbage', 'huawei', 'huawei'],
  ])(
    '%s: identifies the modem, reads the balance and tops up a card',
    async (spec, profileId, maker) => {
      const { modem } = await connect(spec);
      expect(modem.profile.id).toBe(profileId);
      const info = await modem.info();
      expect(info).toMatchObject({
        manufacturer: maker,
        sim: 'ready',
        registration: { state: 'registered-home' },
        signal: { bars: expect.any(Number) },
      });
      expect(info.imei).toMatch(/^\d{15}$/);
      expect((await balance(modem)).text).toMatch(/^Solde revendeur: 250 000 XPF/);
      const session = createUssdSession(modem.channel, { profile: modem.profile });
      const dialogue = await runUssdDialogue(session, '*123#', topUp, 5000);
      expect(dialogue.status).toBe('done');
      expect(dialogue.text).toMatch(/Recharge 5Go OK pour 687123456\. Réf TX\d+/);
      expect(dialogue.steps.map((step) => step.m)).toEqual([1, 1, 1, 1, 0]);
      expect((await balance(modem)).text).toMatch(/^Solde revendeur: 24\d \d{3} XPF/);
    },
  );

  it('asks the carrier for a balance by SMS and reassembles its multipart UCS2 reply', async () => {
    const { modem } = await connect('generic');
    const inbox = createSmsInbox(modem.channel, {
      store: { save() {} },
      incompleteAfterMs: 10_000,
      sweepEveryMs: 0,
    });
    await inbox.start();
    const reply = await querySms(modem.channel, inbox, {
      to: '4012',
      text: 'CXLL 687123456',
      timeoutMs: 10_000,
    });
    inbox.stop();
    expect(reply.sender).toBe('4012');
    expect(reply.parts).toBeGreaterThan(1);
    expect(reply.text).toMatch(/il vous reste .* Go valables jusqu'au .*剩余流量/);
  });

  it('slow: waits for a network that takes its time', async () => {
    const { modem } = await connect('slow(400)');
    // A slow network also registers late; a modem is used only once registered.
    for (let i = 0; i < 40 && (await modem.registration()).state !== 'registered-home'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const started = Date.now();
    expect((await balance(modem)).status).toBe('done');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('cpin-without-ok: reads the SIM state of a Sierra that never says OK to AT+CPIN?', async () => {
    const { modem } = await connect('cpin-without-ok', { timeouts: { sim: 2000 } });
    expect(modem.profile.id).toBe('sierra');
    expect(await modem.simState()).toBe('ready');
    expect((await modem.signal()).bars).toBeGreaterThan(0);
  });

  it('cpin-without-ok on a modem whose profile does not know it: reads the identity and learns the quirk', async () => {
    const simulator = await startSimulatorOnPty({
      profile: 'cpin-without-ok',
      linkPath: path.join(tempDir(), 'ttyModem'),
    });
    const entry: (typeof running)[number] = { simulator };
    running.push(entry);
    const notes: string[] = [];
    const channel = createAtChannel(await openSerialLink({ path: simulator.modemPath }), {
      timeouts: { sim: 1500 },
      transcript: (line) => {
        if (line.direction === 'note') notes.push(line.text);
      },
    });
    // Only the generic profile: nothing tells the stack this Sierra omits the OK.
    const modem = await openModem(channel);
    entry.modem = modem;
    expect(modem.profile.id).toBe('generic');
    expect(modem.identity.imsi).toMatch(/^\d{15}$/);
    expect(modem.identity.iccid).toMatch(/^\d{19,20}$/);
    expect(modem.learnedQuirks()).toEqual(['reply.cpinWithoutOk']);
    expect(modem.warnings).toEqual([expect.stringContaining('learnt reply.cpinWithoutOk')]);
    expect(notes).toContain('learned cpinWithoutOk: AT+CPIN? answered "+CPIN: READY" without OK');

    const started = Date.now();
    expect(await modem.simState()).toBe('ready');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await modem.info()).toMatchObject({ sim: 'ready', imsi: modem.identity.imsi });
    expect((await balance(modem)).text).toMatch(/^Solde revendeur: 250 000 XPF/);
  });

  it('sim-pin: opens locked without a PIN, and unlocked with it', async () => {
    const locked = await connect('sim-pin');
    expect(await locked.modem.simState()).toBe('pin-required');
    const unlocked = await connect('sim-pin', {}, '1234');
    expect(await unlocked.modem.simState()).toBe('ready');
  });

  it('sim-busy: waits for a SIM that is still starting', async () => {
    const { modem } = await connect('sim-busy(3,515)');
    expect(await modem.simState()).toBe('ready');
  });

  it('cme: reports the network refusing the USSD request', async () => {
    const { modem } = await connect('cme');
    const result = await balance(modem);
    expect(result.status).toBe('error');
  });

  it('no-answer: times out, never sends the request twice, and fails later commands cleanly', async () => {
    const sent: string[] = [];
    const { modem } = await connect('no-answer', {
      timeouts: { network: 500, quick: 300 },
      resyncTimeoutMs: 600,
      transcript: ({ direction, text }) => {
        if (direction === 'sent') sent.push(text);
      },
    });
    await expect(balance(modem, 500)).rejects.toBeInstanceOf(AtTimeoutError);
    // The modem is out of step and never comes back: later commands are not even written.
    await expect(modem.channel.run('AT+CSQ')).rejects.toBeInstanceOf(AtNotSentError);
    expect(sent).not.toContain('AT+CSQ');
    expect(sent.filter((command) => command.startsWith('AT+CUSD=1'))).toEqual([
      'AT+CUSD=1,"*100#",15',
    ]);
  });

  it('drop: the port going away fails the pending request and says the modem was unplugged', async () => {
    const { modem } = await connect('drop');
    const gone = new Promise<LinkClosedError>((resolve) => modem.channel.onClosed(resolve));
    await expect(balance(modem)).rejects.toBeInstanceOf(LinkClosedError);
    expect((await gone).reason.kind).toBe('unplugged');
    await expect(modem.channel.run('AT')).rejects.toBeInstanceOf(LinkClosedError);
  });
});
