import { z } from 'zod';

// C0/C1 control characters (bar tab and line breaks where allowed) would corrupt receipts, ESC/POS
// output and AT command lines, so text fields refuse them instead of stripping them silently.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const singleLineForbidden = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const multiLineForbidden = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** A trimmed single-line text of at most `max` characters, no control characters. */
export function singleLineText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !singleLineForbidden.test(value), {
      params: { reason: 'control_characters' },
      abort: true,
    });
}

/** A trimmed text of at most `max` characters and `maxLines` lines (LF only). */
export function multiLineText(max: number, maxLines: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !multiLineForbidden.test(value.replaceAll('\r\n', '\n')), {
      params: { reason: 'control_characters' },
      abort: true,
    })
    .refine((value) => value.split(/\r?\n/).length <= maxLines, {
      params: { reason: 'too_many_lines', maxLines },
    });
}
