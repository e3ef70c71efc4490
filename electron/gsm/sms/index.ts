/** SMS over the AT channel: sending, the inbox of a modem, and questions asked by SMS. */

export {
  CNMI_DIRECT,
  CNMI_STORED,
  CPMS_SIM,
  type DeliveryMode,
  type DeliverySetup,
  enableDelivery,
} from './delivery';
export {
  SmsInputError,
  type SmsInputErrorCode,
  SmsQueryTimeoutError,
  SmsSendError,
} from './errors';
export {
  createSmsInbox,
  type InboxProblem,
  type InboxProblemId,
  type SmsInbox,
  type SmsInboxOptions,
  type SmsStore,
} from './inbox';
export { groupStored, listSimMessages } from './listing';
export type { Arrival, Arrived, InboxMessage } from './message';
export {
  type NumberForm,
  numberForm,
  type SameNumberOptions,
  sameNumber,
  validateDestination,
} from './numbers';
export { ensurePduMode } from './pdu-mode';
export { type MessageSource, querySms, type SmsQueryOptions, type SmsReply } from './query';
export { createReassembler, type Reassembler, type Release } from './reassembly';
export type { ConcatInfo, ReadPdu, ReceivedPart } from './received';
export { readPdu } from './received';
export { createReferenceCounter, type NextReference, referenceCounterFor } from './reference';
export { encodeOutgoing, type SendSmsOptions, type SentSms, sendSms } from './send';
export {
  deleteStored,
  listStored,
  readDirectDelivery,
  readListing,
  readStored,
  readStoredAnswer,
  type StoredListing,
} from './sim-storage';
