/**
 * Does a decoding look like something a carrier would write? USSD answers come with a DCS
 * that modems get wrong, so the USSD decoder tries the readings a modem might have meant and
 * keeps the first one that passes these checks. Each check is deliberately simple: it only has
 * to tell human text from the noise that a wrong reading of the same bytes produces.
 */

// Allowed besides letters, digits and symbols: space, tab, CR, LF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u;
const WORDY = /[\p{L}\p{N} ]/u;

/** Share of letters, digits and spaces: noise is mostly punctuation and symbols. */
function wordiness(text: string): number {
  const chars = Array.from(text);
  return chars.filter((char) => WORDY.test(char)).length / Math.max(chars.length, 1);
}

const hasLetterOrDigit = (text: string) => /[\p{L}\p{N}]/u.test(text);

// GSM characters that a mis-read of packed bytes produces far more often than carriers write
// them: the Greek capitals, ¤ § ¥ _ and form feed.
const RARE_GSM = /[ΔΦΓΛΩΠΨΣΘΞ¤§¥_\f]/u;

/** A GSM 7-bit decoding that reads as text, not as shifted bits. */
export function looksLikeGsmText(text: string): boolean {
  return (
    hasLetterOrDigit(text) && !CONTROL.test(text) && !RARE_GSM.test(text) && wordiness(text) >= 0.6
  );
}

/** Octets that are printable ASCII (or CR, LF, tab) and read as words. */
export function looksLikeAsciiText(bytes: Uint8Array): boolean {
  const printable = bytes.every(
    (b) => (b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09,
  );
  const text = Buffer.from(bytes).toString('latin1');
  return printable && /[A-Za-z]/.test(text) && wordiness(text) >= 0.7;
}

// The blocks carriers write in, with the script group each belongs to (null: usable with any).
// Octets meant otherwise (packed GSM 7-bit, ASCII) decode to units scattered over the whole
// BMP: Braille, combining marks, Han extension A, CJK squares, Syriac... which are not here.
const BLOCKS: ReadonlyArray<readonly [number, number, string | null]> = [
  [0x0020, 0x007e, null], // ASCII
  [0x00a0, 0x024f, null], // Latin-1 supplement, Latin extended A and B
  [0x0370, 0x03ff, 'greek'],
  [0x0400, 0x04ff, 'cyrillic'],
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x1e00, 0x1eff, null], // Latin extended additional (Vietnamese)
  [0x2000, 0x206f, null], // general punctuation
  [0x20a0, 0x20cf, null], // currency symbols
  [0x2100, 0x214f, null], // letterlike symbols (№, ™)
  [0x2600, 0x27bf, null], // miscellaneous symbols and dingbats
  [0x3000, 0x303f, null], // CJK punctuation
  [0x3040, 0x30ff, 'cjk'], // kana: Japanese mixes it with Han
  [0x4e00, 0x9fff, 'cjk'], // CJK unified ideographs (not extension A)
  [0xac00, 0xd7a3, 'hangul'], // Hangul syllables (not jamo)
  [0xff00, 0xffef, null], // fullwidth forms
  [0x1f000, 0x1faff, null], // emoji
];

function blockOf(char: string): readonly [number, number, string | null] | undefined {
  const point = char.codePointAt(0) ?? 0;
  if (char === '\n' || char === '\r' || char === '\t') return [point, point, null];
  return BLOCKS.find(([from, to]) => point >= from && point <= to);
}

/**
 * A UCS2 decoding that reads as text: every character from a block carriers write in, mostly
 * words, and (unless `mixedScripts`, for when the modem is known to speak UCS2) at most one
 * script besides Latin.
 */
export function looksLikeUcs2Text(text: string, mixedScripts = false): boolean {
  if (!hasLetterOrDigit(text)) return false;
  const scripts = new Set<string>();
  for (const char of text) {
    const block = blockOf(char);
    if (block === undefined) return false;
    if (block[2] !== null) scripts.add(block[2]);
  }
  return (mixedScripts || scripts.size <= 1) && wordiness(text) >= 0.5;
}
