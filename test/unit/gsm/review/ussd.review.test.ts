/**
 * Review findings on USSD (electron/gsm/ussd.ts, with the channel and reader under it).
 * Each test states what SHOULD happen; a failing test is a defect.
 */
import { describe, expect, it } from 'vitest';
import { AtNotSentError, AtTimeoutError, createAtChannel } from '../../../../electron/gsm/channel';
import { genericProfile } from '../../../../electron/gsm/profiles';
import { createUssdSession, UssdBusyError } from '../../../../electron/gsm/ussd';
import { scriptedModem } from '../scripted-modem';

const ok = '\r\nOK\r\n';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TOP_UP = '*123*1*687123456*2*1234#';

describe('review: USSD top-ups', () => {
  it('dials a top-up once, even when a stale ERROR reaches the line after a failed resync', async () => {
    // The modem stalls for a few seconds (network search, SIM refresh). The inbox's AT+CMGD
    // times out, resync gives up, and the top-up's AT+CUSD=1 goes onto the line. When the modem
    // wakes up it answers everything in order: the CMGD's +CMS ERROR lands on the AT+CUSD=1.
    let stalled = false;
    const backlog: string[] = [];
    const answer = (command: string): string => {
      if (command.startsWith('AT+CMGD')) return '\r\n+CMS ERROR: 321\r\n';
      if (command.startsWith('AT+CUSD=1,'))
        return `${ok}\r\n+CUSD: 0,"Recharge 5Go OK pour 687123456",15\r\n`;
      return ok;
    };
    const modem = scriptedModem((command) => {
      if (!stalled) return answer(command);
      backlog.push(command);
      return null;
    });
    const channel = createAtChannel(modem.client, {
      timeouts: { quick: 100 },
      resyncTimeoutMs: 250,
      resyncQuietMs: 10,
    });
    const ussd = createUssdSession(channel, { profile: genericProfile });
    // An earlier session selected the charset and learned the encoding.
    expect((await ussd.start('*100#', 1_000)).status).toBe('done');

    stalled = true;
    const deletion = channel.run('AT+CMGD=3', { kind: 'sim', timeoutMs: 100 }).catch((e) => e);
    // Handled at once: it settles while the test waits for the modem to wake.
    const topUp = ussd.start(TOP_UP, 3_000).catch((error: unknown) => error);
    expect(await deletion).toBeInstanceOf(AtTimeoutError);
    await sleep(400);
    stalled = false;
    for (const command of backlog.splice(0)) await modem.modem.write(Buffer.from(answer(command)));
    // Resync gave up while the modem stalled: the top-up is refused without being written, so
    // the journal records it as failed before sending, and no stale answer can reach it.
    expect(await topUp).toBeInstanceOf(AtNotSentError);
    await sleep(100);

    const dialled = modem.received.filter(
      (line) => line.startsWith('AT+CUSD=1,') && !line.includes('*100#'),
    );
    expect(dialled).toEqual([]);
  });

  it('counts the answer time from when AT+CUSD=1 is written, not from when it was queued', async () => {
    // A long SMS is being sent (AT+CMGS takes 300 ms on a slow network) when the clerk starts a
    // top-up with a 250 ms answer window; the network answers 50 ms after the request.
    const modem = scriptedModem((command) => {
      if (command.startsWith('AT+CMGS')) {
        setTimeout(() => void modem.modem.write(Buffer.from(`\r\n+CMGS: 7\r\n${ok}`)), 300);
        return null;
      }
      if (command.startsWith('AT+CUSD=1,')) {
        setTimeout(
          () =>
            void modem.modem.write(Buffer.from('\r\n+CUSD: 0,"Recharge 5Go OK. Ref TX1",15\r\n')),
          50,
        );
        return ok;
      }
      return ok;
    });
    const channel = createAtChannel(modem.client);
    const ussd = createUssdSession(channel, { profile: genericProfile });
    // An earlier session of the day already selected the charset (AT+CSCS is not asked again).
    expect((await ussd.start('*100#', 1_000)).status).toBe('done');
    void channel.run('AT+CMGS=5', { kind: 'network' });
    const step = await ussd.start(TOP_UP, 250);
    // Observed: status 'timeout' (the journal would say "unknown"), though the network answered
    // 50 ms after the request was written.
    expect(step.status).toBe('done');
  });

  it('does not take the late answer of a timed-out top-up as the answer of the next one', async () => {
    // Top-up A is accepted (OK) but its answer comes late; the clerk's next top-up B is refused
    // by the network. B must not be reported with A's confirmation.
    let dialled = 0;
    const modem = scriptedModem((command) => {
      if (!command.startsWith('AT+CUSD=1,')) return ok;
      dialled++;
      if (dialled === 1) {
        // A's answer: 150 ms late (after A's 100 ms window) — just after B was written.
        setTimeout(
          () =>
            void modem.modem.write(
              Buffer.from('\r\n+CUSD: 0,"Recharge 5Go OK pour 687123456. Ref TX1",15\r\n'),
            ),
          150,
        );
        return ok;
      }
      setTimeout(
        () =>
          void modem.modem.write(Buffer.from('\r\n+CUSD: 0,"Solde revendeur insuffisant",15\r\n')),
        100,
      );
      return ok;
    });
    const ussd = createUssdSession(createAtChannel(modem.client), {
      profile: genericProfile,
      lateAnswerMs: 2_000,
    });
    const a = await ussd.start('*123*1*687123456*2*1234#', 100);
    expect(a.status).toBe('timeout');
    // A's answer may still come: B is refused before anything is written.
    await expect(ussd.start('*123*1*687654321*2*1234#', 1_000)).rejects.toBeInstanceOf(
      UssdBusyError,
    );
    expect(dialled).toBe(1);
    // A's late confirmation arrives (it is evidence for A, never B's); then B can go.
    await sleep(100);
    const b = await ussd.start('*123*1*687654321*2*1234#', 1_000);
    expect(b.text).toBe('Solde revendeur insuffisant');
  });

  it('keeps one USSD session per modem even when two callers each make a session object', async () => {
    // createUssdSession is per call (as `comptoir ussd` does): two top-ups on one modem at the
    // same time must not both take the first +CUSD answer.
    const modem = scriptedModem((command) => {
      const code = /^AT\+CUSD=1,"(.*)",15$/.exec(command)?.[1];
      if (!code) return ok;
      const customer = code.split('*')[3];
      setTimeout(
        () =>
          void modem.modem.write(Buffer.from(`\r\n+CUSD: 0,"Recharge OK pour ${customer}",15\r\n`)),
        30,
      );
      return ok;
    });
    const channel = createAtChannel(modem.client);
    const first = createUssdSession(channel, { profile: genericProfile });
    const second = createUssdSession(channel, { profile: genericProfile });
    const [a, b] = await Promise.allSettled([
      first.start('*123*1*687111111*2*1234#', 1_000),
      second.start('*123*1*687222222*2*1234#', 1_000),
    ]);
    expect(a).toMatchObject({ status: 'fulfilled', value: { text: 'Recharge OK pour 687111111' } });
    // Either refused as busy, or with its own answer. Observed: fulfilled with
    // "Recharge OK pour 687111111" — the other customer's confirmation.
    if (b.status === 'fulfilled') expect(b.value.text).toBe('Recharge OK pour 687222222');
    else expect(b.reason).toBeInstanceOf(UssdBusyError);
  });
});
