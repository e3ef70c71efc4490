/**
 * Reading what the carrier says, with the demo profile: the texts are the demo network's, as
 * the simulator writes them. Only a recognised refusal is `failed`; anything else that is not a
 * success (silence included) is `unrecognised`, which the journal keeps as `unknown`.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyTopUpAnswer,
  parseAmount,
  parseBalanceReply,
  parseDealerBalance,
  readWallClock,
  wallClockToInstant,
} from '../../../electron/carriers';
import { carrierProfileSchema } from '../../../shared/carrier';
import { demoProfile, demoProfileInput } from './demo-profile';

const demo = demoProfile();

describe('the last answer of a top-up', () => {
  it('a top-up done gives the reference and the new dealer balance', () => {
    expect(
      classifyTopUpAnswer(
        demo,
        'Recharge 5Go OK pour 687123456. Réf TX48213. Nouveau solde 245 000 XPF',
      ),
    ).toEqual({ kind: 'succeeded', reference: 'TX48213', dealerBalance: 245_000 });
  });

  it('a top-up done whose balance cannot be read is still done, without the balance', () => {
    expect(
      classifyTopUpAnswer(demo, 'Recharge 1Go OK pour 687123456. Réf TX1. Nouveau solde 2,5 XPF'),
    ).toEqual({ kind: 'succeeded', reference: 'TX1' });
  });

  it.each([
    [
      'Solde revendeur insuffisant (3 000 XPF) pour 5Go à 5 000 XPF. 经销商余额不足。',
      'insufficient_dealer_balance',
    ],
    ['Numéro client 687000000 inconnu. Recharge annulée.', 'unknown_number'],
    ['Code PIN revendeur incorrect. Recharge annulée.', 'wrong_pin'],
    ['Forfait inconnu. Recharge annulée.', 'unknown_plan'],
    ['Choix invalide.', 'refused'],
  ])('%j is a refusal: %s', (text, reason) => {
    expect(classifyTopUpAnswer(demo, text)).toEqual({ kind: 'failed', reason, text });
  });

  it.each([
    ['silence (a timeout gives no text)', ''],
    ['blank lines', ' \r\n '],
    ['a menu that never ended', 'Code PIN revendeur ?'],
    ['a text the profile does not know', 'Service momentanément indisponible'],
    ['a success in another wording', 'Votre recharge a été effectuée'],
    ['a text far too long to be an answer', `Choix invalide.${' '.repeat(5000)}`],
  ])('%s is unrecognised, never failed', (_name, text) => {
    expect(classifyTopUpAnswer(demo, text)).toEqual({ kind: 'unrecognised', text });
  });

  it('a text that reads both as success and as refusal is unrecognised: a person decides', () => {
    const both = carrierProfileSchema.parse({
      ...demoProfileInput(),
      topUp: {
        ...demoProfileInput().topUp,
        failures: [{ pattern: 'Nouveau solde', reason: 'refused' }],
      },
    });
    const text = 'Recharge 5Go OK pour 687123456. Réf TX48213. Nouveau solde 245 000 XPF';
    expect(classifyTopUpAnswer(both, text)).toEqual({ kind: 'unrecognised', text });
  });
});

describe('the SMS answer to a balance query', () => {
  const french =
    "Forfait 5Go : il vous reste 3,2 Go valables jusqu'au 30/11/2026 23:59. 剩余流量 3.2GB，有效期至 2026年11月30日。";

  it('gives the data left in megabytes and the validity in UTC, from Nouméa time', () => {
    expect(parseBalanceReply(demo, french, 'Pacific/Noumea')).toEqual({
      ok: true,
      value: { remainingMb: 3277, validUntil: '2026-11-30T12:59:00.000Z' },
    });
  });

  it('reads the validity in the time zone it is given', () => {
    const reply = parseBalanceReply(demo, french, 'Europe/Paris');
    expect(reply.ok && reply.value.validUntil).toBe('2026-11-30T22:59:00.000Z');
  });

  it('reads megabytes, and a whole number of gigabytes', () => {
    const mo = "il vous reste 512 Mo valables jusqu'au 01/05/2026 08:00.";
    const go = "il vous reste 20 Go valables jusqu'au 01/05/2026 08:00.";
    expect(parseBalanceReply(demo, mo, 'Pacific/Noumea')).toMatchObject({
      ok: true,
      value: { remainingMb: 512, validUntil: '2026-04-30T21:00:00.000Z' },
    });
    expect(parseBalanceReply(demo, go, 'Pacific/Noumea')).toMatchObject({
      value: { remainingMb: 20_480 },
    });
  });

  it('falls back to the Chinese part, whose date has no time: valid to the end of that day', () => {
    const chinese = '剩余流量 15.5GB，有效期至 2026年6月2日。';
    expect(parseBalanceReply(demo, chinese, 'Pacific/Noumea')).toEqual({
      ok: true,
      value: { remainingMb: 15_872, validUntil: '2026-06-02T12:59:00.000Z' },
    });
  });

  it.each([
    [
      'a number the carrier does not know',
      'Numéro 687000000 inconnu. Envoyez CXLL suivi du numéro client.',
      'unknown_number',
    ],
    [
      'a command the carrier does not know',
      'Commande inconnue. Envoyez CXLL suivi du numéro client.',
      'refused',
    ],
    ['a text no pattern knows', 'Bienvenue chez NC Mobile !', 'unrecognised_reply'],
    ['no text at all', '', 'unrecognised_reply'],
    [
      'a date that is no real day',
      "il vous reste 3,2 Go valables jusqu'au 31/02/2026 23:59.",
      'unreadable_date',
    ],
  ])('%s is a typed error', (_name, text, code) => {
    expect(parseBalanceReply(demo, text, 'Pacific/Noumea')).toEqual({
      ok: false,
      error: { code, message: expect.any(String), text },
    });
  });

  it('refuses a time zone that does not exist', () => {
    expect(() => parseBalanceReply(demo, french, 'Pacific/Atlantis')).toThrow(
      expect.objectContaining({ code: 'invalid_time_zone' }),
    );
  });
});

describe('the dealer balance', () => {
  it('is read in XPF, which has no minor unit', () => {
    expect(parseDealerBalance(demo, 'Solde revendeur: 250 000 XPF')).toEqual({
      ok: true,
      value: 250_000,
    });
  });

  it('is an error value when the answer is something else', () => {
    expect(parseDealerBalance(demo, 'Choix invalide.')).toMatchObject({
      ok: false,
      error: { code: 'unrecognised_reply' },
    });
  });
});

describe('amounts as carriers write them', () => {
  it.each([
    ['250 000', 0, 250_000],
    ['250\u00a0000', 0, 250_000],
    ['250\u202f000', 0, 250_000],
    ['250.000', 0, 250_000],
    ['-1 000', 0, -1_000],
    ['0', 0, 0],
    ['1 234,56', 2, 123_456],
    ['1,234.56', 2, 123_456],
    ['1.234,5', 2, 123_450],
    ['1.234', 2, 123_400],
    ['12', 2, 1_200],
  ])('%j with %i minor digits is %i minor units', (text, digits, minor) => {
    expect(parseAmount(text, digits)).toBe(minor);
  });

  it.each([
    ['2,5', 0],
    ['1,2345', 2],
    ['12 3', 0],
    ['1.23.456', 2],
    ['XPF', 0],
    ['', 0],
    ['99999999999999999999', 0],
  ])('%j with %i minor digits cannot be read without guessing', (text, digits) => {
    expect(parseAmount(text, digits)).toBeNull();
  });
});

describe('dates in the carrier local time', () => {
  it('reads a date as declared and refuses one written otherwise', () => {
    expect(readWallClock('02/06/2026 08:05', 'DD/MM/YYYY HH:mm')).toEqual({
      year: 2026,
      month: 6,
      day: 2,
      hour: 8,
      minute: 5,
      second: 0,
    });
    expect(readWallClock('2026-06-02 08:05', 'DD/MM/YYYY HH:mm')).toBeNull();
    expect(readWallClock('02/13/2026 08:05', 'DD/MM/YYYY HH:mm')).toBeNull();
    expect(readWallClock('02/06/2026 24:00', 'DD/MM/YYYY HH:mm')).toBeNull();
  });

  it('turns local time into the right instant across a daylight-saving change', () => {
    const paris = (day: number, hour: number) =>
      wallClockToInstant(
        { year: 2026, month: 3, day, hour, minute: 30, second: 0 },
        'Europe/Paris',
      ).toISOString();
    expect(paris(28, 12)).toBe('2026-03-28T11:30:00.000Z');
    expect(paris(29, 12)).toBe('2026-03-29T10:30:00.000Z');
    const autumn = wallClockToInstant(
      { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 },
      'Europe/Paris',
    );
    // 02:30 happens twice that night; the earlier one is meant.
    expect(autumn.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
