import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { Language } from '../../shared/languages';
import type { Sale } from '../../shared/sale';
import { type Actor, formatActor } from '../../shared/user';
import type { ModemBank } from '../bank/modem-bank';
import { isHilinkModem } from '../gsm/hilink/modem';
import { sendSms } from '../gsm/sms/send';
import type { Translate } from '../printing/layout';
import { receiptSmsText } from '../printing/receipt-sms';
import type { ReceiptBook } from '../sales/receipts';

export interface SentReceiptSms {
  number: number;
  to: string;
  language: Language;
  text: string;
  modemId: string;
  sentAt: string;
}

/**
 * Sends a receipt as a short SMS to the number its sale topped up, through the modem bank: the
 * sale's own modem if it is free, else the next modem of its carrier to free up within
 * `modemWaitMs` (never one in the middle of a USSD session). Each attempt is logged with the
 * sale, sent or not (why not, then).
 */
export function createReceiptSms(deps: {
  db: Database;
  now: () => Date;
  bank: Pick<ModemBank, 'acquire' | 'acquireModem'>;
  saleOf(id: number): Sale;
  t: Translate;
  modemWaitMs: number;
}) {
  const insert = deps.db.prepare(`
    INSERT INTO receipt_sms (sale_id, receipt_number, to_number, language, text, modem_id,
      outcome, error, actor, at)
    VALUES (@saleId, @number, @to, @language, @text, @modemId, @outcome, @error, @actor, @at)`);

  /** Receipt `number` of `receipts` (its till's book). */
  return async (
    receipts: Pick<ReceiptBook, 'get'>,
    number: number,
    language: Language | undefined,
    actor: Actor,
  ): Promise<SentReceiptSms> => {
    const found = receipts.get(number);
    if (!found) throw new ApiError('not_found', `No receipt ${number}`);
    const sale = deps.saleOf(found.saleId);
    const chosen = language ?? found.receipt.language;
    const text = receiptSmsText({ ...found.receipt, copy: 0 }, deps.t, chosen);
    const attempt = {
      saleId: sale.id,
      number,
      to: sale.msisdn,
      language: chosen,
      text,
      actor: formatActor(actor),
    };
    const failed = (modemId: string | null, error: string) => {
      insert.run({ ...attempt, modemId, outcome: 'failed', error, at: deps.now().toISOString() });
      return new ApiError('no_modem', error);
    };
    const lease =
      (sale.modemId === null ? null : deps.bank.acquireModem(sale.modemId)) ??
      (await deps.bank.acquire(sale.carrierId, deps.modemWaitMs));
    if (!lease) throw failed(null, `No modem of ${sale.carrierId} was free to send the SMS`);
    try {
      const { modem } = lease;
      if (isHilinkModem(modem)) await modem.sms.sendText(sale.msisdn, text);
      else await sendSms(modem.channel, { to: sale.msisdn, text });
    } catch (error) {
      throw failed(lease.id, `${lease.id} could not send the SMS: ${(error as Error).message}`);
    } finally {
      lease.release();
    }
    const sentAt = deps.now().toISOString();
    insert.run({ ...attempt, modemId: lease.id, outcome: 'sent', error: null, at: sentAt });
    return { number, to: sale.msisdn, language: chosen, text, modemId: lease.id, sentAt };
  };
}
