import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { events, procedures } from '../../../shared/api/contract';

/** Words of a field's name that say it holds money (its name split at capitals). */
const moneyWords = new Set([
  'amount',
  'balance',
  'cash',
  'change',
  'cost',
  'denomination',
  'difference',
  'due',
  'expected',
  'fee',
  'float',
  'gross',
  'margin',
  'movement',
  'net',
  'price',
  'refund',
  'refunds',
  'sum',
  'tendered',
  'total',
]);

/**
 * Numbers whose name says money but that are not money in the API's output, each with why. A
 * field is named by its path, array items as `[]`.
 */
const notMoney: Record<string, string> = {
  // A carrier profile is read and saved whole as the file the shop edits: its prices are in the
  // profile's own `currency`, said once at its top (README, "Closing the day").
  'carriers.get: profile.plans[].price': 'a carrier profile as its file holds it',
  'carriers.get: profile.plans[].dealerCost': 'a carrier profile as its file holds it',
  'carriers.save: profile.plans[].price': 'a carrier profile as its file holds it',
  'carriers.save: profile.plans[].dealerCost': 'a carrier profile as its file holds it',
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const saysMoney = (name: string) =>
  name.split(/(?=[A-Z])/).some((word) => moneyWords.has(word.toLowerCase()));

const isNumber = (schema: JsonSchema) =>
  [schema.type].flat().some((type) => type === 'integer' || type === 'number');

/** Money as the API writes it: exactly an amount and a currency. */
const isMoney = (schema: JsonSchema) =>
  Object.keys(schema.properties ?? {})
    .sort()
    .join() === 'amount,currency';

/** Every number field of a schema whose name says money, by path, outside money objects. */
function bareAmounts(schema: JsonSchema, path: string, name: string): string[] {
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  const found = alternatives.flatMap((alternative) => bareAmounts(alternative, path, name));
  if (isNumber(schema) && saysMoney(name)) found.push(path);
  if (isMoney(schema)) return found;
  for (const [key, member] of Object.entries(schema.properties ?? {})) {
    found.push(...bareAmounts(member, path ? `${path}.${key}` : key, key));
  }
  if (schema.items) found.push(...bareAmounts(schema.items, `${path}[]`, name));
  if (typeof schema.additionalProperties === 'object') {
    found.push(...bareAmounts(schema.additionalProperties, `${path}{}`, name));
  }
  return found;
}

const outputs = [
  ...Object.entries(procedures).map(([name, procedure]) => [name, procedure.output] as const),
  ...Object.entries(events).map(([name, payload]) => [`event ${name}`, payload] as const),
];

const amountsOf = (name: string, schema: z.ZodType) =>
  [
    ...new Set(
      bareAmounts(
        z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema,
        '',
        '',
      ),
    ),
  ].map((path) => `${name}: ${path}`);

describe('money the API sends out', () => {
  it.each(outputs)('%s gives every amount as {amount, currency}', (name, schema) => {
    const bare = amountsOf(name, schema).filter((field) => !(field in notMoney));
    expect(bare).toEqual([]);
  });

  it('lists as not money only numbers that are there', () => {
    const all = new Set(outputs.flatMap(([name, schema]) => amountsOf(name, schema)));
    for (const field of Object.keys(notMoney)) expect(all, field).toContain(field);
  });

  it('finds a bare amount, in a list or a nullable field, and not inside money', () => {
    const money = z.object({ amount: z.number().int(), currency: z.string() });
    const sale = z.object({
      id: z.number().int(),
      sales: z.number().int(),
      price: money,
      payment: z.object({ tendered: z.number().int().nullable() }),
      dealer: z.array(z.object({ dealerBalanceAfter: z.number().int(), dataMb: z.number() })),
    });
    expect(amountsOf('sales.get', sale)).toEqual([
      'sales.get: payment.tendered',
      'sales.get: dealer[].dealerBalanceAfter',
    ]);
  });
});
