import { sendSms } from '../gsm/sms/send';
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
    await sendSms(lease.modem.channel, { to: alert.to, text: alert.text });
    log.info(`Told ${alert.to} by SMS through ${lease.id} that ${alert.modemId}'s float is low`);
  } catch (error) {
    log.warn(
      `The SMS telling ${alert.to} that ${alert.modemId}'s float is low failed: ${(error as Error).message}`,
    );
  } finally {
    lease.release();
  }
}
