/**
 * The modem vectors (test/fixtures/vectors/modem-vectors.json) of the kinds the AT layer
 * owns, run through the real framer, reader and parsers. PDU and codec vectors belong to the
 * codec tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isErrorFinal } from '../../../../electron/gsm/at/classify';
import { createLineFramer, decodeLine } from '../../../../electron/gsm/at/framer';
import { parseCmglText, parseCreg, parseCusd } from '../../../../electron/gsm/at/parsers';
import { type AtEvent, createAtReader } from '../../../../electron/gsm/at/reader';
import { raw, utf8 } from './helpers';

interface Vector {
  kind: string;
  input: unknown;
  expected: Record<string, unknown>;
  source_repo: string;
  note?: string;
}

const path = fileURLToPath(
  new URL('../../../fixtures/vectors/modem-vectors.json', import.meta.url),
);
const vectors = JSON.parse(readFileSync(path, 'utf8')) as Vector[];

function ofKind(kind: string): Vector[] {
  return vectors.filter((v) => v.kind === kind);
}

function title(v: Vector): string {
  return `${JSON.stringify(v.input).slice(0, 70)} (${v.source_repo})`;
}

function asString(value: unknown): string {
  if (typeof value !== 'string')
    throw new Error(`vector input is not a string: ${JSON.stringify(value)}`);
  return value;
}

function cusdEvents(events: AtEvent[]): Array<AtEvent & { type: 'urc' }> {
  return events.filter(
    (e): e is AtEvent & { type: 'urc' } => e.type === 'urc' && e.name === '+CUSD',
  );
}

describe('modem vectors', () => {
  it('has vectors of every kind the AT layer owns', () => {
    for (const kind of [
      'at_final_response',
      'at_text_mode_cmgl',
      'ussd_urc',
      'ussd_transcript',
      'creg_parse',
    ]) {
      expect(ofKind(kind).length, kind).toBeGreaterThan(0);
    }
  });

  describe('at_final_response', () => {
    for (const v of ofKind('at_final_response')) {
      it(title(v), () => {
        const reader = createAtReader();
        reader.begin('AT');
        const events = reader.push(raw(asString(v.input)));
        const response = events.find((e) => e.type === 'response');
        expect(response !== undefined).toBe(v.expected.final);
        if (response?.type === 'response')
          expect(isErrorFinal(response.final)).toBe(v.expected.error);
        // Whatever follows the final result is not lost: it comes out as URCs.
        const after = events.slice(events.indexOf(response as AtEvent) + 1);
        expect(after.every((e) => e.type === 'urc')).toBe(true);
      });
    }
  });

  describe('at_text_mode_cmgl', () => {
    for (const v of ofKind('at_text_mode_cmgl')) {
      it(title(v), () => {
        const lines = createLineFramer()
          .push(utf8(`${asString(v.input)}\r\n`))
          .map((e) => (e.type === 'line' ? decodeLine(e.bytes) : e.type));
        expect(lines).toHaveLength(2);
        const result = parseCmglText(String(lines[0]), String(lines[1]));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { status, ...rest } = v.expected;
        expect(result.value).toMatchObject(rest);
        // Text mode prints "REC UNREAD"; the parser names it 'rec-unread' like PDU mode's 0.
        expect(result.value.status).toBe(String(status).toLowerCase().replace(' ', '-'));
      });
    }
  });

  describe('ussd_urc', () => {
    for (const v of ofKind('ussd_urc')) {
      it(title(v), () => {
        const reader = createAtReader();
        reader.begin('AT+CUSD=1,"*100#",15');
        const [event, ...others] = cusdEvents(
          reader.push(utf8(`\r\n${asString(v.input)}\r\n\r\nOK\r\n`)),
        );
        expect(others).toEqual([]);
        const answer = parseCusd(event?.lines.join('\n') ?? '');
        expect(answer.ok).toBe(true);
        if (!answer.ok) return;
        expect(answer.value.status).toBe(v.expected.status);
        expect(answer.value.dcs).toBe(v.expected.dcs);
        const text = answer.value.text ?? '';
        const encoding = String(v.expected.encoding ?? 'plain');
        if (encoding.startsWith('UCS2')) {
          // Test oracle only (the real decoder is the codecs' job): UCS2 is big-endian UTF-16.
          expect(Buffer.from(text, 'hex').swap16().toString('utf16le')).toBe(v.expected.text);
        } else if (encoding.startsWith('packed GSM7')) {
          // Left packed for the codecs: the string arrives whole, as hex, in whole septets.
          expect(text).toMatch(/^([0-9A-F]{2})+$/);
          const septets = Math.floor((text.length / 2) * (8 / 7));
          expect(septets).toBeGreaterThanOrEqual(String(v.expected.text).length);
        } else {
          expect(text).toBe(v.expected.text);
        }
      });
    }
  });

  describe('ussd_transcript', () => {
    for (const v of ofKind('ussd_transcript')) {
      it(title(v), () => {
        const [command, ...replies] = v.input as string[];
        const reader = createAtReader();
        reader.begin(String(command));
        // The modem echoes the command (ATE0 not obeyed) and answers line by line.
        const events = reader.push(utf8([command, ...replies].map((l) => `${l}\r\n`).join('')));
        const response = events.find((e) => e.type === 'response');
        expect(response).toMatchObject({ type: 'response', final: { kind: 'ok' }, lines: [] });
        const [event] = cusdEvents(events);
        const answer = parseCusd(event?.lines.join('\n') ?? '');
        expect(answer.ok && answer.value.text).toBe(v.expected.text);
        expect(answer.ok && answer.value.status === 1).toBe(v.expected.session_active);
      });
    }
  });

  describe('creg_parse', () => {
    for (const v of ofKind('creg_parse')) {
      it(title(v), () => {
        const result = parseCreg(asString(v.input));
        expect(result.ok && result.value).toMatchObject(v.expected);
      });
    }
  });
});
