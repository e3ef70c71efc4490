/** How the modem cuts what it receives into command lines and message bodies. */
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../../electron/gsm/simulator/command-line';
import { createModemInput, MAX_COMMAND_BYTES } from '../../../../electron/gsm/simulator/input';
import { bench } from './harness';

const OK = '\r\nOK\r\n';

describe('the modem frames commands', () => {
  it.each([
    ['ended by CR', ['AT\r'], `AT\r${OK}`],
    ['ended by CRLF (the LF is echoed with it)', ['AT\r\n'], `AT\r\n${OK}`],
    ['ended by LF alone', ['AT\n'], `AT\n${OK}`],
    ['split across chunks', ['A', 'T', '+CS', 'Q\r'], `AT+CSQ\r\r\n+CSQ: 21,99\r\n${OK}`],
    [
      'with CR and LF in different chunks (the late LF is echoed after the answer)',
      ['AT\r', '\n', 'AT\r'],
      `AT\r${OK}\nAT\r${OK}`,
    ],
    ['edited with backspace', ['ATX\bI\r'], 'ATX\bI\r\r\nManufacturer'],
    ['after an ESC and an empty line, as gammu starts', ['\x1b\rAT\r'], `\rAT\r${OK}`],
  ])('%s', async (_, chunks, answer) => {
    const modem = bench();
    for (const chunk of chunks) await modem.send(chunk);
    const got = await modem.waitFor(/OK\r\n/);
    await modem.settle();
    expect(got + modem.take()).toContain(answer);
  });

  it('answers several commands sent in one chunk in order, each after its echo', async () => {
    const modem = bench();
    await modem.send('AT\rAT+CGMI\rAT+FOO\rAT+CSQ\r');
    const got = await modem.waitFor(/\+CSQ: 21,99\r\n\r\nOK\r\n$/);
    await modem.settle();
    const exchange = `AT\r${OK}AT+CGMI\r\r\nComptoir\r\n${OK}AT+FOO\r\r\nERROR\r\nAT+CSQ\r\r\n+CSQ: 21,99\r\n${OK}`;
    expect(got + modem.take()).toBe(exchange);
  });

  it('answers an overlong line with an error and keeps going', async () => {
    const modem = bench();
    const answer = await modem.answer(`AT${'A'.repeat(MAX_COMMAND_BYTES + 10)}\r`);
    expect(answer.endsWith('\r\nERROR\r\n')).toBe(true);
    expect(await modem.answer('AT\r')).toBe(`AT\r${OK}`);
  });

  it('takes a message body up to Ctrl-Z even when it comes with the command', async () => {
    const input = createModemInput();
    input.push(Buffer.from('AT+CMGS=5\r0011\r\n00', 'latin1'));
    expect(input.takeCommandLine()?.text).toBe('AT+CMGS=5');
    expect(input.takeBody()).toBeNull();
    input.push(Buffer.from('FF\x1aAT\r', 'latin1'));
    expect(input.takeBody()).toMatchObject({ text: '001100FF', ending: 'submit' });
    expect(input.takeCommandLine()?.text).toBe('AT');
  });

  it('cancels a message body on ESC', () => {
    const input = createModemInput();
    input.push(Buffer.from('0011\x1b', 'latin1'));
    expect(input.takeBody()).toMatchObject({ text: '0011', ending: 'cancel' });
  });
});

describe('command lines are read as V.250 says', () => {
  it.each([
    ['AT', []],
    ['ATE0', [{ name: 'E', form: 'set', args: '0' }]],
    ['ATZ', [{ name: 'Z', form: 'execute', args: '' }]],
    ['AT&F', [{ name: '&F', form: 'execute', args: '' }]],
    [
      'ATE0V1',
      [
        { name: 'E', form: 'set', args: '0' },
        { name: 'V', form: 'set', args: '1' },
      ],
    ],
    ['ATS7?', [{ name: 'S7', form: 'read', args: '' }]],
    ['AT+CSQ', [{ name: '+CSQ', form: 'execute', args: '' }]],
    ['AT+CREG?', [{ name: '+CREG', form: 'read', args: '' }]],
    ['AT+CREG=?', [{ name: '+CREG', form: 'test', args: '' }]],
    ['at+cmgf=0', [{ name: '+CMGF', form: 'set', args: '0' }]],
    ['AT^CURC=0', [{ name: '^CURC', form: 'set', args: '0' }]],
    ['AT$TSSPCSW=?', [{ name: '$TSSPCSW', form: 'test', args: '' }]],
    [
      'AT+CUSD=1,"*123*1;2#",15;+CSQ',
      [
        { name: '+CUSD', form: 'set', args: '1,"*123*1;2#",15' },
        { name: '+CSQ', form: 'execute', args: '' },
      ],
    ],
  ])('%s', (line, commands) => {
    const parsed = parseCommandLine(line);
    expect(parsed?.unreadable).toBeNull();
    expect(parsed?.commands).toMatchObject(commands);
  });

  it('ignores what comes before AT, and lines without it', () => {
    expect(parseCommandLine('\xff\xfeAT+CSQ')?.text).toBe('AT+CSQ');
    expect(parseCommandLine('hello')).toBeNull();
  });

  it('keeps what it cannot read, for the error', () => {
    expect(parseCommandLine('AT+CSQ;!!')).toMatchObject({ unreadable: '!!' });
  });
});
