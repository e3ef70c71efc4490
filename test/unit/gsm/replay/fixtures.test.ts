import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../../electron/gsm/replay/parse';
import { replay } from '../replay-modem';

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
