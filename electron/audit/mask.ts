/** What stands for a PIN in the audit trail: that one was given, never what it was. */
export const maskedPin = '••••';

/** Any member named like a PIN (`pin`, `dealerPin`, `managerPin`…), at any depth. */
const pinName = /pin$/i;

/** A value as the audit trail may keep it: every PIN masked, everything else as it was. */
export function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [
      key,
      pinName.test(key) && typeof member === 'string' ? maskedPin : masked(member),
    ]),
  );
}
