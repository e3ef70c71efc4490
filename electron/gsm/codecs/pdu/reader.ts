import { PduError } from '../errors';

/**
 * A cursor over PDU octets. Every read is bounds-checked, so a truncated PDU or a length field
 * that lies becomes a PduError naming the field, never an `undefined` deep inside a decoder.
 */
export class PduReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  byte(field: string): number {
    const value = this.bytes[this.position];
    if (value === undefined) throw truncated(field);
    this.position += 1;
    return value;
  }

  take(count: number, field: string): Uint8Array {
    if (count > this.remaining) throw truncated(field);
    const slice = this.bytes.subarray(this.position, this.position + count);
    this.position += count;
    return slice;
  }
}

function truncated(field: string): PduError {
  return new PduError('truncated', `The PDU ends inside ${field}`);
}
