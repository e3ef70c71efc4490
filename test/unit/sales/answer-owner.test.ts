/**
 * Whose top-up a USSD answer is: the card the carrier profile's patterns capture in a final
 * answer, and the rule a sale uses to take an answer as its own. The texts are the demo
 * network's, as the simulator writes them.
 */
import { describe, expect, it } from 'vitest';
import { classifyTopUpAnswer, topUpAnswerSubject } from '../../../electron/carriers';
import { cardNamedBy, mayAnswerFor } from '../../../electron/sales/answer-owner';
import { carrierProfileSchema } from '../../../shared/carrier';
import { demoProfile, demoProfileInput } from '../carriers/demo-profile';

const demo = demoProfile();
/** The demo carrier as a profile written before the capture: its answers name no card. */
const cardless = carrierProfileSchema.parse({
  ...demoProfileInput(),
  topUp: {
    ...demoProfileInput().topUp,
    success: {
      pattern:
        '^Recharge \\S+ OK pour \\+?\\d+\\. Réf (?<reference>[A-Z0-9-]+)\\. Nouveau solde (?<dealerBalance>-?\\d(?:[\\d .,\\u00a0\\u202f]*\\d)?) XPF',
    },
    failures: [
      { pattern: '^Solde revendeur insuffisant', reason: 'insufficient_dealer_balance' },
      { pattern: '^Code PIN revendeur incorrect', reason: 'wrong_pin' },
    ],
  },
});

const done = 'Recharge 1Go OK pour 687654321. Réf TX48213. Nouveau solde 249 000 XPF';
const wrongPin = 'Code PIN revendeur incorrect. Recharge de 687654321 annulée.';
const unknownCustomer = 'Numéro client 687000000 inconnu. Recharge annulée.';
const unknownPlan = 'Forfait inconnu. Recharge de 687654321 annulée.';
const poor =
  'Solde revendeur insuffisant (3 000 XPF) pour 5Go de 687654321 à 5 000 XPF. 经销商余额不足。';

describe('the card a top-up answer names', () => {
  it.each([
    ['a top-up done', done, '687654321'],
    ['a wrong dealer PIN', wrongPin, '687654321'],
    ['an unknown customer', unknownCustomer, '687000000'],
    ['an unknown plan', unknownPlan, '687654321'],
    ['a dealer float too low', poor, '687654321'],
    ['a refusal written without the card', 'Code PIN revendeur incorrect. Recharge annulée.', null],
    ['a refusal that names no card at all', 'Choix invalide.', null],
    ['a text no pattern reads', 'Service indisponible', null],
    ['silence', '', null],
  ])('%s: %s', (_case, text, card) => {
    expect(topUpAnswerSubject(demo, text)).toBe(card);
  });

  it('is none when the profile’s patterns capture no card, though the text carries one', () => {
    expect(topUpAnswerSubject(cardless, done)).toBeNull();
    expect(topUpAnswerSubject(cardless, wrongPin)).toBeNull();
  });

  it('leaves the reading of the answer as it was: the capture changes no outcome', () => {
    expect(classifyTopUpAnswer(demo, done)).toEqual(classifyTopUpAnswer(cardless, done));
    expect(classifyTopUpAnswer(demo, wrongPin)).toMatchObject({
      kind: 'failed',
      reason: 'wrong_pin',
    });
    expect(classifyTopUpAnswer(demo, poor)).toMatchObject({
      kind: 'failed',
      reason: 'insufficient_dealer_balance',
    });
  });
});

describe('whether an answer may be a sale’s own', () => {
  it.each([
    ['names the sale’s card', demo, done, '+687654321', true],
    [
      'names the sale’s card, written with its country code sign',
      demo,
      done.replace('pour 6', 'pour +6'),
      '+687654321',
      true,
    ],
    ['names another card (success)', demo, done, '+687123456', false],
    ['names another card (refusal)', demo, wrongPin, '+687123456', false],
    ['names another card (unknown customer)', demo, unknownCustomer, '+687123456', false],
    [
      'names something that is no number',
      demo,
      'Recharge 1Go OK pour 00. Réf TX1. Nouveau solde 1 XPF',
      '+687123456',
      false,
    ],
    ['names no card: taken in order, as before', demo, 'Choix invalide.', '+687123456', true],
    ['a menu, which no pattern reads', demo, 'Numéro client ?', '+687123456', true],
    [
      'a profile without the capture: taken in order, as before',
      cardless,
      done,
      '+687123456',
      true,
    ],
  ])('%s', (_case, carrier, text, card, mine) => {
    expect(mayAnswerFor(carrier, text, card)).toBe(mine);
  });

  it('compares cards as the carrier’s rules write them (E.164)', () => {
    expect(cardNamedBy(demo, done)).toBe('+687654321');
    expect(cardNamedBy(cardless, done)).toBeNull();
  });
});
