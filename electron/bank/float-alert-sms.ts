import type { CarrierProfile } from '../../shared/carrier';
import type { Money } from '../../shared/currencies';
import { formatMoney } from '../../shared/money';
import { isHilinkModem } from '../gsm/hilink/modem';
import { sendSms } from '../gsm/sms/send';
import type { Translate } from '../printing/layout';
import type { DealerFloat } from './floats';
import type { ModemBank } from './modem-bank';

/**
 * Tells the manager's phone by SMS that a dealer float is low, through a modem the bank lends
 * like any job (never one in the middle of a USSD session): the low SIM's own modem if it is
 * free, otherwise the next modem of its carrier to free up within `waitMs`.
 */
export async function sendFloatAlertSms(
  bank: ModemBank,
  alert: { modemId: string; carrierId: string; to: string; text: string; waitMs: number },
  log: { warn(message: string): void; info(message: string): void },
): Promise<void> {
  const lease =
    bank.acquireModem(alert.modemId) ?? (await bank.acquire(alert.carrierId, alert.waitMs));
  if (!lease) {
    log.warn(`No modem was free to tell ${alert.to} that ${alert.modemId}'s float is low`);
    return;
  }
  try {
    const { modem } = lease;
    if (isHilinkModem(modem)) await modem.sms.sendText(alert.to, alert.text);
    else await sendSms(modem.channel, { to: alert.to, text: alert.text });
    log.info(`Told ${alert.to} by SMS through ${lease.id} that ${alert.modemId}'s float is low`);
  } catch (error) {
    log.warn(
      `The SMS telling ${alert.to} that ${alert.modemId}'s float is low failed: ${(error as Error).message}`,
    );
  } finally {
    lease.release();
  }
}

/**
 * What a float going low does besides the screens: the text to the manager's phone (if the shop
 * set one), in the shop's language, sent in the background (the sale that saw it goes on).
 */
export function floatAlertsBySms(deps: {
  bank: ModemBank;
  phone(): string | null;
  language(): string;
  translate: Translate;
  log: { warn(message: string): void; info(message: string): void };
}) {
  return (float: DealerFloat, carrier: CarrierProfile) => {
    const to = deps.phone();
    if (to === null) return;
    const lng = deps.language();
    // Plain spaces: a no-break space would make the whole SMS UCS2 (twice the parts).
    const money = (amount: Money | null) =>
      amount === null ? '' : formatMoney(amount, lng).replace(/[\u00a0\u202f]/g, ' ');
    const text = deps.translate('modems.floatLowSms', {
      lng,
      modem: float.modemId,
      balance: money(float.balance),
      threshold: money(float.lowThreshold),
    });
    const alert = { modemId: float.modemId, carrierId: carrier.id, to, text, waitMs: 60_000 };
    void sendFloatAlertSms(deps.bank, alert, deps.log);
  };
}
