import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../../electron/gsm/replay/parse';
import type { ReplayTranscript } from '../../../../electron/gsm/replay/transcript';
import { writeTranscript } from '../../../../electron/gsm/replay/write';

const sample = `# A Huawei stick, answer before the OK
# source: field notes point 9
profile: huawei
timeout: 1500ms
outcome: succeeded
dial: *100#
expect: done "Solde: 7 XPF"
>~ 1b
> AT+CUSD=1,"AA180C3602",15
+ 250ms
< +CUSD: 0,"Solde: 7 XPF",15
<~ ff fe 0d 0a
# the OK comes last
< OK
reply: 1
expect: not-sent
! unplugged
`;

describe('the replay format', () => {
  it('reads the header, the steps and every kind of event with its line', () => {
    const parsed = parseTranscript(sample);
    if (!parsed.ok) throw new Error(parsed.message);
    const { events, ...header } = parsed.transcript;
    expect(header).toEqual({
      about: ['A Huawei stick, answer before the OK', 'source: field notes point 9'],
      profile: 'huawei',
      timeoutMs: 1500,
      outcome: 'succeeded',
    });
    expect(events).toEqual([
      {
        kind: 'step',
        step: 'dial',
        text: '*100#',
        expect: { outcome: 'done', text: 'Solde: 7 XPF' },
        line: 6,
      },
      { kind: 'write-bytes', bytes: Uint8Array.of(0x1b), line: 8 },
      { kind: 'write', text: 'AT+CUSD=1,"AA180C3602",15', line: 9 },
      { kind: 'pause', ms: 250, line: 10 },
      { kind: 'receive', text: '+CUSD: 0,"Solde: 7 XPF",15', line: 11 },
      { kind: 'receive-bytes', bytes: Uint8Array.of(0xff, 0xfe, 0x0d, 0x0a), line: 12 },
      { kind: 'comment', text: 'the OK comes last', line: 13 },
      { kind: 'receive', text: 'OK', line: 14 },
      { kind: 'step', step: 'reply', text: '1', expect: { outcome: 'not-sent' }, line: 15 },
      { kind: 'unplug', line: 17 },
    ]);
  });

  it('writes a transcript that reads back the same', () => {
    const parsed = parseTranscript(sample);
    if (!parsed.ok) throw new Error(parsed.message);
    const written = writeTranscript(parsed.transcript);
    expect(written).toBe(sample);
    const again = parseTranscript(written);
    expect(again).toEqual(parsed);
  });

  it('writes durations, a multi-line comment and the outcome on one line each', () => {
    const transcript: ReplayTranscript = {
      about: ['sale 12\nmodem-1'],
      outcome: 'failed:\nrefused',
      events: [
        { kind: 'pause', ms: 60_000, line: 0 },
        { kind: 'pause', ms: 1_250, line: 0 },
        { kind: 'comment', text: 'one\ntwo', line: 0 },
      ],
    };
    expect(writeTranscript(transcript)).toBe(
      '# sale 12\n# modem-1\noutcome: failed: refused\n+ 60s\n+ 1250ms\n# one\n# two\n',
    );
  });

  it('refuses to write a line end inside a text line', () => {
    expect(() =>
      writeTranscript({ about: [], events: [{ kind: 'receive', text: 'OK\r\n', line: 0 }] }),
    ).toThrow(/give it as bytes/);
  });

  it.each([
    ['an unknown event', '> AT\n? what\n', 2, /neither an event/],
    ['an empty written line', '> \n', 1, /needs its text/],
    ['an empty received line', '<\n', 1, /needs its text/],
    ['odd hex', '<~ 0d0\n', 1, /not hex bytes/],
    ['hex that is not hex', '>~ zz\n', 1, /not hex bytes/],
    ['a pause without a unit', '+ 500\n', 1, /not a duration/],
    ['a pause of nothing', '+ 0ms\n', 1, /not a duration/],
    ['a fraction of a millisecond', '+ 0.5ms\n', 1, /not a duration/],
    ['another ! event', '! replugged\n', 1, /only ! event/],
    ['a step without its outcome', 'dial: *100#\n> AT\n', 2, /followed by its "expect:"/],
    ['a step at the end without its outcome', '> AT\ndial: *100#\n', 2, /has no "expect:"/],
    ['an outcome with no step', 'expect: done\n', 1, /follows the "dial:"/],
    ['an unknown outcome', 'dial: *100#\nexpect: fine\n', 2, /not an outcome/],
    ['text on an outcome without text', 'dial: *1#\nexpect: busy "x"\n', 2, /has no text/],
    ['unquoted text', 'dial: *100#\nexpect: done Solde\n', 2, /JSON string/],
    ['a reply before any dial', 'reply: 1\nexpect: menu\n', 1, /a "dial:" comes first/],
    ['a header after an event', '> AT\nprofile: huawei\n', 2, /belongs in the header/],
    ['a header given twice', 'timeout: 1s\ntimeout: 2s\n', 2, /given twice/],
    ['an unknown header', 'modem: e3372\n', 1, /Unknown "modem:"/],
    ['a header without a value', 'profile:\n', 1, /needs a value/],
  ])('refuses %s, naming the line', (_label, text, line, message) => {
    const parsed = parseTranscript(text);
    expect(parsed).toMatchObject({ ok: false, line });
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it.each([
    ['250ms', 250],
    ['2s', 2000],
    ['1.5s', 1500],
  ])('reads a pause of %s', (text, ms) => {
    const parsed = parseTranscript(`+ ${text}\n`);
    expect(parsed.ok && parsed.transcript.events[0]).toEqual({ kind: 'pause', ms, line: 1 });
  });

  it('reads CRLF files and skips blank lines', () => {
    const parsed = parseTranscript('# source: x\r\n\r\n> AT\r\n< OK\r\n');
    expect(parsed.ok && parsed.transcript.events.map((event) => event.line)).toEqual([3, 4]);
  });
});
