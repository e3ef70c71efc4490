import { describe, expect, it } from 'vitest';
import { readTopUpConfirmation } from '../../../electron/carriers';
import { carrierProfileSchema } from '../../../shared/carrier';
import { demoProfile, demoProfileInput } from './demo-profile';

const confirming = (pattern: string) =>
  carrierProfileSchema.safeParse({
    ...demoProfileInput(),
    topUpConfirmation: { smsFrom: '4000', pattern },
  });

const CONFIRMATION =
  '^Recharge \\S+ effectuée pour (?<msisdn>\\d+)\\. Réf (?<reference>[A-Z0-9-]+)';

describe('the carrier’s top-up confirmation SMS', () => {
  it('is optional in a profile', () => {
    expect(demoProfile().topUpConfirmation).toBeUndefined();
  });

  it.each([
    ['without the card', '^Recharge effectuée\\. Réf (?<reference>\\w+)', 'msisdn'],
    ['without the reference', '^Recharge effectuée pour (?<msisdn>\\d+)', 'reference'],
  ])('is refused %s: it could not say which sale it confirms', (_label, pattern, group) => {
    const parsed = confirming(pattern);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['topUpConfirmation', 'pattern'],
      params: { reason: 'missing_group', group },
    });
  });

  const profile = carrierProfileSchema.parse({
    ...demoProfileInput(),
    topUpConfirmation: { smsFrom: '4000', pattern: CONFIRMATION },
  });

  it.each([
    [
      'Recharge 1Go effectuée pour 687999999. Réf TX48213. Merci.',
      { msisdn: '687999999', reference: 'TX48213' },
    ],
    ['Recharge 1Go OK pour 687999999. Réf TX48213.', null],
    ['', null],
  ])('reads %j', (text, expected) => {
    expect(readTopUpConfirmation(profile, text)).toEqual(expected);
  });

  it('reads nothing with a profile that knows no such SMS', () => {
    expect(
      readTopUpConfirmation(demoProfile(), 'Recharge 1Go effectuée pour 687999999. Réf TX1.'),
    ).toBeNull();
  });
});
