export {
  type Address,
  type AddressType,
  addressType,
  encodeAddress,
  readAddress,
  readSmscAddress,
} from './address';
export {
  type Alphabet,
  type CbsDcs,
  type MessageClass,
  parseCbsDcs,
  parseSmsDcs,
  type SmsDcs,
} from './dcs';
export {
  type DecodedPdu,
  type DecodeOptions,
  decodePdu,
  type SmsDeliver,
  type SmsStatusReport,
  type SmsSubmit,
  type Validity,
} from './decode';
export {
  type DeliverOptions,
  type EncodedPart,
  encodeDeliver,
  encodeSubmit,
  type SubmitOptions,
} from './encode';
export { PduReader } from './reader';
export { splitText } from './split';
export { type StatusMeaning, statusMeaning } from './status';
export {
  encodeRelativeValidity,
  encodeTimestamp,
  readTimestamp,
  relativeValidityMinutes,
} from './timestamp';
export { buildConcatUdh, type Concat, parseUdh, type UdhElement, type UserDataHeader } from './udh';
export {
  encodeUserData,
  headerSeptets,
  readUserData,
  type UserData,
  type UserDataBody,
} from './user-data';
