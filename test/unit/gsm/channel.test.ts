import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AtCommandError,
  AtInputError,
  AtTimeoutError,
  createAtChannel,
  type TranscriptEntry,
} from '../../../electron/gsm/channel';
import { realClock } from '../../../electron/gsm/clock';
import { LinkClosedError } from '../../../electron/gsm/link/link';
import { scriptedModem } from './scripted-modem';

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
    const channel = createAtChannel(client, { timeouts: { quick: 100 } });
    const late = channel.run('AT+COPS?');
    const next = channel.run('AT+CSQ');
    await expect(late).rejects.toBeInstanceOf(AtTimeoutError);
    silent = false;
    // The operator answer arrives late, after the timeout: it must be swallowed.
    await modem.write(Buffer.from('\r\n+COPS: 0,0,"OPT"\r\n\r\nOK\r\n'));
    const answer = await next;
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
    const channel = createAtChannel(client, {
      timeouts: { quick: 50 },
      transcript: ({ text }) => transcript.push(text),
    });
    const refused = (await channel
      .expectOk('AT+CPIN="4821"', { shownAs: 'AT+CPIN=<PIN>' })
      .catch((e: unknown) => e)) as AtCommandError;
    expect(refused.response.command).toBe('AT+CPIN=<PIN>');
    const silent = (await channel
      .run('AT+CUSD=1,"*123*4821#",15', { shownAs: 'AT+CUSD=1,"*123*••••#",15' })
      .catch((e: unknown) => e)) as AtTimeoutError;
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
        const channel = createAtChannel(client, {
          timeouts: { quick: 50 },
          resyncTimeoutMs: 1000,
          resyncQuietMs: 10,
        });
        await channel.run('AT+CGMI').catch((error: unknown) => {
          if (!(error instanceof AtTimeoutError)) throw error;
        });
        // Noise may open a multi-line URC that swallows a few lines; it must not last.
        for (let attempt = 0; attempt < 20; attempt++) {
          const answer = await channel
            .run('AT+CGMR', { timeoutMs: 300 })
            .catch((error: unknown) => {
              if (error instanceof AtTimeoutError) return null;
              throw error;
            });
          if (answer?.final.kind === 'ok' && answer.lines.at(-1) === '21.180') return true;
        }
        return false;
      }),
      { numRuns: 40 },
    );
  });
});
