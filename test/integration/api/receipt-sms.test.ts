import { describe, expect, it } from 'vitest';
import { splitText } from '../../../electron/gsm/codecs';
import { refusal, signedIn } from '../../support/api';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

let keys = 0;
const key = () => `sms-sale-${Date.now()}-${++keys}`;

/** The demo shop (receipts in French) after a card sale, with its clerk signed in. */
async function shopWithASale() {
  const started = await startTestHost({ demo: true });
  const clerk = await signedIn(started.host.url, 'clerk', '1111');
  const { sale } = await clerk.call('sales.renew', {
    msisdn: '687123456',
    planId: '5go',
    payment: { method: 'card' },
    idempotencyKey: key(),
  });
  const smsLog = () =>
    started.core.db
      .prepare(
        'SELECT sale_id, receipt_number, to_number, language, text, modem_id, outcome, error, actor FROM receipt_sms',
      )
      .all();
  return { ...started, clerk, sale, number: sale.receiptNumber as number, smsLog };
}

describe('sending a receipt by SMS', () => {
  it('sends it to the sale’s number through the modem bank, in the receipt’s language, and logs it', async () => {
    const { clerk, sale, number, smsLog } = await shopWithASale();
    const sent = await clerk.call('receipts.sendSms', { number });
    // The demo shop's name has a dash outside the GSM alphabet: with it the text would be UCS2
    // and take two parts, so it is left out.
    expect(sent).toEqual({
      number,
      to: '+687123456',
      language: 'fr',
      text: expect.stringMatching(
        new RegExp(`^Ticket ${number} : 5 Go rechargé, valable 30 jours\\. Réf\\. TX\\d+$`),
      ),
      modemId: sale.modemId,
      sentAt: expect.any(String),
    });
    expect(splitText(sent.text)).toHaveLength(1);
    expect(smsLog()).toEqual([
      {
        sale_id: sale.id,
        receipt_number: number,
        to_number: '+687123456',
        language: 'fr',
        text: sent.text,
        modem_id: sale.modemId,
        outcome: 'sent',
        error: null,
        actor: expect.stringMatching(/^clerk:\d+$/),
      },
    ]);
  });

  it('sends it in the language the customer asks for, Chinese as one UCS2 part', async () => {
    const { clerk, number, smsLog } = await shopWithASale();
    const sent = await clerk.call('receipts.sendSms', { number, language: 'zh-CN' });
    expect(sent.text).toContain(`收据${number}：5 Go已充值`);
    expect(splitText(sent.text)).toEqual([expect.objectContaining({ alphabet: 'ucs2' })]);
    expect(smsLog()).toEqual([expect.objectContaining({ language: 'zh-CN', outcome: 'sent' })]);
  });

  it('refuses a receipt that does not exist or a language receipts are not written in, sending nothing', async () => {
    const { clerk, number, smsLog } = await shopWithASale();
    expect((await refusal(clerk.call('receipts.sendSms', { number: number + 1 }))).code).toBe(
      'not_found',
    );
    const badLanguage = await refusal(
      clerk.call('receipts.sendSms', { number, language: 'de' } as never),
    );
    expect(badLanguage.code).toBe('invalid_input');
    expect(smsLog()).toEqual([]);
  });
});
