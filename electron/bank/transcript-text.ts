import type { TranscriptEntry } from '../gsm/channel';

/**
 * A modem transcript as the journal keeps it (sale_events.transcript): one entry per line,
 * `<ISO time> <arrow> <text>` with `>` sent, `<` received, `#` the channel's notes; a text of
 * several lines (a menu, an answer and its OK) goes on over the next lines, without a time.
 */
export function describeEntry(entry: TranscriptEntry): string {
  const arrow = entry.direction === 'sent' ? '>' : entry.direction === 'received' ? '<' : '#';
  return `${entry.at.toISOString()} ${arrow} ${entry.text}`;
}

const entryStart = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) ([<>#]) (.*)$/;
const directions = { '>': 'sent', '<': 'received', '#': 'note' } as const;

/**
 * Reads a kept transcript back into its entries; null when the text is not one (a carrier's
 * confirmation SMS kept as the evidence of a sale). A modem line that itself began with a time
 * and an arrow would be read as an entry of its own: no modem prints that.
 */
export function readEntries(text: string): TranscriptEntry[] | null {
  const entries: TranscriptEntry[] = [];
  for (const line of text.split('\n')) {
    const start = entryStart.exec(line);
    if (start) {
      const [, at = '', arrow = '#', rest = ''] = start;
      entries.push({ at: new Date(at), direction: directions[arrow as '#'], text: rest });
      continue;
    }
    const current = entries.at(-1);
    if (!current) return null;
    current.text += `\n${line}`;
  }
  return entries;
}
