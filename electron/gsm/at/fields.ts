/**
 * The small vocabulary every answer parser shares: a result type whose failure is a value with
 * a code, and a splitter for the comma-separated parameters of an information response.
 */

type ParseErrorCode = 'wrong_prefix' | 'malformed' | 'out_of_range';

export interface ParseError {
  code: ParseErrorCode;
  message: string;
  input: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError };

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function parseError(code: ParseErrorCode, message: string, input: string): Parsed<never> {
  return { ok: false, error: { code, message, input } };
}

/**
 * Returns what follows `<name>:` (spaces around the colon allowed, name case-insensitive), or
 * null when the line is not that information response.
 */
export function afterPrefix(line: string, name: string): string | null {
  const text = line.trimStart();
  if (text.length < name.length || text.slice(0, name.length).toUpperCase() !== name) return null;
  const rest = text.slice(name.length).trimStart();
  return rest.startsWith(':') ? rest.slice(1).trim() : null;
}

export interface Field {
  text: string;
  quoted: boolean;
}

/**
 * Splits `a,"b,c",d` into fields, honouring double quotes (operator names and SMS timestamps
 * contain commas). Unquoted fields are trimmed; a quote left open runs to the end of the text.
 */
export function splitFields(text: string): Field[] {
  const raw: string[] = [];
  let current = '';
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === ',' && !inQuotes) {
      raw.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  raw.push(current);
  return raw.map((part) => {
    const t = part.trim();
    if (!t.startsWith('"')) return { text: t, quoted: false };
    const end = t.length > 1 && t.endsWith('"') ? t.length - 1 : t.length;
    return { text: t.slice(1, end), quoted: true };
  });
}

/** A non-negative decimal integer field, or null (empty, quoted digits allowed, junk refused). */
export function decimalField(field: Field | undefined): number | null {
  if (!field || !/^\d{1,9}$/.test(field.text)) return null;
  return Number.parseInt(field.text, 10);
}

/** A hexadecimal field such as a LAC or cell id, quoted or not; null when empty or not hex. */
export function hexField(field: Field | undefined): number | null {
  if (!field || !/^[0-9A-Fa-f]{1,12}$/.test(field.text)) return null;
  return Number.parseInt(field.text, 16);
}

/** Luhn check (IMEI, ICCID): true when the last digit is the right check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
