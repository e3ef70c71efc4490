/**
 * A value as one canonical text, for hash chains (receipts, Z reports): JSON with object keys
 * sorted (by UTF-16 code units), no whitespace, absent and `undefined` members left out, arrays
 * in order. Only strings, safe integers, booleans, null, arrays and plain objects are accepted,
 * so two equal values always give the same text and different values different ones.
 */
export function canonicalJson(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`${path}: only safe integers are hashed, not ${value}`);
    }
    return String(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => canonicalJson(item, `${path}[${index}]`)).join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member, `${path}.${key}`)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`${path}: a ${typeof value} cannot be hashed`);
}
