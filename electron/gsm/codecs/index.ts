export { PduError, type PduErrorCode } from './errors';
export {
  decodeGsm7,
  encodeGsm7,
  GSM7_ESCAPE,
  gsm7Length,
  isGsm7,
  packSeptets,
  packUssd,
  unpackSeptets,
  unpackUssd,
} from './gsm7';
export { bytesToHex, hexToBytes, isHex } from './hex';
export * from './pdu';
export {
  decodeUcs2,
  decodeUcs2Hex,
  encodeUcs2,
  encodeUcs2Hex,
  REPLACEMENT,
  ucs2Length,
} from './ucs2';
export {
  decodeUssdAnswer,
  matchUssdRule,
  USSD_RULES,
  type UssdCharset,
  type UssdDecoding,
  type UssdRule,
  type UssdText,
} from './ussd';
