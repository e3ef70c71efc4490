/**
 * Column arithmetic for receipt printers. A printer prints CJK ideographs, kana, hangul and
 * full-width forms two columns wide (East Asian Width W and F); everything else is one column,
 * combining marks and zero-width characters none. Ambiguous-width characters count as one, as
 * on a printer in its single-byte codepage.
 */

// [first, last] code point ranges, sorted.
const wideRanges: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility, Kanbun, CJK compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // Vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // Full-width forms
  [0xffe0, 0xffe6], // Full-width signs
  [0x1f300, 0x1f64f], // Pictographs and emoticons
  [0x1f900, 0x1f9ff], // Supplemental symbols and pictographs
  [0x20000, 0x2fffd], // CJK Extensions B–F, compatibility supplement
  [0x30000, 0x3fffd], // CJK Extension G and later
];

const zeroWidthRanges: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200f], // zero-width space, joiners, direction marks
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f], // variation selectors
  [0xfe20, 0xfe2f],
];

function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [first, last] of ranges) {
    if (codePoint < first) return false;
    if (codePoint <= last) return true;
  }
  return false;
}

/** How many printer columns one character (code point) takes: 0, 1 or 2. */
function charWidth(char: string): 0 | 1 | 2 {
  const codePoint = char.codePointAt(0) ?? 0;
  if (inRanges(codePoint, zeroWidthRanges)) return 0;
  return inRanges(codePoint, wideRanges) ? 2 : 1;
}

/** True for a character printed two columns wide. */
export function isWide(char: string): boolean {
  return charWidth(char) === 2;
}

/** How many printer columns a text takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Spaces a printer can break a line at; no-break spaces are kept inside words. */
const breakingSpace = /^ +$/;

/** Words, runs of spaces, and single wide characters (a line may break after any of them). */
function tokens(text: string): string[] {
  const found: string[] = [];
  let word = '';
  let spaces = '';
  const flush = () => {
    if (word) found.push(word);
    if (spaces) found.push(spaces);
    word = '';
    spaces = '';
  };
  for (const char of text) {
    if (breakingSpace.test(char)) {
      if (word) flush();
      spaces += char;
    } else if (isWide(char)) {
      flush();
      found.push(char);
    } else {
      if (spaces) flush();
      word += char;
    }
  }
  flush();
  return found;
}

/** Cuts a text wider than `width` into pieces of at most `width` columns. */
function hardBreak(text: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width && piece) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += char;
    used += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Wraps a text to lines of at most `width` columns: at spaces, and between wide characters
 * (Chinese has no spaces between words); a word longer than a line is cut. Runs of spaces
 * between words are kept inside a line and dropped where the line breaks.
 */
export function wrapText(text: string, width: number): string[] {
  if (width < 2) throw new RangeError('A line is at least 2 columns wide');
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let pendingSpaces = '';
  const push = () => {
    if (line) lines.push(line);
    line = '';
    used = 0;
  };
  for (const token of tokens(text)) {
    if (breakingSpace.test(token)) {
      pendingSpaces = line ? token : '';
      continue;
    }
    const w = displayWidth(token);
    const gap = line ? pendingSpaces.length : 0;
    pendingSpaces = '';
    if (used + gap + w <= width) {
      line += ' '.repeat(gap) + token;
      used += gap + w;
      continue;
    }
    push();
    if (w <= width) {
      line = token;
      used = w;
      continue;
    }
    const pieces = hardBreak(token, width);
    const last = pieces.pop() ?? '';
    lines.push(...pieces);
    line = last;
    used = displayWidth(last);
  }
  push();
  return lines;
}

/** `text` centred in `width` columns (left padding only). */
export function centre(text: string, width: number): string {
  const free = width - displayWidth(text);
  return free > 0 ? ' '.repeat(Math.floor(free / 2)) + text : text;
}

/** `label` at the left and `value` at the right of a line exactly `width` columns wide. */
export function spread(label: string, value: string, width: number): string {
  const free = width - displayWidth(label) - displayWidth(value);
  return label + ' '.repeat(Math.max(free, 1)) + value;
}

/** `text` aligned to the right of `width` columns. */
export function alignRight(text: string, width: number): string {
  const free = width - displayWidth(text);
  return free > 0 ? ' '.repeat(free) + text : text;
}
