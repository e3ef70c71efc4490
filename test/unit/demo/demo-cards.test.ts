import { describe, expect, it } from 'vitest';
import { demoCards, describeDemoCards } from '../../../electron/demo';
import type { CarrierBehaviour } from '../../../electron/gsm/simulator/carrier';
import { DEMO_CARRIER } from '../../../electron/gsm/simulator/demo-carrier';

describe("the demo's cards, as its banner lists them", () => {
  it("are the simulated network's own lines, each with what it does", () => {
    expect(demoCards().map((card) => [card.number, card.kind])).toEqual([
      ['687123456', 'known'],
      ['687654321', 'low-data'],
      ['687777888', 'known'],
      ['687999999', 'never-confirmed'],
    ]);
    expect(demoCards()[1]).toEqual({
      number: '687654321',
      kind: 'low-data',
      plan: '1Go',
      remainingMb: 120,
      validForDays: 6,
    });
  });

  const network = (
    customers: CarrierBehaviour['customers'],
    silent: readonly string[] = [],
  ): CarrierBehaviour => ({
    ...DEMO_CARRIER,
    customers,
    ussd: { ...DEMO_CARRIER.ussd, silentTopUps: { customers: silent, applied: true } },
  });

  it.each([
    ['a quarter of its plan left or more', 256, 30, [], 'known'],
    ['less than a quarter of its plan left', 255, 30, [], 'low-data'],
    ['expired, whatever is left', 1024, -1, [], 'expired'],
    [
      'a top-up the network never answers, before anything else',
      0,
      -4,
      ['687000001'],
      'never-confirmed',
    ],
  ] as const)('a 1Go card with %s is %s', (_case, remainingMb, validForDays, silent, kind) => {
    const [card] = describeDemoCards(
      network([{ number: '687000001', plan: '1Go', remainingMb, validForDays }], silent),
    );
    expect(card?.kind).toBe(kind);
  });
});
