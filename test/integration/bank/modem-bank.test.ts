import { afterEach, describe, expect, it, vi } from 'vitest';
import { openModemLink } from '../../../electron/bank/links';
import {
  createModemBank,
  type ModemBank,
  type ModemConfig,
  type ModemStatus,
} from '../../../electron/bank/modem-bank';
import type { ModemLink } from '../../../electron/gsm/link/link';
import { runUssdDialogue } from '../../../electron/gsm/ussd';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

const banks: ModemBank[] = [];
afterEach(async () => {
  for (const bank of banks.splice(0)) await bank.close();
});

function simulated(id: string, carrierId = 'nc-demo', profile = 'generic'): ModemConfig {
  return { id, carrierId, port: { kind: 'simulated', profile } };
}

function bankOf(
  modems: ModemConfig[],
  openLink = (port: ModemConfig['port']) => openModemLink(port),
  lateAnswerMs?: number,
) {
  const published: ModemStatus[][] = [];
  const bank = createModemBank({
    modems,
    openLink,
    onStatus: (s) => published.push(s),
    reconnectMs: 50,
    profileDirs: [SHIPPED_MODEMS],
    ...(lateAnswerMs !== undefined ? { lateAnswerMs } : {}),
  });
  banks.push(bank);
  return { bank, published };
}

/**
 * Sends, in one round, the demo top-up the network takes and never answers, on a lent modem:
 * its answer may still come, so the modem must wait for it.
 */
async function sendSilentTopUp(bank: ModemBank) {
  const lease = await bank.acquire('nc-demo');
  if (!lease) throw new Error('no modem');
  const step = await lease.ussd.start('*123*687999999*2*1234#', 300, { secret: true });
  expect(step.status).toBe('timeout');
  lease.release();
  return lease.id;
}

