/** What stands for a PIN in the audit trail: that one was given, never what it was. */
export const maskedPin = '••••';

/** Any member named like a PIN (`pin`, `dealerPin`, `managerPin`…), at any depth. */
const pinName = /pin$/i;

/**
 * A value as the audit trail may keep it: every PIN masked, everything else as it was but for
 * numbers the hash chain cannot hold as numbers (a carrier's unit of 0.0009765625), kept as text.
 */
export function masked(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) return String(value);
  if (Array.isArray(value)) return value.map(masked);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [
      key,
      pinName.test(key) && typeof member === 'string' ? maskedPin : masked(member),
    ]),
  );
}
