/**
 * The user-data header (TS 23.040 §9.2.3.24): a list of information elements. We act on
 * concatenation (IEI 0x00, 8-bit reference; IEI 0x08, 16-bit reference) and keep the others
 * as raw elements so a caller can still see them.
 */
import { PduError } from '../errors';
import { bytesToHex } from '../hex';

export interface UdhElement {
  iei: number;
  /** The element's data as hex. */
  data: string;
}

/** Where a part sits in a concatenated message. Reassemble by sender + ref + total. */
export interface Concat {
  ref: number;
  part: number;
  total: number;
}

export interface UserDataHeader {
  elements: UdhElement[];
  concat: Concat | null;
}

const IEI_CONCAT_8 = 0x00;
const IEI_CONCAT_16 = 0x08;

/** Parses the header octets that follow the UDHL octet. */
export function parseUdh(header: Uint8Array): UserDataHeader {
  const elements: UdhElement[] = [];
  let concat: Concat | null = null;
  let index = 0;
  while (index < header.length) {
    const iei = header[index] ?? 0;
    const length = header[index + 1];
    if (length === undefined || index + 2 + length > header.length) {
      throw new PduError(
        'invalid_udh',
        `Information element 0x${iei.toString(16)} runs past the header`,
      );
    }
    const data = header.subarray(index + 2, index + 2 + length);
    elements.push({ iei, data: bytesToHex(data) });
    // Per §9.2.3.24.1 a repeated element is superseded by the last one; a malformed one is ignored.
    concat = readConcat(iei, data) ?? concat;
    index += 2 + length;
  }
  return { elements, concat };
}

function readConcat(iei: number, data: Uint8Array): Concat | null {
  let ref: number;
  let rest: Uint8Array;
  if (iei === IEI_CONCAT_8 && data.length === 3) {
    ref = data[0] ?? 0;
    rest = data.subarray(1);
  } else if (iei === IEI_CONCAT_16 && data.length === 4) {
    ref = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
    rest = data.subarray(2);
  } else {
    return null;
  }
  const total = rest[0] ?? 0;
  const part = rest[1] ?? 0;
  // A zero total, a zero part or a part beyond the total: the element is to be ignored.
  if (total === 0 || part === 0 || part > total) return null;
  return { ref, part, total };
}

/** A complete header (UDHL included) holding one concatenation element. */
export function buildConcatUdh(concat: Concat, refBits: 8 | 16 = 8): Uint8Array {
  const { ref, part, total } = concat;
  const limit = refBits === 8 ? 0xff : 0xffff;
  if (!Number.isInteger(ref) || ref < 0 || ref > limit) {
    throw new PduError('invalid_argument', `A ${refBits}-bit reference cannot be ${ref}`);
  }
  if (
    !Number.isInteger(total) ||
    total < 1 ||
    total > 255 ||
    !Number.isInteger(part) ||
    part < 1 ||
    part > total
  ) {
    throw new PduError('invalid_argument', `Part ${part} of ${total} is not a concatenation`);
  }
  return refBits === 8
    ? Uint8Array.of(5, IEI_CONCAT_8, 3, ref, total, part)
    : Uint8Array.of(6, IEI_CONCAT_16, 4, ref >> 8, ref & 0xff, total, part);
}
