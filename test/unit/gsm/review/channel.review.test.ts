/**
 * Review findings on the AT channel (electron/gsm/channel.ts). Each test states what SHOULD
 * happen; a failing test is a defect.
 */
import { describe, expect, it } from 'vitest';
import { AtNotSentError, AtTimeoutError, createAtChannel } from '../../../../electron/gsm/channel';
import type { ModemLink } from '../../../../electron/gsm/link/link';
import { createMemoryLinkPair } from '../../../../electron/gsm/link/memory-link';
import { scriptedModem } from '../scripted-modem';

const ok = '\r\nOK\r\n';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A modem whose AT interpreter stalls (network search, SIM refresh, a Huawei busy with a USSD
 * session): it keeps reading lines but answers none of them until `wake()`, then answers every
 * line it read, in order, as a real modem does.
 */
function stallingModem(answer: (command: string) => string) {
  let stalled = true;
  const backlog: string[] = [];
  const modem = scriptedModem((command) => {
    if (!stalled) return answer(command);
    backlog.push(command);
    return null;
  });
  return {
    ...modem,
    async wake() {
      stalled = false;
      for (const command of backlog.splice(0))
        await modem.modem.write(Buffer.from(answer(command), 'latin1'));
    },
  };
}

describe('review: the AT channel', () => {
  it('never gives the next command the late answer of an earlier one when resync gives up', async () => {
    const modem = stallingModem((command) => {
      if (command === 'AT+CSQ') return `\r\n+CSQ: 18,99\r\n${ok}`;
      if (command === 'AT+CIMI') return `\r\n546010123456789\r\n${ok}`;
      return ok;
    });
    const channel = createAtChannel(modem.client, {
      timeouts: { quick: 100 },
      resyncTimeoutMs: 250,
      resyncQuietMs: 10,
    });
    const first = channel.run('AT+CSQ').catch((error: unknown) => error);
    const second = channel.run('AT+CIMI', { timeoutMs: 2_000 }).catch((error: unknown) => error);
    expect(await first).toBeInstanceOf(AtTimeoutError);
    // Resync gave up (no OK within 250 ms): AT+CIMI is refused without being written.
    expect(await second).toBeInstanceOf(AtNotSentError);
    expect(modem.received).not.toContain('AT+CIMI');
    await modem.wake();
    // Back in step, the next command gets its own answer, not the late ones.
    await sleep(50);
    const answer = await channel.run('AT+CIMI', { timeoutMs: 2_000 });
    expect(answer.lines).toEqual(['546010123456789']);
  });

  it('keeps the queue moving after a write that fails on a port that stays open', async () => {
    // A serial port whose first write fails (Windows USB modems: "GetOverlappedResult" errors)
    // but that does not close: the channel must go on with the next commands.
    const [client, modemEnd] = createMemoryLinkPair('flaky');
    let writes = 0;
    const flaky: ModemLink = {
      ...client,
      description: 'flaky',
      write(bytes) {
        if (Buffer.from(bytes).toString('latin1').startsWith('AT+CGMI') && writes++ === 0) {
          return Promise.reject(new Error('write failed'));
        }
        return client.write(bytes);
      },
    };
    modemEnd.onData((chunk) => {
      for (const line of Buffer.from(chunk).toString('latin1').split('\r')) {
        if (line) void modemEnd.write(Buffer.from(line === 'AT+CSQ' ? `\r\n+CSQ: 9,99${ok}` : ok));
      }
    });
    const channel = createAtChannel(flaky, { timeouts: { quick: 200 }, resyncQuietMs: 10 });
    const failed = channel.run('AT+CGMI').catch((error: unknown) => error);
    const second = channel.run('AT+CGMM').catch((error: unknown) => error);
    const third = channel.run('AT+CSQ');
    expect(await failed).toBeInstanceOf(Error);
    // Observed: the reader still holds AT+CGMI as pending, so AT+CGMM is refused with
    // 'AT command "AT+CGMI" is still pending' and AT+CSQ is never written: it never settles.
    const outcome = await Promise.race([
      third.then((a) => a.lines),
      sleep(2_000).then(() => 'still unsettled after 2 s'),
    ]);
    expect(outcome).toEqual(['+CSQ: 9,99']);
    expect(await second).not.toMatchObject({ message: expect.stringMatching(/still pending/) });
  });

  it('does not give the OK of a +CPIN: READY-without-OK answer to the next command', async () => {
    // The Sierra profile sets cpinWithoutOk for the whole manufacturer; a Sierra that does print
    // the OK, in a separate read (serial chunks are cut anywhere), must not shift the answers.
    const [client, modemEnd] = createMemoryLinkPair('sierra');
    modemEnd.onData((chunk) => {
      const command = Buffer.from(chunk).toString('latin1').trim();
      if (command === 'AT+CPIN?') {
        void modemEnd.write(Buffer.from('\r\n+CPIN: READY\r\n'));
        setTimeout(() => void modemEnd.write(Buffer.from(ok)), 5);
      } else if (command === 'AT+CSQ') {
        setTimeout(() => void modemEnd.write(Buffer.from(`\r\n+CSQ: 21,99\r\n${ok}`)), 20);
      }
    });
    const channel = createAtChannel(client);
    const cpin = channel.run('AT+CPIN?', { quirks: { cpinWithoutOk: true } });
    const csq = channel.run('AT+CSQ');
    expect((await cpin).lines).toEqual(['+CPIN: READY']);
    // Observed: AT+CSQ resolves with [] (the CPIN's OK), and its real answer is dropped as stray.
    expect((await csq).lines).toEqual(['+CSQ: 21,99']);
  });
});
