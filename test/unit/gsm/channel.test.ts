import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AtCommandError,
  AtInputError,
  AtNotSentError,
  AtTimeoutError,
  createAtChannel,
  type TranscriptEntry,
} from '../../../electron/gsm/channel';
import { realClock } from '../../../electron/gsm/clock';
import { LinkClosedError, type ModemLink } from '../../../electron/gsm/link/link';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { createSimulatedModem, type SimulatedModem } from '../../../electron/gsm/simulator';
import { impatientChannel, scriptedModem, stallingModem } from './scripted-modem';
import { steppedClock } from './stepped-clock';

const ok = '\r\nOK\r\n';

describe('the AT channel', () => {
  it('answers queued commands in order, one on the line at a time', async () => {
    const { client, received } = scriptedModem((command) => {
      if (command === 'AT+CGMI') return `\r\nhuawei\r\n${ok}`;
      if (command === 'AT+CGMM') return `\r\nE3372\r\n${ok}`;
      return ok;
    });
    const channel = createAtChannel(client);
    const answers = await Promise.all([
      channel.run('AT'),
      channel.run('AT+CGMI'),
      channel.run('AT+CGMM'),
    ]);
    expect(answers.map((a) => [a.command, a.lines, a.final.kind])).toEqual([
      ['AT', [], 'ok'],
      ['AT+CGMI', ['huawei'], 'ok'],
      ['AT+CGMM', ['E3372'], 'ok'],
    ]);
    expect(received).toEqual(['AT', 'AT+CGMI', 'AT+CGMM']);
  });

  it('removes echo and hands URCs to listeners, also between the echo and the OK', async () => {
    const { client } = scriptedModem(
      (command) => `${command}\r\r\n^RSSI:14\r\n+CSQ: 21,99\r\n\r\n+CMTI: "SM",3\r\n${ok}`,
    );
    const channel = createAtChannel(client);
    const urcs: string[] = [];
    channel.onUrc((urc) => urcs.push(`${urc.name} ${urc.lines.join('|')}`));
    const answer = await channel.run('AT+CSQ');
    expect(answer.lines).toEqual(['+CSQ: 21,99']);
    expect(urcs).toEqual(['^RSSI ^RSSI:14', '+CMTI +CMTI: "SM",3']);
  });

  it('writes an SMS body at the prompt, ended by Ctrl-Z', async () => {
    const { client, received } = scriptedModem((command) => {
      if (command === 'AT+CMGS=18') return '\r\n> ';
      if (command.endsWith('<Ctrl-Z>')) return `\r\n+CMGS: 42\r\n${ok}`;
      return null;
    });
    const channel = createAtChannel(client);
    const answer = await channel.run('AT+CMGS=18', {
      body: '0011000B916407281553F80000AA0AE8329BFD4697D9EC37',
      kind: 'network',
    });
    expect(answer.lines).toEqual(['+CMGS: 42']);
    expect(received).toEqual([
      'AT+CMGS=18',
      '0011000B916407281553F80000AA0AE8329BFD4697D9EC37<Ctrl-Z>',
    ]);
  });

  it('gives error results a stable id with expectOk', async () => {
    const { client } = scriptedModem(() => '\r\n+CME ERROR: 14\r\n');
    const channel = createAtChannel(client);
    const error = await channel.expectOk('AT+CPIN?').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtCommandError);
    expect((error as AtCommandError).id).toBe('sim_busy');
    expect((await channel.run('AT+CPIN?')).final).toEqual({ kind: 'cme', code: 14 });
  });

  it('times out a silent command, then re-synchronises so a late answer is not taken for the next one', async () => {
    let silent = true;
    const { client, modem, received } = scriptedModem((command) => {
      if (command === 'AT+COPS?' && silent) return null;
      if (command === 'AT+CSQ') return `\r\n+CSQ: 18,99\r\n${ok}`;
      return ok;
    });
    const time = steppedClock();
    const channel = createAtChannel(client, { timeouts: { quick: 100 }, clock: time.clock });
    const late = channel.run('AT+COPS?');
    const next = channel.run('AT+CSQ');
    await expect(time.drive(late)).rejects.toBeInstanceOf(AtTimeoutError);
    silent = false;
    // The operator answer arrives late, after the timeout: it must be swallowed.
    await modem.write(Buffer.from('\r\n+COPS: 0,0,"OPT"\r\n\r\nOK\r\n'));
    const answer = await time.drive(next);
    expect(answer.lines).toEqual(['+CSQ: 18,99']);
    expect(received[0]).toBe('AT+COPS?');
    expect(received).toContain('AT');
    expect(received.at(-1)).toBe('AT+CSQ');
  });

  it('fails the pending and every queued command when the port goes away, and says so', async () => {
    const { client, modem } = scriptedModem(() => null);
    const channel = createAtChannel(client);
    const gone = new Promise<LinkClosedError>((resolve) => channel.onClosed(resolve));
    const pending = channel.run('AT+CUSD=1,"*100#",15', { kind: 'network' });
    const queued = channel.run('AT+CSQ');
    await modem.close();
    await expect(pending).rejects.toBeInstanceOf(LinkClosedError);
    await expect(queued).rejects.toBeInstanceOf(LinkClosedError);
    expect((await gone).reason).toEqual({ kind: 'unplugged' });
    await expect(channel.run('AT')).rejects.toThrow(/unplugged/);
  });

  it.each([
    ['a line break', 'AT+CUSD=1,"*100#"\rATD112;'],
    ['Ctrl-Z', 'AT+CMGS=5\x1a'],
    ['an escape', 'AT\x1b'],
    ['something that is not AT', 'ATZ; rm -rf /'.replace('AT', 'XT')],
    ['non-ASCII text', 'AT+CUSD=1,"été"'],
  ])('refuses a command with %s before writing anything', async (_label, command) => {
    const { client, received } = scriptedModem(() => ok);
    const channel = createAtChannel(client);
    await expect(channel.run(command)).rejects.toBeInstanceOf(AtInputError);
    await expect(channel.run('AT+CMGS=5', { body: 'hello\x1a' })).rejects.toBeInstanceOf(
      AtInputError,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toEqual([]);
  });

  it('keeps a transcript of what was sent and received', async () => {
    const { client } = scriptedModem(() => `\r\n+CSQ: 9,99\r\n${ok}`);
    const transcript: TranscriptEntry[] = [];
    const channel = createAtChannel(client, {
      transcript: (entry) => transcript.push(entry),
      clock: { ...realClock, now: () => new Date('2026-11-22T00:00:00Z') },
    });
    await channel.run('AT+CSQ');
    expect(transcript.map(({ direction, text }) => `${direction}: ${text}`)).toEqual([
      'sent: <ESC>',
      'sent: AT+CSQ',
      'received: +CSQ: 9,99\nOK',
    ]);
  });

  it('never lets a secret out: transcript, response and errors show the masked command', async () => {
    const { client } = scriptedModem((command) =>
      command.startsWith('AT+CPIN=') ? '\r\n+CME ERROR: 16\r\n' : null,
    );
    const transcript: string[] = [];
    const time = steppedClock();
    const channel = createAtChannel(client, {
      timeouts: { quick: 50 },
      transcript: ({ text }) => transcript.push(text),
      clock: time.clock,
    });
    const refused = (await channel
      .expectOk('AT+CPIN="4821"', { shownAs: 'AT+CPIN=<PIN>' })
      .catch((e: unknown) => e)) as AtCommandError;
    expect(refused.response.command).toBe('AT+CPIN=<PIN>');
    const silent = (await time.drive(
      channel
        .run('AT+CUSD=1,"*123*4821#",15', { shownAs: 'AT+CUSD=1,"*123*••••#",15' })
        .catch((e: unknown) => e),
    )) as AtTimeoutError;
    const everything = [...transcript, refused.message, silent.message, silent.command].join('\n');
    expect(everything).toContain('AT+CPIN=<PIN>');
    expect(everything).not.toContain('4821');
  });

  it('survives any bytes from the modem and soon answers commands correctly again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (noise) => {
        let first = true;
        const { client } = scriptedModem((command) => {
          if (first) {
            first = false;
            return Buffer.from(noise).toString('latin1');
          }
          return command === 'AT+CGMR' ? `\r\n21.180\r\n${ok}` : ok;
        });
        const time = steppedClock();
        const channel = createAtChannel(client, {
          timeouts: { quick: 50 },
          resyncTimeoutMs: 1000,
          resyncQuietMs: 10,
          clock: time.clock,
        });
        await time.drive(
          channel.run('AT+CGMI').catch((error: unknown) => {
            if (!(error instanceof AtTimeoutError)) throw error;
          }),
        );
        // Noise may open a multi-line URC that swallows a few lines; it must not last.
        for (let attempt = 0; attempt < 20; attempt++) {
          const answer = await time.drive(
            channel.run('AT+CGMR', { timeoutMs: 300 }).catch((error: unknown) => {
              if (error instanceof AtTimeoutError) return null;
              throw error;
            }),
          );
          if (answer?.final.kind === 'ok' && answer.lines.at(-1) === '21.180') return true;
        }
        return false;
      }),
      { numRuns: 40 },
    );
  });
});

