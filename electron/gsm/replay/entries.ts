import type { TranscriptEntry } from '../channel';
import type { ReplayEvent } from './transcript';
import { isTextLine } from './write';

/** Shorter gaps are the line's own pace, not the network's: they are left out of the replay. */
const SHOWN_PAUSE_MS = 100;

const utf8Line = (text: string) => Uint8Array.from(Buffer.from(`${text}\r\n`, 'utf8'));

function sentEvent(text: string): ReplayEvent {
  if (text === '<ESC>') return { kind: 'write-bytes', bytes: Uint8Array.of(0x1b) };
  if (text.endsWith('<Ctrl-Z>')) {
    const body = Buffer.from(text.slice(0, -'<Ctrl-Z>'.length), 'latin1');
    return { kind: 'write-bytes', bytes: Uint8Array.from([...body, 0x1a]) };
  }
  return { kind: 'write', text };
}

function receivedEvents(text: string): ReplayEvent[] {
  return text
    .split('\n')
    .map((line) =>
      isTextLine(line)
        ? { kind: 'receive', text: line }
        : { kind: 'receive-bytes', bytes: utf8Line(line) },
    );
}

/**
 * The AT channel's transcript (channel.ts) as replay events: what was written, each line that
 * came back (a stray line the channel only noted is still a line that came), the channel's
 * other notes as comments, and the gaps between entries as pauses.
 */
export function eventsOfEntries(entries: readonly TranscriptEntry[]): ReplayEvent[] {
  const events: ReplayEvent[] = [];
  let last: number | null = null;
  for (const entry of entries) {
    const at = entry.at.getTime();
    if (last !== null && at - last >= SHOWN_PAUSE_MS) events.push({ kind: 'pause', ms: at - last });
    last = at;
    if (entry.direction === 'sent') events.push(sentEvent(entry.text));
    else if (entry.direction === 'received') events.push(...receivedEvents(entry.text));
    else if (entry.text.startsWith('unexpected: ')) {
      events.push(...receivedEvents(entry.text.slice('unexpected: '.length)));
    } else events.push({ kind: 'comment', text: entry.text });
  }
  return events;
}
