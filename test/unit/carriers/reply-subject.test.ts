import { describe, expect, it } from 'vitest';
import { balanceReplySubject } from '../../../electron/carriers';
import { carrierProfileSchema } from '../../../shared/carrier';
import { demoProfile, demoProfileInput } from './demo-profile';

/** The demo profile, its replies naming the card: "Ligne 687123456 : il vous reste…". */
function namingProfile() {
  const input = demoProfileInput();
  const [french, chinese] = input.balanceQuery.replyPatterns;
  if (!french || !chinese) throw new Error('the demo profile has two reply patterns');
  input.balanceQuery.replyPatterns = [
    { ...french, pattern: `^Ligne (?<msisdn>\\d+) : .*${french.pattern}` },
    chinese,
  ];
  input.balanceQuery.failures = [
    { pattern: '^Numéro (?<msisdn>\\+?\\d+) inconnu', reason: 'unknown_number' },
  ];
  return carrierProfileSchema.parse(input);
}

const balance =
  "Forfait 5Go : il vous reste 3,2 Go valables jusqu'au 30/11/2026 23:59. 剩余流量 3.2GB，有效期至 2026年11月30日。";

describe('the card a balance reply names', () => {
  const naming = namingProfile();

  it.each([
    ['a balance', `Ligne 687123456 : ${balance}`, '687123456'],
    ['a refusal', 'Numéro +687999000 inconnu. Envoyez CXLL suivi du numéro client.', '+687999000'],
    [
      'nothing, when only a pattern without the number matches',
      '剩余流量 3.2GB，有效期至 2026年11月30日',
      null,
    ],
    ['nothing, for a text no pattern reads', 'Commande inconnue.', null],
    ['nothing, for silence', '', null],
  ])('is read from %s', (_label, text, subject) => {
    expect(balanceReplySubject(naming, text)).toBe(subject);
  });

  it('is never read with the demo profile, whose replies name no card', () => {
    expect(balanceReplySubject(demoProfile(), balance)).toBeNull();
  });
});
