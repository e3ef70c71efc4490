/**
 * The carrier profile schema: the shipped demo passes, and each way a manager can get a profile
 * wrong is refused with the field and a code the interface translates.
 */
import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../../shared/api/errors';
import {
  type CarrierProfileInput,
  carrierProfileSchema,
  groupNames,
  parseDateFormat,
  templateParts,
} from '../../../shared/carrier';
import { demoProfileInput } from './demo-profile';

function issuesOf(input: unknown) {
  const result = carrierProfileSchema.safeParse(input);
  return result.success
    ? []
    : issuesFromZod(result.error).map(({ path, code, params }) =>
        params ? { path, code, params } : { path, code },
      );
}

type Change = (profile: CarrierProfileInput) => void;

describe('a carrier profile', () => {
  it('the shipped New Caledonia demo is valid and fills in its defaults', () => {
    const input = demoProfileInput();
    expect(issuesOf(input)).toEqual([]);
    const profile = carrierProfileSchema.parse(input);
    expect(profile.balanceQuery.replyPatterns[0]?.timeIfAbsent).toBe('23:59');
    expect(profile.plans.map((plan) => plan.id)).toEqual(['1go', '5go', '20go']);
  });

  it.each<[string, Change, { path: string; code: string; params?: Record<string, unknown> }]>([
    [
      'a success pattern that is no regular expression',
      (p) => {
        p.topUp.success.pattern = 'Réf (?<reference>[A-Z0-9+)';
      },
      { path: 'topUp.success.pattern', code: 'invalid_pattern' },
    ],
    [
      'a failure pattern that is no regular expression',
      (p) => {
        p.topUp.failures[0] = { pattern: '(?<x', reason: 'refused' };
      },
      { path: 'topUp.failures.0.pattern', code: 'invalid_pattern' },
    ],
    [
      'a success pattern without the reference group',
      (p) => {
        p.topUp.success.pattern = '^Recharge (\\S+) OK';
      },
      { path: 'topUp.success.pattern', code: 'missing_group', params: { group: 'reference' } },
    ],
    [
      'a balance reply pattern without validUntil',
      (p) => {
        const reply = p.balanceQuery.replyPatterns[0];
        if (reply) reply.pattern = 'il vous reste (?<remaining>[\\d,]+) ?(?<unit>Go|Mo)';
      },
      {
        path: 'balanceQuery.replyPatterns.0.pattern',
        code: 'missing_group',
        params: { group: 'validUntil' },
      },
    ],
    [
      'a dealer balance pattern without the balance group',
      (p) => {
        p.dealerBalance.pattern = '^Solde revendeur: ([\\d ]+) XPF';
      },
      { path: 'dealerBalance.pattern', code: 'missing_group', params: { group: 'balance' } },
    ],
    [
      'a failure pattern that would read a refusal into silence',
      (p) => {
        p.topUp.failures.push({ pattern: '.*', reason: 'refused' });
      },
      { path: 'topUp.failures.5.pattern', code: 'matches_empty' },
    ],
    [
      'a stateful (global) pattern flag',
      (p) => {
        p.topUp.success.flags = 'g';
      },
      { path: 'topUp.success.flags', code: 'invalid_flags' },
    ],
    [
      'two plans with the same id',
      (p) => {
        const [first, second] = p.plans;
        if (first && second) second.id = first.id;
      },
      { path: 'plans.1.id', code: 'duplicate_plan', params: { id: '1go' } },
    ],
    [
      'two plans keyed in with the same menu choice',
      (p) => {
        const third = p.plans[2];
        if (third) third.ussdChoice = '1';
      },
      { path: 'plans.2.ussdChoice', code: 'duplicate_choice', params: { choice: '1' } },
    ],
    [
      'a fractional price',
      (p) => {
        const plan = p.plans[0];
        if (plan) plan.price = 1499.5;
      },
      { path: 'plans.0.price', code: 'invalid_type' },
    ],
    [
      'a negative dealer cost',
      (p) => {
        const plan = p.plans[1];
        if (plan) plan.dealerCost = -5000;
      },
      { path: 'plans.1.dealerCost', code: 'too_small', params: { limit: 0 } },
    ],
    [
      'a price written as text',
      (p) => {
        (p.plans[0] as { price: unknown }).price = '1500';
      },
      { path: 'plans.0.price', code: 'invalid_type' },
    ],
    [
      'an unknown placeholder in a top-up step',
      (p) => {
        p.topUp.steps[3] = '{planCode}';
      },
      { path: 'topUp.steps.3', code: 'unknown_placeholder', params: { placeholder: 'planCode' } },
    ],
    [
      'the dealer PIN put into the balance SMS',
      (p) => {
        p.balanceQuery.text = 'CXLL {msisdn} {pin}';
      },
      { path: 'balanceQuery.text', code: 'unknown_placeholder', params: { placeholder: 'pin' } },
    ],
    [
      'an unbalanced brace in a step',
      (p) => {
        p.topUp.steps[2] = '{msisdn';
      },
      { path: 'topUp.steps.2', code: 'unbalanced_brace' },
    ],
    [
      'a step with characters the USSD line must not carry',
      (p) => {
        p.topUp.steps[0] = '*123#\r';
      },
      { path: 'topUp.steps.0', code: 'ussd_characters' },
    ],
    [
      'a top-up script that never sends the customer number',
      (p) => {
        p.topUp.steps = ['*123#', '1', '{planChoice}', '{pin}'];
      },
      { path: 'topUp.steps', code: 'missing_placeholder', params: { placeholder: 'msisdn' } },
    ],
    [
      'a balance SMS without the customer number',
      (p) => {
        p.balanceQuery.text = 'CXLL';
      },
      { path: 'balanceQuery.text', code: 'missing_placeholder', params: { placeholder: 'msisdn' } },
    ],
    [
      'a menu choice with a quote in it',
      (p) => {
        const plan = p.plans[0];
        if (plan) plan.ussdChoice = '1"';
      },
      { path: 'plans.0.ussdChoice', code: 'ussd_characters' },
    ],
    [
      'a date format without a year',
      (p) => {
        const reply = p.balanceQuery.replyPatterns[0];
        if (reply) reply.validUntilFormat = 'DD/MM HH:mm';
      },
      { path: 'balanceQuery.replyPatterns.0.validUntilFormat', code: 'invalid_date_format' },
    ],
    [
      'a default unit that is not in the unit table',
      (p) => {
        const reply = p.balanceQuery.replyPatterns[0];
        if (reply) reply.defaultUnit = 'To';
      },
      { path: 'balanceQuery.replyPatterns.0.defaultUnit', code: 'unknown_unit' },
    ],
    [
      'remaining data with no unit group and no default unit',
      (p) => {
        const reply = p.balanceQuery.replyPatterns[0];
        if (reply) reply.pattern = 'reste (?<remaining>\\d+) Mo jusqu.au (?<validUntil>[\\d/ :]+)';
      },
      { path: 'balanceQuery.replyPatterns.0.defaultUnit', code: 'missing_unit' },
    ],
    [
      'an id that is not a slug',
      (p) => {
        p.id = 'NC Demo';
      },
      { path: 'id', code: 'invalid_id' },
    ],
    [
      'a country that does not exist',
      (p) => {
        p.country = 'XX';
      },
      { path: 'country', code: 'unknown_country' },
    ],
    [
      'a currency Comptoir does not keep books in',
      (p) => {
        (p as { currency: string }).currency = 'BTC';
      },
      { path: 'currency', code: 'invalid_value' },
    ],
    [
      'a field nobody knows (a typo)',
      (p) => {
        (p as Record<string, unknown>).plan = [];
      },
      { path: '', code: 'unrecognized_keys' },
    ],
    [
      'a timeout of zero',
      (p) => {
        p.topUp.timeoutMs = 0;
      },
      { path: 'topUp.timeoutMs', code: 'too_small', params: { limit: 1000 } },
    ],
  ])('refuses %s', (_name, change, expected) => {
    const profile = demoProfileInput();
    change(profile);
    expect(issuesOf(profile)).toContainEqual(expected);
  });
});

describe('the pieces the schema is built on', () => {
  it('splits a template into literal text and placeholders', () => {
    expect(templateParts('*123*{msisdn}*{planChoice}#')).toEqual([
      { literal: '*123*' },
      { placeholder: 'msisdn' },
      { literal: '*' },
      { placeholder: 'planChoice' },
      { literal: '#' },
    ]);
    expect(templateParts('{pin}}')).toBeNull();
  });

  it('finds the named groups of a pattern, even in an alternative that did not match', () => {
    expect([...groupNames(/(?<a>x)|(?<b>y)(?:z)/)].sort()).toEqual(['a', 'b']);
  });

  it.each([
    ['DD/MM/YYYY HH:mm', true],
    ['YYYY年M月D日', true],
    ['[le] D/M/YY [à] H[h]mm', true],
    ['YYYY-MM-DDTHH:mm:ss', true],
    ['DD/MM HH:mm', false],
    ['DD/MM/YYYY mm', false],
    ['DD/MM/YYYY/YYYY', false],
    ['DD/MM/YYY', false],
    ['[DD/MM/YYYY', false],
  ])('reads the date format %s: %s', (format, valid) => {
    expect(parseDateFormat(format) !== null).toBe(valid);
  });
});
