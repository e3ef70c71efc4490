/**
 * Top-ups the carrier confirms by SMS. A sale left `unknown` (sent, no definite answer) moves to
 * succeeded when a modem of its carrier receives the carrier's confirmation naming the card and a
 * reference, and it is the one unknown sale of that card: never by a guess (several waiting, a
 * reference already known, an SMS older than the sale), which a manager resolves instead.
 */
import { type CountryCode, getCountryCallingCode } from 'libphonenumber-js';
import type { CarrierProfile } from '../../shared/carrier';
import type { Sale } from '../../shared/sale';
import { customerNumber, readTopUpConfirmation } from '../carriers';
import { type InboxMessage, sameNumber } from '../gsm/sms';
import { type InSameCommit, type Journal, JournalError } from './journal';

interface TopUpConfirmationDeps {
  journal: Journal;
  carrierOf(carrierId: string): CarrierProfile | null;
  /** The carrier of a modem's dealer SIM. */
  carrierOfModem(modemId: string): string | null;
  /** The corrected receipt, issued in the confirmation's own commit. */
  receiptWithOutcome: InSameCommit;
  /** A sale just confirmed (for the screens). */
  onConfirmed(sale: Sale): void;
}

export function createTopUpConfirmations(deps: TopUpConfirmationDeps) {
  return {
    /** Reads an SMS a modem received; resolves the sale it confirms, if it is beyond doubt. */
    consider(modemId: string, message: InboxMessage): Sale | null {
      const carrierId = deps.carrierOfModem(modemId);
      const profile = carrierId === null ? null : deps.carrierOf(carrierId);
      const expected = profile?.topUpConfirmation;
      // A truncated text may have lost the end of its reference: not beyond doubt.
      if (!profile || !expected || !message.complete || message.truncated) return null;
      if (message.sender === null) return null;
      const countryCode = getCountryCallingCode(profile.numberRegion as CountryCode);
      if (!sameNumber(message.sender, expected.smsFrom, { countryCode })) return null;
      const named = readTopUpConfirmation(profile, message.text);
      const card = named ? customerNumber(profile, named.msisdn) : null;
      if (!named || !card?.ok) return null;
      const sales = deps.journal
        .list({ msisdn: card.value.e164 })
        .filter((sale) => sale.carrierId === profile.id);
      if (sales.some((sale) => sale.carrierReference === named.reference)) return null;
      const waiting = sales.filter(
        (sale) =>
          sale.status === 'unknown' && Date.parse(sale.createdAt) <= Date.parse(message.receivedAt),
      );
      const [only, ...others] = waiting;
      if (!only || others.length > 0) return null;
      const transcript = `SMS from ${message.sender} (${message.timestamp ?? message.receivedAt}): ${message.text}`;
      try {
        const sale = deps.journal.confirmByCarrier(
          only.id,
          named.reference,
          transcript,
          { kind: 'carrier-sms', modemId },
          deps.receiptWithOutcome,
        );
        deps.onConfirmed(sale);
        return sale;
      } catch (error) {
        // A manager resolved it meanwhile: their word stands.
        if (error instanceof JournalError && error.code === 'wrong_status') return null;
        throw error;
      }
    },
  };
}
