import { describe, expect, it } from 'vitest';
import {
  type CardTrack,
  DEFAULT_MB_PER_DAY,
  TYPICAL_USAGE_MINIMUM_CARDS,
  typicalUsage,
} from '../../../electron/balance/typical-usage';
import { DAY_MS } from '../../../electron/balance/usage';

const NOW = Date.parse('2026-05-04T00:00:00Z');
const at = (days: number) => new Date(NOW + days * DAY_MS).toISOString();

/** A card read twice a day apart, having used `mbPerDay` in between. */
const usingPerDay = (mbPerDay: number): CardTrack => ({
  readings: [
    { at: at(-2), remainingMb: 10_000, validUntil: at(30) },
    { at: at(-1), remainingMb: 10_000 - mbPerDay, validUntil: at(30) },
  ],
  renewals: [],
});

/** A card read once: no rate of its own. */
const readOnce: CardTrack = {
  readings: [{ at: at(-1), remainingMb: 4000, validUntil: at(30) }],
  renewals: [],
};

/** Read twice, but renewed in between: the jump is not usage, so no rate. */
const renewedBetween: CardTrack = {
  ...usingPerDay(500),
  renewals: [{ at: at(-1.5) }],
};

const shop = (cards: number) => ({ kind: 'shop', cards, windowDays: 90 });
const byDefault = (cards: number) => ({
  kind: 'default',
  cards,
  minimumCards: TYPICAL_USAGE_MINIMUM_CARDS,
  windowDays: 90,
});

describe('the shop’s customers’ typical usage', () => {
  it.each<[string, CardTrack[], number, object]>([
    ['no card yet: the shop’s default', [], DEFAULT_MB_PER_DAY, byDefault(0)],
    [
      'four cards read twice are not enough: the default, and how many there are',
      [100, 200, 300, 400].map(usingPerDay),
      DEFAULT_MB_PER_DAY,
      byDefault(4),
    ],
    [
      'cards read once or renewed between their readings do not count',
      [...[100, 200, 300, 400].map(usingPerDay), readOnce, renewedBetween],
      DEFAULT_MB_PER_DAY,
      byDefault(4),
    ],
    ['five cards: their median', [900, 100, 500, 200, 400].map(usingPerDay), 400, shop(5)],
    [
      'six cards: the mean of the middle two',
      [100, 200, 300, 500, 700, 800].map(usingPerDay),
      400,
      shop(6),
    ],
    [
      'one heavy streamer does not move it much',
      [150, 200, 250, 300, 20_000].map(usingPerDay),
      250,
      shop(5),
    ],
  ])('%s', (_label, cards, mbPerDay, basis) => {
    const usage = typicalUsage(cards);
    expect(usage.mbPerDay).toBeCloseTo(mbPerDay);
    expect(usage.basis).toEqual(basis);
  });
});
