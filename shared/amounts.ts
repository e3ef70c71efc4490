/**
 * Numbers as carriers write them in their texts and clerks type them (cash tendered): amounts
 * ("250 000", "1 234,56", "1.234") turned into integer minor units, and data quantities ("3,2",
 * "15.5") into numbers.
 */

// Spaces people and carriers group digits with: space, no-break space, narrow and thin spaces,
// apostrophes (Swiss style). `.` and `,` group digits too, or mark the decimals.
const GROUPING = /[ \u00a0\u202f\u2009'’]/g;
const SEPARATOR = /[ \u00a0\u202f\u2009'’.,]/;
const WRITTEN = /^[0-9]+(?:[ \u00a0\u202f\u2009'’.,][0-9]+)*$/;

/**
 * An amount in integer minor units, or null when it cannot be read without guessing.
 * A `.` or `,` followed by 1 to `minorDigits` digits at the end is the decimal mark; every other
 * separator must group the digits by three ("1 234 567", "1.234,56"). With no minor unit (XPF),
 * "250.000" is 250000 and "2,5" is refused.
 */
export function parseAmount(text: string, minorDigits: number): number | null {
  const trimmed = text.trim();
  const negative = /^[-−]/.test(trimmed);
  const body = negative ? trimmed.slice(1) : trimmed;
  if (!WRITTEN.test(body)) return null;
  let integer = body;
  let fraction = '';
  const decimals = /[.,]([0-9]+)$/.exec(body);
  if (decimals?.[1] !== undefined && decimals[1].length !== 3) {
    if (decimals[1].length > minorDigits) return null;
    fraction = decimals[1];
    integer = body.slice(0, decimals.index);
  }
  const [head = '', ...groups] = integer.split(SEPARATOR);
  if (groups.length > 0 && (head.length > 3 || groups.some((group) => group.length !== 3))) {
    return null;
  }
  const minor = Number(head + groups.join('') + fraction.padEnd(minorDigits, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/** "3,2" or "3.2" or "1 024" as a number; null when it is anything else. */
export function parseQuantity(text: string): number | null {
  const compact = text.trim().replace(GROUPING, '');
  const match = /^([0-9]{1,12})(?:[.,]([0-9]{1,6}))?$/.exec(compact);
  if (!match) return null;
  return Number(`${match[1]}.${match[2] ?? '0'}`);
}
