/** The answer parsers of the AT layer, in one import. Each returns a value or a ParseError. */

export * from './error-codes';
export type { Parsed } from './fields';
export { luhnValid, splitFields } from './fields';
export * from './parse-network';
export * from './parse-sim';
export * from './parse-sms';
export * from './parse-ussd';