describe('the modem bank', () => {
  it('opens every modem and reports it idle, registered, with its identity', async () => {
    const { bank, published } = bankOf([
      simulated('modem-1'),
      simulated('modem-2', 'nc-demo', 'huawei'),
    ]);
    await bank.start();
    expect(bank.statuses()).toEqual([
      expect.objectContaining({
        id: 'modem-1',
        state: 'ready',
        simulated: true,
        registration: 'registered-home',
        manufacturer: 'Comptoir',
      }),
      expect.objectContaining({
        id: 'modem-2',
        state: 'ready',
        manufacturer: 'huawei',
        model: 'E3372',
        signalBars: 4,
      }),
    ]);
    expect(published.at(-1)).toEqual(bank.statuses());
  });

  it('lends each modem to one job at a time, and a job waits for the next free one', async () => {
    const { bank } = bankOf([simulated('modem-1'), simulated('modem-2')]);
    await bank.start();
    const first = await bank.acquire('nc-demo');
    const second = await bank.acquire('nc-demo');
    expect(new Set([first?.id, second?.id])).toEqual(new Set(['modem-1', 'modem-2']));
    expect(await bank.acquire('nc-demo')).toBeNull();
    const waiting = bank.acquire('nc-demo', 2000);
    first?.release();
    expect((await waiting)?.id).toBe(first?.id);
    expect(bank.statuses().map((s) => s.state)).toEqual(['busy', 'busy']);
  });

  it('never lends a job the modems it is to keep away from, nor waits for one of them', async () => {
    const { bank } = bankOf([simulated('modem-1'), simulated('modem-2')]);
    await bank.start();
    const left = new Set(['modem-1']);
    const other = await bank.acquire('nc-demo', 0, undefined, left);
    expect(other?.id).toBe('modem-2');
    // Only modem-1 is free: the job waits for modem-2, and is not lent modem-1 meanwhile.
    const waiting = bank.acquire('nc-demo', 2000, undefined, left);
    const idle = await bank.acquire('nc-demo');
    expect(idle?.id).toBe('modem-1');
    idle?.release();
    other?.release();
    expect((await waiting)?.id).toBe('modem-2');
    // Longer than the test may take: with every modem of the carrier kept away, nobody waits.
    expect(
      await bank.acquire('nc-demo', 60_000, undefined, new Set(['modem-1', 'modem-2'])),
    ).toBeNull();
  });

  it('lends only modems of the sale’s carrier, and does not wait for one it has not', async () => {
    const { bank } = bankOf([simulated('modem-1', 'other-carrier')]);
    await bank.start();
    // Longer than the test may take: it passes only if nobody waits.
    expect(await bank.acquire('nc-demo', 60_000)).toBeNull();
  });

  it('keeps the transcript of a lease, with the dealer PIN masked', async () => {
    const { bank } = bankOf([simulated('modem-1')]);
    await bank.start();
    const lease = await bank.acquire('nc-demo');
    if (!lease) throw new Error('no modem');
    await lease.ussd.start('*123#', 5000);
    for (const reply of ['1', '687123456', '2']) await lease.ussd.reply(reply, 5000);
    const done = await lease.ussd.reply('1234', 5000, { secret: true });
    expect(done.text).toMatch(/Recharge 5Go OK/);
    expect(lease.transcript()).toMatch(/> AT\+CUSD=1,"\*123#",15/);
    expect(lease.transcript()).toMatch(/Recharge 5Go OK/);
    expect(lease.transcript()).not.toContain('"1234"');
    lease.release();
    const next = await bank.acquire('nc-demo');
    expect(next?.transcript()).toBe('');
  });

  it('marks an unplugged modem offline and brings it back when it returns', async () => {
    const links: ModemLink[] = [];
    const { bank } = bankOf([simulated('modem-1')], async (port) => {
      const link = await openModemLink(port);
      links.push(link);
      return link;
    });
    await bank.start();
    await links[0]?.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(bank.statuses()[0]?.state).toBe('offline');
    expect(await bank.acquire('nc-demo')).toBeNull();
    const back = await bank.acquire('nc-demo', 3000);
    expect(back?.id).toBe('modem-1');
    expect(links).toHaveLength(2);
    const step = await runUssdDialogue(back?.ussd ?? (undefined as never), '*100#', [], 5000);
    expect(step.text).toMatch(/Solde revendeur/);
  });

  it('learns that a modem answers +CPIN without OK, says so once, and keeps it across a reconnect', async () => {
    const links: ModemLink[] = [];
    const warned: string[] = [];
    const bank = createModemBank({
      modems: [simulated('modem-1', 'nc-demo', 'cpin-without-ok')],
      openLink: async (port) => {
        const link = await openModemLink(port);
        links.push(link);
        return link;
      },
      reconnectMs: 50,
      // No profile folder: the generic profile, which does not know this Sierra's habit.
      profileDirs: [tempDir()],
      channel: { timeouts: { sim: 500 } },
      log: { warn: (message) => warned.push(message) },
    });
    banks.push(bank);
    await bank.start();
    expect(bank.statuses()[0]).toMatchObject({ state: 'ready', registration: 'registered-home' });
    expect(warned).toEqual([
      'Modem modem-1: learnt reply.cpinWithoutOk, which its profile generic does not set (set it there to spare a timeout at each start)',
    ]);

    await links[0]?.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const back = await bank.acquire('nc-demo', 3000);
    expect(back?.id).toBe('modem-1');
    expect(links).toHaveLength(2);
    // Read with the quirk from the start this time: nothing learnt again, nothing said again.
    expect(warned).toHaveLength(1);
  });

  it('takes a modem added by the manager into service without a restart', async () => {
    const { bank, published } = bankOf([]);
    await bank.start();
    await bank.add(simulated('modem-7'));
    expect(bank.statuses()).toEqual([expect.objectContaining({ id: 'modem-7', state: 'ready' })]);
    expect(published.at(-1)).toEqual(bank.statuses());
    expect((await bank.acquire('nc-demo'))?.id).toBe('modem-7');
    await expect(bank.add(simulated('modem-7'))).rejects.toThrow(/already has a modem modem-7/);
  });

  it('closes a removed idle modem at once and never lends it again', async () => {
    const closed: string[] = [];
    let opened = 0;
    const { bank } = bankOf([simulated('modem-1'), simulated('modem-2')], async (port) => {
      const link = await openModemLink(port);
      const number = ++opened;
      link.onClose(() => closed.push(`link ${number}`));
      return link;
    });
    await bank.start();
    await bank.remove('modem-1');
    expect(closed).toEqual(['link 1']);
    expect(bank.statuses().map((status) => status.id)).toEqual(['modem-2']);
    expect((await bank.acquire('nc-demo'))?.id).toBe('modem-2');
    expect(await bank.acquire('nc-demo')).toBeNull();
  });

  it('lets a removed busy modem finish its job, then closes it; re-adding it waits for that', async () => {
    const opened: ModemLink[] = [];
    const { bank } = bankOf([simulated('modem-1')], async (port) => {
      const link = await openModemLink(port);
      opened.push(link);
      return link;
    });
    await bank.start();
    const lease = await bank.acquire('nc-demo');
    await bank.remove('modem-1');
    expect(bank.statuses()).toEqual([]);
    const readded = bank.add(simulated('modem-1'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The job still has its modem: the top-up in flight is never cut short.
    const step = await runUssdDialogue(lease?.ussd ?? (undefined as never), '*100#', [], 5000);
    expect(step.text).toMatch(/Solde revendeur/);
    expect(opened).toHaveLength(1);
    lease?.release();
    await readded;
    expect(opened).toHaveLength(2);
    expect(bank.statuses()).toEqual([expect.objectContaining({ id: 'modem-1', state: 'ready' })]);
  });

  it('sets no reconnect timer once closed, so a stopping host exits at once', async () => {
    const { bank } = bankOf([simulated('modem-1')]);
    await bank.start();
    // From here, every timer set is counted (the modem is already open).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      await bank.close();
      expect(bank.statuses()).toEqual([expect.objectContaining({ state: 'offline' })]);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a modem that waits for a late answer as waiting, with when it ends, and sends every job to the other one meanwhile', async () => {
    const { bank, published } = bankOf(
      [simulated('modem-1'), simulated('modem-2')],
      undefined,
      60_000,
    );
    await bank.start();
    const before = Date.now();
    const silent = await sendSilentTopUp(bank);
    const other = silent === 'modem-1' ? 'modem-2' : 'modem-1';
    const waiting = bank.statuses().find((status) => status.id === silent);
    expect(waiting?.state).toBe('waiting');
    const until = Date.parse(waiting?.waitingUntil ?? '');
    expect(until - before).toBeGreaterThan(55_000);
    expect(until - before).toBeLessThanOrEqual(61_000);
    expect(published.at(-1)).toEqual(bank.statuses());
    for (const number of ['687123456', '687654321', '687777888', '687123456']) {
      const lease = await bank.acquire('nc-demo');
      expect(lease?.id).toBe(other);
      const step = await lease?.ussd.start(`*123*${number}*2*1234#`, 5000, { secret: true });
      expect(step?.text).toMatch(/OK/);
      lease?.release();
    }
    expect(bank.statuses().find((status) => status.id === other)?.waitingUntil).toBeNull();
  });

  it('keeps a job waiting while its only modem waits for a late answer, then lends it that modem', async () => {
    const { bank } = bankOf([simulated('modem-1')], undefined, 1000);
    await bank.start();
    await sendSilentTopUp(bank);
    expect(bank.statuses()[0]?.state).toBe('waiting');
    expect(await bank.acquire('nc-demo')).toBeNull();
    const started = Date.now();
    const lease = await bank.acquire('nc-demo', 5000);
    expect(lease?.id).toBe('modem-1');
    expect(Date.now() - started).toBeGreaterThan(500);
    expect(bank.statuses()[0]).toEqual(
      expect.objectContaining({ state: 'busy', waitingUntil: null }),
    );
    const step = await lease?.ussd.start('*123*687123456*2*1234#', 5000, { secret: true });
    expect(step?.text).toMatch(/OK/);
  });
});
