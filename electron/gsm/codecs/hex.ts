import { PduError } from './errors';

const HEX_PAIRS = /^(?:[0-9A-Fa-f]{2})*$/;

/** Whether `text` is a (possibly empty) even-length run of hex digits, nothing else. */
export function isHex(text: string): boolean {
  return HEX_PAIRS.test(text);
}

/**
 * Hex digits to bytes. Surrounding whitespace is forgiven (modems end lines with CR/LF);
 * anything else that is not a hex pair is a PduError, never a silent NaN byte.
 */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.trim();
  if (!isHex(clean)) {
    throw new PduError('invalid_hex', 'Expected an even number of hex digits');
  }
  return Uint8Array.from(Buffer.from(clean, 'hex'));
}

/** Bytes to upper-case hex, the way modems print PDUs. */
export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('hex')
    .toUpperCase();
}
