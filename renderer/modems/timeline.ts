import type { ProcedureOutput } from '../../shared/api/contract';

export type TimelineEntry = ProcedureOutput<'modems.timeline'>['entries'][number];

/** A modem's timeline as the details view lists it: newest first, equal times in their order. */
export function newestFirst(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at) || b.index - a.index)
    .map(({ entry }) => entry);
}

/** The translation key that names a timeline event (every event has one, in each language). */
export const timelineEventKey = (event: TimelineEntry['event']) =>
  `modems.events.${event}` as const;