describe('the AT channel out of step', () => {
  it('never gives the next command the late answer of an earlier one when resync gives up', async () => {
    const modem = stallingModem((command) => {
      if (command === 'AT+CSQ') return `\r\n+CSQ: 18,99\r\n${ok}`;
      if (command === 'AT+CIMI') return `\r\n546010123456789\r\n${ok}`;
      return ok;
    });
    const { time, channel } = impatientChannel(modem.client);
    const first = channel.run('AT+CSQ').catch((error: unknown) => error);
    const second = channel.run('AT+CIMI', { timeoutMs: 2_000 }).catch((error: unknown) => error);
    expect(await time.drive(first)).toBeInstanceOf(AtTimeoutError);
    // Resync gave up (no OK within 250 ms): AT+CIMI is refused without being written.
    expect(await time.drive(second)).toBeInstanceOf(AtNotSentError);
    expect(modem.received).not.toContain('AT+CIMI');
    await modem.wake();
    // Back in step, the next command gets its own answer, not the late ones.
    await time.step(50);
    const answer = await time.drive(channel.run('AT+CIMI', { timeoutMs: 2_000 }));
    expect(answer.lines).toEqual(['546010123456789']);
  });

  it('tells whoever heals the modem of each command left unanswered, the resync probes too', async () => {
    const modem = stallingModem(() => ok);
    const unanswered: string[] = [];
    const { time, channel } = impatientChannel(modem.client, (command) => unanswered.push(command));
    const first = channel.run('AT+CSQ').catch((error: unknown) => error);
    const second = channel.run('AT+CIMI').catch((error: unknown) => error);
    expect(await time.drive(first)).toBeInstanceOf(AtTimeoutError);
    expect(await time.drive(second)).toBeInstanceOf(AtNotSentError);
    expect(unanswered[0]).toBe('AT+CSQ');
    expect(unanswered.slice(1).length).toBeGreaterThan(0);
    expect(new Set(unanswered.slice(1))).toEqual(new Set(['AT']));
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
    const time = steppedClock();
    const channel = createAtChannel(flaky, {
      timeouts: { quick: 200 },
      resyncQuietMs: 10,
      clock: time.clock,
    });
    const failed = channel.run('AT+CGMI').catch((error: unknown) => error);
    const second = channel.run('AT+CGMM').catch((error: unknown) => error);
    const third = channel.run('AT+CSQ');
    expect(await time.drive(failed)).toBeInstanceOf(Error);
    // Once, the reader still held AT+CGMI as pending: AT+CGMM was refused with 'AT command
    // "AT+CGMI" is still pending' and AT+CSQ was never written, nor ever settled.
    expect((await time.drive(third, 2_000)).lines).toEqual(['+CSQ: 9,99']);
    expect(await second).not.toMatchObject({ message: expect.stringMatching(/still pending/) });
  });

  it('does not give the OK of a +CPIN: READY-without-OK answer to the next command', async () => {
    // The Sierra profile sets cpinWithoutOk for the whole manufacturer; a Sierra that does print
    // the OK, in a separate read (serial chunks are cut anywhere), must not shift the answers.
    const time = steppedClock();
    const [client, modemEnd] = createMemoryLinkPair('sierra');
    modemEnd.onData((chunk) => {
      const command = Buffer.from(chunk).toString('latin1').trim();
      if (command === 'AT+CPIN?') {
        void modemEnd.write(Buffer.from('\r\n+CPIN: READY\r\n'));
        time.clock.setTimeout(() => void modemEnd.write(Buffer.from(ok)), 5);
      } else if (command === 'AT+CSQ') {
        time.clock.setTimeout(
          () => void modemEnd.write(Buffer.from(`\r\n+CSQ: 21,99\r\n${ok}`)),
          20,
        );
      }
    });
    const channel = createAtChannel(client, { clock: time.clock });
    const cpin = channel.run('AT+CPIN?', { quirks: { cpinWithoutOk: true } });
    const csq = channel.run('AT+CSQ');
    expect((await time.drive(cpin)).lines).toEqual(['+CPIN: READY']);
    // Once, AT+CSQ resolved with [] (the CPIN's OK), and its real answer was dropped as stray.
    expect((await time.drive(csq)).lines).toEqual(['+CSQ: 21,99']);
  });
});

describe('a modem left at the SMS prompt', () => {
  // Runs the real simulator in-process, whose input follows 27.005 §3.5.1.
  const stops: Array<() => void> = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  it('the channel leaves the prompt of a command that has no body instead of hanging the port', async () => {
    const time = steppedClock();
    const [client, modemEnd] = createMemoryLinkPair('sim');
    const simulated: SimulatedModem = createSimulatedModem(modemEnd, { clock: time.clock });
    stops.push(() => simulated.stop());
    const channel = createAtChannel(client, {
      timeouts: { quick: 100 },
      resyncTimeoutMs: 300,
      resyncQuietMs: 5,
      clock: time.clock,
    });
    await time.drive(channel.run('AT+CMGF=0'));
    // The technician's `comptoir at AT+CMGS=20`: the prompt comes, there is no body to write.
    // The channel answers the prompt with ESC, which cancels the message (a modem says OK).
    expect((await time.drive(channel.run('AT+CMGS=20'))).final.kind).toBe('ok');
    const answer = await time.drive(channel.run('AT+CSQ', { timeoutMs: 300 }));
    expect(answer.final.kind).toBe('ok');
  });
});
