import { OUTCOMES_WITH_TEXT, type ReplayEvent, type ReplayTranscript } from './transcript';

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

function duration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

// A text line holds neither a line end nor another control character: those go as bytes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const controls = /[\x00-\x1f\x7f]/;

/** Whether a line can be written as `> text` or `< text` (else it is written as bytes). */
export function isTextLine(text: string): boolean {
  return text !== '' && !controls.test(text);
}

function eventLines(event: ReplayEvent): string[] {
  switch (event.kind) {
    case 'step': {
      const { outcome, text } = event.expect;
      return [
        `${event.step}: ${event.text}`,
        text !== undefined && OUTCOMES_WITH_TEXT.includes(outcome)
          ? `expect: ${outcome} ${JSON.stringify(text)}`
          : `expect: ${outcome}`,
      ];
    }
    case 'comment':
      return event.text.split('\n').map((line) => `# ${line}`.trimEnd());
    default:
      return [eventLine(event)];
  }
}

function eventLine(event: Exclude<ReplayEvent, { kind: 'step' | 'comment' }>): string {
  switch (event.kind) {
    case 'write':
    case 'receive':
      if (!isTextLine(event.text)) {
        throw new Error(`${JSON.stringify(event.text)} cannot be a text line: give it as bytes`);
      }
      return `${event.kind === 'write' ? '>' : '<'} ${event.text}`;
    case 'write-bytes':
      return `>~ ${hex(event.bytes)}`;
    case 'receive-bytes':
      return `<~ ${hex(event.bytes)}`;
    case 'pause':
      return `+ ${duration(event.ms)}`;
    case 'unplug':
      return '! unplugged';
  }
}

/** Writes a transcript (as transcript.ts describes) as a replay file, which parseTranscript reads back the same. */
export function writeTranscript(transcript: ReplayTranscript): string {
  const lines: string[] = transcript.about.flatMap((text) =>
    text.split('\n').map((line) => `# ${line}`.trimEnd()),
  );
  if (transcript.profile !== undefined) lines.push(`profile: ${transcript.profile}`);
  if (transcript.timeoutMs !== undefined) lines.push(`timeout: ${duration(transcript.timeoutMs)}`);
  if (transcript.outcome !== undefined) {
    lines.push(`outcome: ${transcript.outcome.replace(/\s+/g, ' ')}`);
  }
  for (const event of transcript.events) lines.push(...eventLines(event));
  return `${lines.join('\n')}\n`;
}
