/**
 * Sending a text: validated and encoded whole before a byte is written, then one
 * `AT+CMGS=<tpdu length>` per part with the PDU written at the prompt. A refused part stops
 * the rest (a phone shows a long text only once all its parts are there).
 */

import { parseCmgs } from '../at/parsers';
import { type AtChannel, AtCommandError, AtTimeoutError } from '../channel';
import { type EncodedPart, encodeSubmit, PduError, splitText } from '../codecs';
import { LinkClosedError } from '../link/link';
import { SmsInputError, SmsSendError } from './errors';
import { validateDestination } from './numbers';
import { ensurePduMode } from './pdu-mode';
import { type NextReference, referenceCounterFor } from './reference';

interface SendSmsOptions {
  /** `+` and digits, or a short code / national number of digits. */
  to: string;
  text: string;
  /** Service centre to use instead of the SIM's. */
  smsc?: string;
  /** The modem's concatenation-reference counter; by default one per channel. */
  nextReference?: NextReference;
}

interface SentSms {
  parts: number;
  /** The message reference (`+CMGS: <mr>`) of each part; null if the modem printed none. */
  references: Array<number | null>;
  /** The concatenation reference shared by the parts; null for a single part. */
  concatRef: number | null;
}

interface OutgoingSms {
  parts: EncodedPart[];
  concatRef: number | null;
}

/**
 * Validates and encodes: everything that can be refused is refused here, with an
 * SmsInputError. The counter is only consumed by texts that need several parts.
 */
function encodeOutgoing(options: SendSmsOptions, nextReference: NextReference): OutgoingSms {
  const to = validateDestination(options.to);
  if (options.text === '') throw new SmsInputError('empty_text', 'Refused to send an empty text');
  try {
    const multipart = splitText(options.text).length > 1;
    const concatRef = multipart ? nextReference() : null;
    if (
      concatRef !== null &&
      !(Number.isInteger(concatRef) && concatRef >= 0 && concatRef <= 255)
    ) {
      throw new SmsInputError('invalid_reference', `Concatenation reference ${concatRef}`);
    }
    const parts = encodeSubmit({
      to,
      text: options.text,
      ...(options.smsc === undefined ? {} : { smsc: options.smsc }),
      ...(concatRef === null ? {} : { concatRef }),
    });
    return { parts, concatRef };
  } catch (error) {
    if (error instanceof PduError && error.code === 'too_long')
      throw new SmsInputError('too_long', error.message);
    // The destination passed validation, so a bad address here is the SMSC's.
    if (error instanceof PduError && error.code === 'invalid_address')
      throw new SmsInputError('invalid_smsc', error.message);
    throw error;
  }
}

export async function sendSms(channel: AtChannel, options: SendSmsOptions): Promise<SentSms> {
  const { parts, concatRef } = encodeOutgoing(
    options,
    options.nextReference ?? referenceCounterFor(channel),
  );
  await ensurePduMode(channel);
  const references: Array<number | null> = [];
  for (const [index, part] of parts.entries()) {
    try {
      const response = await channel.expectOk(`AT+CMGS=${part.length}`, {
        kind: 'network',
        body: part.hex,
      });
      references.push(messageReference(response.lines));
    } catch (error) {
      throw new SmsSendError(failureId(error), index + 1, parts.length, [...references], error);
    }
  }
  return { parts: parts.length, references, concatRef };
}

function messageReference(lines: readonly string[]): number | null {
  for (const line of lines) {
    const cmgs = parseCmgs(line);
    if (cmgs.ok) return cmgs.value.reference;
  }
  return null;
}

function failureId(error: unknown): string {
  if (error instanceof AtCommandError) return error.id;
  if (error instanceof AtTimeoutError) return 'timeout';
  if (error instanceof LinkClosedError) return 'link_closed';
  return 'unknown';
}
