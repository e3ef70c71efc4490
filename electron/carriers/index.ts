/**
 * Carrier profiles: loading them, filling in their USSD and SMS templates, and reading what the
 * carrier answers. The schema and types live in shared/carrier.ts (the renderer uses them too).
 */
export { parseAmount, parseQuantity } from '../../shared/amounts';
export {
  type CustomerNumber,
  type CustomerNumberErrorCode,
  type CustomerNumberResult,
  customerNumber,
} from '../../shared/customer-number';
export { readWallClock, type WallClock, wallClockToInstant } from '../../shared/local-time';
export { CarrierInputError, type CarrierInputErrorCode } from './errors';
export {
  type CarrierFileProblem,
  type CarrierFileProblemCode,
  type CarrierProfiles,
  type LoadedCarrierProfile,
  loadCarrierProfiles,
  MAX_PROFILE_BYTES,
  type ParsedCarrierProfile,
  parseCarrierProfileText,
} from './load';
export {
  type BalanceReading,
  type BalanceReplyErrorCode,
  type BalanceReplyResult,
  balanceReplySubject,
  type CarrierReplyError,
  classifyTopUpAnswer,
  type DealerBalanceResult,
  MAX_REPLY_LENGTH,
  parseBalanceReply,
  parseDealerBalance,
  readTopUpConfirmation,
  type TopUpAnswer,
} from './patterns';
export {
  type BalanceQueryMessage,
  MASKED_PIN,
  type RenderedTopUp,
  renderBalanceQuery,
  renderTopUpSteps,
  type TopUpRequest,
} from './templates';
