export { PduError } from './errors';
export {
  decodeGsm7,
  encodeGsm7,
  gsm7Length,
  isGsm7,
  packSeptets,
  packUssd,
  unpackSeptets,
  unpackUssd,
} from './gsm7';
export { bytesToHex, hexToBytes, isHex } from './hex';
export * from './pdu';
export { decodeUcs2, decodeUcs2Hex, encodeUcs2, encodeUcs2Hex, ucs2Length } from './ucs2';
export { decodeUssdAnswer, matchUssdRule, USSD_RULES, type UssdCharset } from './ussd';
