/** One field an act changed, by its path in the record (`plans.5go.price`), as text. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A list keyed by its members' ids when they have them (plans, printers), else by position. */
function keyed(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const ids = value.map((item) => (isRecord(item) ? item.id : undefined));
  const byId = ids.every((id) => typeof id === 'string' || typeof id === 'number');
  return Object.fromEntries(value.map((item, index) => [byId ? String(ids[index]) : index, item]));
}

const text = (value: unknown): string | null =>
  value === undefined || value === null
    ? null
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/**
 * What an audit entry's before and after differ in, field by field (nested records walked,
 * lists by id), so the Audit page shows "price: 6000 → 6500" rather than two JSON dumps. An
 * entry with only one side lists that side's fields.
 */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  const was = keyed(before);
  const is = keyed(after);
  if (isRecord(was) || isRecord(is)) {
    const from = isRecord(was) ? was : {};
    const to = isRecord(is) ? is : {};
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return keys.flatMap((key) =>
      fieldChanges(from[key], to[key], path === '' ? key : `${path}.${key}`),
    );
  }
  const [a, b] = [text(was), text(is)];
  return a === b ? [] : [{ field: path, before: a, after: b }];
}
