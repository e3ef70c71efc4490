/**
 * Properties over many inputs: whatever the clerk types, a top-up either is refused before it
 * exists or is made only of USSD characters; the masked copy says nothing about the PIN; and no
 * text a carrier can send makes the readers throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CarrierInputError,
  classifyTopUpAnswer,
  parseBalanceReply,
  parseDealerBalance,
  renderTopUpSteps,
} from '../../../electron/carriers';
import { assertUssdText } from '../../../electron/gsm/ussd';
import { type CarrierProfile, msisdnFormats } from '../../../shared/carrier';
import { demoProfile } from './demo-profile';

const demo = demoProfile();
const profiles: CarrierProfile[] = msisdnFormats.flatMap((msisdnFormat) =>
  (['valid', 'possible'] as const).map((numberValidation) => ({
    ...demo,
    msisdnFormat,
    numberValidation,
  })),
);

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** New Caledonian mobile numbers (7x, 9x) written the ways clerks write them. */
const ncNumber = fc
  .tuple(fc.constantFrom('7', '9'), digits(5, 5), fc.integer({ min: 0, max: 4 }))
  .map(([first, rest, form]) => {
    const national = first + rest;
    const spaced = national.replace(/(\d\d)(?=\d)/g, '$1 ');
    return [national, spaced, `+687 ${spaced}`, `687${national}`, `00687${national}`][form] ?? '';
  });

const pin = digits(1, 16);
const plan = fc.constantFrom(...demo.plans.map((candidate) => candidate.id));
const profile = fc.constantFrom(...profiles);

/** What a clerk or a hostile field might hold: any text, AT syntax, control characters. */
const anyTyped = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.constantFrom('27', '+687', ' ', '"', '\r', '\n', '\x1a', ';', 'AT', '#', '*', '9'))
    .map((pieces) => pieces.join('')),
);

describe('the top-up steps, for any input', () => {
  it('are made only of USSD characters for every valid number, plan and PIN', () => {
    fc.assert(
      fc.property(profile, ncNumber, plan, pin, (carrier, msisdn, planId, dealerPin) => {
        const { steps } = renderTopUpSteps(carrier, { msisdn, plan: planId, pin: dealerPin });
        for (const step of steps) expect(() => assertUssdText(step)).not.toThrow();
      }),
    );
  });

  it('are refused with a CarrierInputError, or made only of USSD characters, whatever is typed', () => {
    fc.assert(
      fc.property(profile, anyTyped, plan, anyTyped, (carrier, msisdn, planId, dealerPin) => {
        let steps: string[];
        try {
          steps = renderTopUpSteps(carrier, { msisdn, plan: planId, pin: dealerPin }).steps;
        } catch (error) {
          expect(error).toBeInstanceOf(CarrierInputError);
          return;
        }
        for (const step of steps) expect(() => assertUssdText(step)).not.toThrow();
      }),
    );
  });

  it('have a masked copy that is the same whatever the PIN', () => {
    fc.assert(
      fc.property(ncNumber, plan, pin, pin, (msisdn, planId, one, other) => {
        const first = renderTopUpSteps(demo, { msisdn, plan: planId, pin: one });
        const second = renderTopUpSteps(demo, { msisdn, plan: planId, pin: other });
        expect(first.masked).toEqual(second.masked);
      }),
    );
  });
});

describe('reading carrier answers, for any text', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc
      .array(
        fc.constantFrom(
          'Recharge 5Go OK pour 687123456. ',
          'Réf TX1. ',
          'Nouveau solde ',
          '245 000',
          ' XPF',
          'Solde revendeur insuffisant',
          "il vous reste 3,2 Go valables jusqu'au ",
          '30/11/2026 23:59',
          '99/99/9999 99:99',
          '剩余流量 ',
          '有效期至 2026年13月40日',
          '\n',
          ' ',
        ),
      )
      .map((pieces) => pieces.join('')),
  );

  it('classifyTopUpAnswer never throws, and says failed only for a recognised refusal', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const answer = classifyTopUpAnswer(demo, text);
        if (text.trim() === '') expect(answer.kind).toBe('unrecognised');
        if (answer.kind === 'failed') {
          expect(demo.topUp.failures.map((failure) => failure.reason)).toContain(answer.reason);
        }
      }),
    );
  });

  it('the balance readers never throw either', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(typeof parseBalanceReply(demo, text, 'Pacific/Noumea').ok).toBe('boolean');
        expect(typeof parseDealerBalance(demo, text).ok).toBe('boolean');
      }),
    );
  });
});
