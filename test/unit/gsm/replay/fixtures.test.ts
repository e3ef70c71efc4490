import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../../electron/gsm/replay/parse';
import { ReplayMismatch, replay } from '../replay-modem';

const folder = path.resolve(__dirname, '../../../fixtures/transcripts');
const files = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .sort();

describe('replayed modem transcripts (test/fixtures/transcripts)', () => {
  it('has transcripts, each naming its source', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const parsed = parseTranscript(fs.readFileSync(path.join(folder, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}:${parsed.line}: ${parsed.message}`);
      expect(parsed.transcript.about.join('\n'), file).toMatch(/source:/);
    }
  });

  it.each(files)('%s ends as its header says', async (file) => {
    const parsed = parseTranscript(fs.readFileSync(path.join(folder, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}:${parsed.line}: ${parsed.message}`);
    const { steps } = await replay(parsed.transcript);
    const wanted = parsed.transcript.events.filter((event) => event.kind === 'step');
    expect(steps.map((step) => step.line)).toEqual(wanted.map((event) => event.line));
    for (const { line, expected, actual } of steps) {
      const shown = expected.text === undefined ? { outcome: actual.outcome } : actual;
      expect(shown, `${file}:${line}`).toEqual(expected);
    }
  });
});

/** A transcript from inline text, for the replay's own faults. */
function transcriptOf(text: string) {
  const parsed = parseTranscript(text);
  if (!parsed.ok) throw new Error(`${parsed.line}: ${parsed.message}`);
  return parsed.transcript;
}

const opening = 'dial: *100#\nexpect: done "7"\n>~ 1b\n> AT+CSCS="GSM"\n< OK\n';

describe('a replay that parts from its transcript', () => {
  it.each([
    [
      'the host writes another command',
      `${opening}> AT+CUSD=1,"*101#",15\n`,
      /line 6: the host wrote "AT\+CUSD=1,"\*100#",15", not "AT\+CUSD=1,"\*101#",15"/,
    ],
    [
      'the host writes more than the file holds',
      'dial: *100#\nexpect: timeout\n>~ 1b\n',
      /after the last line, the host wrote "AT\+CSCS="GSM""/,
    ],
    [
      'the file ends while a step still waits',
      `${opening}> AT+CUSD=1,"*100#",15\n< OK\n`,
      /the step of line 1 is still waiting at the end/,
    ],
    [
      'the next step comes before the last one ended',
      `${opening}> AT+CUSD=1,"*100#",15\ndial: *101#\nexpect: busy\n`,
      /line 7: the step of line 1 has not ended yet/,
    ],
    [
      'the host writes nothing where the file says it writes',
      '> AT\n',
      /line 1: the host wrote nothing, not "AT"/,
    ],
  ])('fails when %s, naming the line', async (_label, text, message) => {
    const failure = await replay(transcriptOf(text)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReplayMismatch);
    expect((failure as Error).message).toMatch(message);
  });

  it('reports the outcome a step had when it is not the one the file names', async () => {
    const { steps } = await replay(
      transcriptOf(`${opening}> AT+CUSD=1,"*100#",15\n< OK\n< +CUSD: 0,"8",15\n`),
    );
    expect(steps).toEqual([
      { line: 1, expected: { outcome: 'done', text: '7' }, actual: { outcome: 'done', text: '8' } },
    ]);
  });
});
