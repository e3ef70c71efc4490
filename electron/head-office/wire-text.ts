/**
 * Texts as the head office can keep them. PostgreSQL's jsonb refuses the NUL character, and a
 * fact must go alone in a batch the head office accepts: a fact it cannot take would stay first
 * in the outbox and hold every fact after it.
 */

const nul = '\u0000';

/**
 * `text` without NUL, cut to `max` characters at most; never between the two halves of a
 * character outside the BMP (a lone half is refused by jsonb too).
 */
export function wireText(text: string, max: number): string {
  const bare = text.replaceAll(nul, '');
  if (bare.length <= max) return bare;
  const cut = bare.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Hashes, ids, instants and till ids are at most this long: longer texts are free text. */
const shortestCut = 64;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function withoutNul(value: Json): Json {
  if (typeof value === 'string') return value.replaceAll(nul, '');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, withoutNul(each)]));
  }
  return value;
}

/** Where a free text sits in a payload, so it can be cut in place. */
interface Place {
  holder: Record<string | number, Json>;
  key: string | number;
  text: string;
}

function freeTexts(value: Json, found: Place[] = []): Place[] {
  if (value === null || typeof value !== 'object') return found;
  const holder = value as Record<string | number, Json>;
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, index) => index)
    : Object.keys(value);
  for (const key of keys) {
    const each = holder[key] as Json;
    if (typeof each === 'string') {
      if (each.length > shortestCut) found.push({ holder, key, text: each });
    } else freeTexts(each, found);
  }
  return found;
}

/**
 * A fact's payload as the head office can take it: without NUL anywhere, and within `maxBytes`
 * of JSON, its longest free texts cut as far as needed (what a writer's carrier or clerk typed
 * never stops the sale or the day it rides on). Throws when cutting every text is not enough:
 * the fact is refused where it is written, not found later blocking the outbox.
 */
export function fitForWire<T>(payload: T, maxBytes: number): T {
  let json = JSON.stringify(payload);
  if (!json.includes('\\u0000') && Buffer.byteLength(json) <= maxBytes) return payload;
  const fitted = withoutNul(JSON.parse(json) as Json);
  for (;;) {
    json = JSON.stringify(fitted);
    const excess = Buffer.byteLength(json) - maxBytes;
    if (excess <= 0) return fitted as T;
    const longest = freeTexts(fitted).reduce<Place | null>(
      (best, each) => (best === null || each.text.length > best.text.length ? each : best),
      null,
    );
    if (longest === null) {
      throw new Error(
        `This fact takes ${excess + maxBytes} bytes, more than the ${maxBytes} the head office accepts`,
      );
    }
    // Each character cut takes one byte of JSON at least.
    const keep = Math.max(shortestCut, longest.text.length - excess);
    longest.holder[longest.key] = wireText(longest.text, keep);
  }
}
