/**
 * Why a PDU, a hex string or an encoding request was refused. The codes are stable: callers
 * (the SMS reader, the CLI `pdu` command, the UI) switch on them instead of parsing messages.
 */
type PduErrorCode =
  /** Not an even-length string of hex digits. */
  | 'invalid_hex'
  /** The bytes end in the middle of a field. */
  | 'truncated'
  /** A length field (UDL, address length) claims more than the PDU holds or the spec allows. */
  | 'length_mismatch'
  /** The user-data header is longer than the user data that should contain it. */
  | 'udh_too_long'
  /** An information element of the user-data header runs past the header's end. */
  | 'invalid_udh'
  /** An address field that cannot be read or written (bad digits, too long). */
  | 'invalid_address'
  /** A service-centre timestamp with digits or values out of range. */
  | 'invalid_timestamp'
  /** The DCS says the text is compressed (TS 23.042), which no shop modem sends us. */
  | 'compressed_unsupported'
  /** The message type indicator is the reserved value 3. */
  | 'unsupported_type'
  /** A septet outside 0..127, or fill bits outside 0..6. */
  | 'invalid_septet'
  /** A text that the requested alphabet cannot represent. */
  | 'unencodable'
  /** A text that would need more than 255 concatenated parts. */
  | 'too_long'
  /** An encoder option out of range (reference, validity...). */
  | 'invalid_argument';

export class PduError extends Error {
  constructor(
    readonly code: PduErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PduError';
  }
}
