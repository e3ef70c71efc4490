/**
 * A value as one canonical text, for hash chains (receipts, Z reports): JSON with object keys
 * sorted (by UTF-16 code units), no whitespace, absent and `undefined` members left out, arrays
 * in order. Only strings, safe integers, booleans, null, arrays and plain objects are accepted,
 * so two equal values always give the same text and different values different ones.
 */
export function canonicalJson(value: unknown, path: string): string {
  const parts: string[] = [];
  // Where the walk is, kept as steps and joined only to name a refused value: a Z report has
  // thousands of values, and a path string for each cost more than the text itself.
  const steps: (string | number)[] = [];
  const refuse = (why: string): never => {
    const at = steps.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`));
    throw new TypeError(`${path}${at.join('')}: ${why}`);
  };
  const write = (member: unknown) => {
    if (member === null || typeof member === 'boolean') parts.push(String(member));
    else if (typeof member === 'string') parts.push(JSON.stringify(member));
    else if (typeof member === 'number') {
      if (!Number.isSafeInteger(member)) refuse(`only safe integers are hashed, not ${member}`);
      parts.push(String(member));
    } else if (Array.isArray(member)) {
      parts.push('[');
      member.forEach((item, index) => {
        if (index > 0) parts.push(',');
        steps.push(index);
        write(item);
        steps.pop();
      });
      parts.push(']');
    } else if (typeof member === 'object' && Object.getPrototypeOf(member) === Object.prototype) {
      const keys = Object.keys(member as object)
        .filter((key) => (member as Record<string, unknown>)[key] !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      parts.push('{');
      keys.forEach((key, index) => {
        if (index > 0) parts.push(',');
        parts.push(JSON.stringify(key), ':');
        steps.push(key);
        write((member as Record<string, unknown>)[key]);
        steps.pop();
      });
      parts.push('}');
    } else refuse(`a ${typeof member} cannot be hashed`);
  };
  write(value);
  return parts.join('');
}
