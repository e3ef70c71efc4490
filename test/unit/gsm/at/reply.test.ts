import { describe, expect, it } from 'vitest';
import {
  MAX_REPLY_LINES,
  type ReplyQuirks,
  reduceReply,
  startReply,
} from '../../../../electron/gsm/at/reply';
import { classifyLine, createResponseCollector } from './classify-line';

/** Feeds lines (classified against the command) and returns the last progress. */
function collect(command: string, lines: string[], quirks: ReplyQuirks = {}) {
  const collector = createResponseCollector(command, quirks);
  let progress = collector.push({ kind: 'empty' });
  for (const line of lines) progress = collector.push(classifyLine(line, { command }));
  return progress;
}

describe('response collector', () => {
  it('collects answer lines up to OK', () => {
    expect(collect('AT+CSQ', ['AT+CSQ', '+CSQ: 20,99', 'OK'])).toEqual({
      done: true,
      final: { kind: 'ok' },
      lines: ['+CSQ: 20,99'],
    });
  });

  it('is not done without a final result', () => {
    expect(collect('AT+CSQ', ['+CSQ: 20,99'])).toEqual({ done: false });
  });

  it('leaves URCs out of the answer', () => {
    expect(collect('AT+CSQ', ['^RSSI:18', '+CSQ: 18,99', '+CMTI: "SM",2', 'OK'])).toEqual({
      done: true,
      final: { kind: 'ok' },
      lines: ['+CSQ: 18,99'],
    });
  });

  it('keeps a multi-line answer in order', () => {
    const pdu = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';
    expect(
      collect('AT+CMGL=4', ['+CMGL: 1,0,,22', pdu, '+CMGL: 2,1,,22', pdu, 'OK']),
    ).toMatchObject({
      lines: ['+CMGL: 1,0,,22', pdu, '+CMGL: 2,1,,22', pdu],
    });
  });

  it('ends on an error with its code', () => {
    expect(collect('AT+CPIN?', ['+CME ERROR: 14'])).toEqual({
      done: true,
      final: { kind: 'cme', code: 14 },
      lines: [],
    });
  });

  it('an incomplete "+CME ERROR:" keeps reading; the next line carries the code', () => {
    expect(collect('AT+CPIN?', ['+CME ERROR:'])).toEqual({ done: false });
    expect(collect('AT+CPIN?', ['+CME ERROR:', '10'])).toEqual({
      done: true,
      final: { kind: 'cme', code: 10 },
      lines: [],
    });
    expect(collect('AT+CMGR=3', ['+CMS ERROR:', 'invalid memory index'])).toMatchObject({
      final: { kind: 'cms', code: 321, text: 'invalid memory index' },
    });
  });

  it('an incomplete "+CME ERROR:" followed by a final result takes that result', () => {
    expect(collect('AT+CPIN?', ['+CME ERROR:', 'ERROR'])).toMatchObject({
      final: { kind: 'error' },
    });
  });

  it('ignores what comes after the final result', () => {
    const collector = createResponseCollector('AT');
    collector.push(classifyLine('OK', { command: 'AT' }));
    expect(collector.push(classifyLine('ERROR', { command: 'AT' }))).toMatchObject({
      final: { kind: 'ok' },
    });
  });

  describe('quirks', () => {
    it('without the quirk, +CPIN: READY alone does not end AT+CPIN?', () => {
      expect(collect('AT+CPIN?', ['+CPIN: READY'])).toEqual({ done: false });
    });
    it('with cpinWithoutOk, +CPIN: READY ends AT+CPIN? (Wavecom, Sierra)', () => {
      expect(collect('AT+CPIN?', ['+CPIN: READY'], { cpinWithoutOk: true })).toEqual({
        done: true,
        final: { kind: 'ok' },
        lines: ['+CPIN: READY'],
      });
    });
    it('cpinWithoutOk does not apply to other commands', () => {
      expect(collect('AT+CPIN="1234"', ['+CPIN: READY'], { cpinWithoutOk: true })).toEqual({
        done: false,
      });
    });
    it('"NA" is only an error when the profile says so', () => {
      expect(collect('AT+CGMR', ['NA'])).toEqual({ done: false });
      expect(collect('AT+CGMR', ['NA'], { naIsError: true })).toMatchObject({
        final: { kind: 'not-allowed' },
      });
    });
  });

  it('is a pure reducer: the old state is unchanged', () => {
    const before = startReply('AT+CSQ');
    const after = reduceReply(before, { kind: 'response', text: '+CSQ: 20,99' });
    expect(before.lines).toEqual([]);
    expect(after.lines).toEqual(['+CSQ: 20,99']);
  });

  it('bounds the memory of an endless answer', () => {
    let state = startReply('AT+CMGL=4');
    for (let i = 0; i < MAX_REPLY_LINES + 10; i++) {
      state = reduceReply(state, { kind: 'response', text: `line ${i}` });
    }
    expect(state.lines.length).toBe(MAX_REPLY_LINES);
    expect(state.dropped).toBe(10);
  });
});
