/** SMS over the AT channel: sending, the inbox of a modem, and questions asked by SMS. */

export { SmsInputError, SmsQueryTimeoutError, SmsSendError } from './errors';
export {
  createSmsInbox,
  type InboxProblem,
  type SmsInbox,
  type SmsInboxOptions,
  type SmsStore,
} from './inbox';
export { groupStored, listSimMessages } from './listing';
export type { InboxMessage } from './message';
export { sameNumber, validateDestination } from './numbers';
export { type MessageSource, querySms, type SmsLine, type TextSender } from './query';
export { createReassembler, type Release } from './reassembly';
export type { ReadPdu, ReceivedPart } from './received';
export { readPdu } from './received';
export { createReferenceCounter } from './reference';
export { sendSms } from './send';
