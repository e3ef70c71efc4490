/**
 * What a PDU that was read despite a flaw got wrong. The established decoders (oFono,
 * python-gsmmodem, python-messaging) read such PDUs rather than lose the message; we do the
 * same and say so, so the shop sees a message it can trust less instead of no message.
 */
export type PduWarningCode =
  /** The hex string had an odd number of digits; the last one (half an octet) was dropped. */
  | 'odd_hex_digit'
  /** The time-zone octet of a timestamp has a nibble above 9; read as oFono reads it. */
  | 'zone_not_decimal'
  /** TP-UDL announces more than one SMS can carry; only what one SMS carries was read. */
  | 'user_data_length_too_long'
  /** The user data stops before the length TP-UDL announces; the text is cut. */
  | 'user_data_short';

export interface PduWarning {
  code: PduWarningCode;
  message: string;
}
