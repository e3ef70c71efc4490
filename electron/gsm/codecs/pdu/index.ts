export { encodeAddress, readAddress, readSmscAddress } from './address';
export { type Alphabet, parseCbsDcs, parseSmsDcs } from './dcs';
export { type DecodedPdu, decodePdu, type SmsDeliver, type SmsSubmit } from './decode';
export { type EncodedPart, encodeDeliver, encodeSubmit } from './encode';
export { PduReader } from './reader';
export { splitText } from './split';
export { statusMeaning } from './status';
export {
  encodeRelativeValidity,
  encodeTimestamp,
  readTimestamp,
  relativeValidityMinutes,
} from './timestamp';
export { buildConcatUdh, parseUdh } from './udh';
export type { PduWarning } from './warnings';
