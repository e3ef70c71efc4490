/**
 * Carrier profiles: loading them, filling in their USSD and SMS templates, and reading what the
 * carrier answers. The schema and types live in shared/carrier.ts (the renderer uses them too).
 */
export { parseAmount } from '../../shared/amounts';
export { type CustomerNumber, customerNumber } from '../../shared/customer-number';
export { readWallClock, wallClockToInstant } from '../../shared/local-time';
export { CarrierInputError } from './errors';
export { loadCarrierProfiles, parseCarrierProfileText } from './load';
export {
  balanceReplySubject,
  classifyTopUpAnswer,
  parseBalanceReply,
  parseDealerBalance,
  readTopUpConfirmation,
  topUpAnswerSubject,
} from './patterns';
export { MASKED_PIN, renderBalanceQuery, renderTopUpSteps } from './templates';
