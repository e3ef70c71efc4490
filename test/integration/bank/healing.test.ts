/**
 * The modem bank heals a modem that stops answering, on real pseudo-terminals through serialport:
 * resync, reopen, the profile's reset, the shop's power-cycle command (a script run with
 * execFile that cuts the simulated modem's power), then out of service. Timings are shortened;
 * the steps and their order are the shop's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openModemLink } from '../../../electron/bank/links';
import {
  createModemBank,
  type ModemBank,
  type ModemStatus,
} from '../../../electron/bank/modem-bank';
import type { PowerCycleCommand } from '../../../electron/bank/power-cycle';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import {
  createSimulatedModem,
  type PtySimulator,
  type SimulatedModem,
  startSimulatorOnPty,
} from '../../../electron/gsm/simulator';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs('comptoir-healing-');
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Waits (real time) until `done` holds; healing takes seconds even with short timings. */
async function waitFor<T>(read: () => T, done: (value: T) => boolean, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Gave up waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A shop's generic profile whose reset comes back within a second (the shipped one: 30 s). */
function quickResetProfiles(dir: string): string {
  const folder = path.join(dir, 'modems');
  fs.mkdirSync(folder);
  const generic = JSON.parse(fs.readFileSync(path.join(SHIPPED_MODEMS, 'generic.json'), 'utf8'));
  generic.reset = { command: 'AT+CFUN=1,1', comeBackMs: 1000 };
  fs.writeFileSync(path.join(folder, 'generic.json'), JSON.stringify(generic));
  return folder;
}

/**
 * What the shop's power-cycle command is here: a script the bank runs with execFile that asks
 * the test, through a file, to cut the simulated modem's power (as uhubctl does a hub port's).
 */
function powerCycleScript(dir: string, sim: PtySimulator, cures: boolean): PowerCycleCommand {
  const request = path.join(dir, 'power-cycle.request');
  const script = path.join(dir, 'power-cycle.js');
  fs.writeFileSync(
    script,
    "require('node:fs').writeFileSync(process.argv[2], 'cycle');\nconsole.log('port 3 cycled');\n",
  );
  const watcher = setInterval(() => {
    if (!fs.existsSync(request)) return;
    fs.rmSync(request);
    // A modem that nothing cures hangs again as soon as it is powered.
    void sim.powerCycle(200).then(() => {
      if (!cures) sim.modem.hang('power-cycle');
    });
  }, 20);
  stops.push(async () => clearInterval(watcher));
  return { program: process.execPath, args: [script, request] };
}

async function setUp(options: { profile?: string; powerCycle?: 'cures' | 'does-not-cure' } = {}) {
  const dir = tempDir();
  const sim = await startSimulatorOnPty({
    linkPath: path.join(dir, 'ttyModem'),
    profile: options.profile ?? 'generic',
    reenumerateMs: 200,
  });
  stops.push(() => sim.stop());
  const command =
    options.powerCycle === undefined
      ? null
      : powerCycleScript(dir, sim, options.powerCycle === 'cures');
  const timeline: Array<[string, string | null]> = [];
  const published: ModemStatus[][] = [];
  const bank: ModemBank = createModemBank({
    modems: [
      { id: 'modem-1', carrierId: 'nc-demo', port: { kind: 'serial', path: sim.modemPath } },
    ],
    openLink: (port) => openModemLink(port),
    onStatus: (statuses) => published.push(statuses),
    onTimeline: (_id, event, detail) => timeline.push([event, detail]),
    profileDirs: [SHIPPED_MODEMS, quickResetProfiles(dir)],
    usbIdOf: async () => null,
    pollMs: 150,
    reconnectMs: 100,
    channel: { timeouts: { quick: 500, network: 3000 }, resyncTimeoutMs: 500 },
    opening: { syncAttempts: 2, syncTimeoutMs: 400 },
    healing: { retryMs: 100 },
    powerCycleOf: () => command,
  });
  stops.push(() => bank.close());
  await bank.start();
  expect(bank.statuses()[0]?.state).toBe('ready');
  const status = () => bank.statuses()[0] as ModemStatus;
  const events = () => timeline.map(([event]) => event);
  return { sim, bank, status, events, timeline, published };
}

/** A top-up on the modem the bank lends; true when the carrier took it. */
async function topUp(bank: ModemBank) {
  const lease = await bank.acquire('nc-demo', 5000);
  if (!lease) throw new Error('no modem lent');
  try {
    const step = await lease.ussd.start('*123*687123456*2*1234#', 3000, { secret: true });
    return step.text ?? '';
  } finally {
    lease.release();
  }
}

describe('the modem bank heals a modem that stops answering', () => {
  it('a hang is healed by the reset, step by step in the timeline, and the next top-up goes through', async () => {
    const { sim, bank, status, events, published } = await setUp();
    sim.modem.hang('reset');
    await waitFor(events, (seen) => seen.includes('healed'), 'the heal');
    expect(events()).toEqual([
      'opened',
      'timeout',
      'resync',
      'reopen',
      'reset',
      'opened',
      'healed',
    ]);
    expect(published.some((statuses) => statuses[0]?.state === 'healing')).toBe(true);
    await waitFor(status, (now) => now.state === 'ready', 'ready again');
    expect(await topUp(bank)).toMatch(/Recharge .* OK/);
    expect(sim.modem.state.carrier.dealerBalance).toBeLessThan(250_000);
  });

  it('a reset that re-enumerates the port still heals it: the port goes, comes back, and is opened', async () => {
    const { sim, status, events } = await setUp({ profile: 'reenumerate' });
    const before = sim.modem;
    sim.modem.hang('reset');
    await waitFor(events, (seen) => seen.includes('healed'), 'the heal');
    expect(sim.modem).not.toBe(before);
    expect(events().slice(-3)).toEqual(['reset', 'opened', 'healed']);
    expect(status().state).toBe('ready');
  });

  it('a hang no reset cures is healed by the shop’s power-cycle command, run without a shell', async () => {
    const { sim, bank, status, events, timeline } = await setUp({ powerCycle: 'cures' });
    sim.modem.hang('power-cycle');
    await waitFor(events, (seen) => seen.includes('healed'), 'the heal', 30_000);
    expect(events().slice(1)).toEqual([
      'timeout',
      'resync',
      'reopen',
      'reset',
      'power-cycle',
      'opened',
      'healed',
    ]);
    expect(timeline.at(-1)).toEqual(['healed', 'power-cycle']);
    await waitFor(status, (now) => now.state === 'ready', 'ready again');
    expect(await topUp(bank)).toMatch(/Recharge .* OK/);
  });

  it('goes out of service with the reason when nothing cures it, and no sale waits for it', async () => {
    const { sim, bank, status, events } = await setUp({ powerCycle: 'does-not-cure' });
    sim.modem.hang('power-cycle');
    await waitFor(status, (now) => now.state === 'out-of-service', 'out of service', 30_000);
    expect(status().problem).toBe('nothing cured it (tried resync, reopen, reset, power-cycle)');
    expect(events().at(-1)).toBe('out-of-service');
    expect(events()).not.toContain('healed');
    const started = Date.now();
    expect(await bank.acquire('nc-demo', 5000)).toBeNull();
    // Answered at once, not after the 5 s it was willing to wait.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('out of service after nothing cured it, it comes back when the stick is plugged in again', async () => {
    const { sim, bank, status } = await setUp({ powerCycle: 'does-not-cure' });
    sim.modem.hang('power-cycle');
    await waitFor(status, (now) => now.state === 'out-of-service', 'out of service', 30_000);
    // Someone pulls the stick out and plugs it back in: a fresh modem on the port.
    await sim.powerCycle(100);
    bank.devicesChanged({ added: [sim.modemPath], removed: [] });
    await waitFor(status, (now) => now.state === 'ready', 'back in service', 20_000);
    expect(await topUp(bank)).toMatch(/687123456/);
  });
});

/** A bank of one in-process simulated modem the test can reach (to hang it), opened anew each time. */
async function inProcess(options: { heldOut?: boolean } = {}) {
  let sim: SimulatedModem | null = null;
  let openings = 0;
  const timeline: string[] = [];
  const bank = createModemBank({
    modems: [
      { id: 'modem-1', carrierId: 'nc-demo', port: { kind: 'simulated', profile: 'generic' } },
    ],
    openLink: async () => {
      openings += 1;
      const [client, modemEnd] = createMemoryLinkPair('simulated');
      const opened = createSimulatedModem(modemEnd);
      sim = opened;
      client.onClose(() => opened.stop());
      return client;
    },
    onTimeline: (_id, event) => timeline.push(event),
    profileDirs: [SHIPPED_MODEMS],
    pollMs: 40,
    channel: { timeouts: { quick: 200 }, resyncTimeoutMs: 300 },
    opening: { syncAttempts: 2, syncTimeoutMs: 200 },
    healing: { retryMs: 50 },
    heldOut: () => options.heldOut ?? false,
  });
  stops.push(() => bank.close());
  await bank.start();
  return {
    bank,
    timeline,
    status: () => bank.statuses()[0] as ModemStatus,
    sim: () => sim as unknown as SimulatedModem,
    openings: () => openings,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the bank around healing', () => {
  it('goes on refreshing the signal after the refresh found the modem busy', async () => {
    const { bank, status } = await inProcess();
    const lease = await bank.acquire('nc-demo');
    await pause(150);
    const before = status().signalHistory.length;
    lease?.release();
    await waitFor(
      () => status().signalHistory.length,
      (length) => length >= before + 3,
      'signal readings after the modem was busy',
      2_000,
    );
  });

  it('never interrupts a top-up: the step waits until the job releases the modem', async () => {
    const { bank, status, timeline, sim } = await inProcess();
    const lease = await bank.acquire('nc-demo');
    if (!lease) throw new Error('no modem lent');
    sim().hang('reset');
    await expect(lease.modem.signal()).rejects.toThrow(/no answer/);
    await pause(300);
    expect(timeline).toEqual(['opened', 'timeout']);
    expect(status().state).toBe('busy');
    lease.release();
    await waitFor(
      () => timeline,
      (seen) => seen.includes('healed'),
      'the heal',
    );
    expect(timeline.slice(2)).toEqual(['resync', 'reopen', 'opened', 'healed']);
    expect(status().state).toBe('ready');
  });

  it("a manager's step runs on a modem in service, and the timeline says so", async () => {
    const { bank, status, timeline } = await inProcess();
    expect(bank.heal('modem-1', 'reset')).toBe('started');
    expect(status()).toEqual(
      expect.objectContaining({ state: 'healing', problem: 'asked by a manager' }),
    );
    await waitFor(status, (now) => now.state === 'ready', 'ready again');
    expect(timeline).toEqual(['opened', 'reset', 'opened', 'healed']);
    expect(bank.heal('nobody', 'reset')).toBe('unknown');
  });

  it('a manager takes a busy modem out of service once its job ends, and puts it back', async () => {
    const { bank, status, timeline } = await inProcess();
    const lease = await bank.acquire('nc-demo');
    expect(await bank.setInService('modem-1', false)).toBe(true);
    expect(status().state).toBe('busy');
    lease?.release();
    expect(status()).toEqual(
      expect.objectContaining({
        state: 'out-of-service',
        problem: 'Taken out of service by a manager',
      }),
    );
    expect(await bank.acquire('nc-demo', 1000)).toBeNull();
    expect(bank.heal('modem-1', 'resync')).toBe('held-out');
    await bank.setInService('modem-1', true);
    await waitFor(status, (now) => now.state === 'ready', 'back in service');
    expect(timeline).toEqual(['opened', 'out-of-service', 'in-service', 'opened']);
    expect(await bank.setInService('nobody', true)).toBe(false);
  });

  it('a modem a manager took out stays out at the next start: its port is not even opened', async () => {
    const { status, openings } = await inProcess({ heldOut: true });
    await pause(100);
    expect(status()).toEqual(
      expect.objectContaining({
        state: 'out-of-service',
        problem: 'Taken out of service by a manager',
      }),
    );
    expect(openings()).toBe(0);
  });
});
