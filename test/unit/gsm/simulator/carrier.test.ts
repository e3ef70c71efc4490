/** The demo network on its own, without a modem: its arithmetic and the way it writes. */
import { describe, expect, it } from 'vitest';
import { DEMO_CARRIER } from '../../../../electron/gsm/simulator';
import {
  fillText,
  formatAmount,
  formatData,
  formatDateFr,
  formatDateZh,
  networkTimestamp,
} from '../../../../electron/gsm/simulator/carrier-format';
import { createCarrierNetwork } from '../../../../electron/gsm/simulator/carrier-network';

const now = () => new Date('2026-11-20T01:00:00Z'); // 12:00 in Nouméa

describe('the demo network writes', () => {
  it.each([
    [250_000, 0, 'XPF', '250 000 XPF'],
    [1_000, 0, 'XPF', '1 000 XPF'],
    [999, 0, 'XPF', '999 XPF'],
    [-5_000, 0, 'XPF', '-5 000 XPF'],
    [123_456, 2, 'EUR', '1 234,56 EUR'],
    [5, 2, 'EUR', '0,05 EUR'],
  ])('%i minor units of %s as "%s"', (amount, decimals, code, text) => {
    expect(formatAmount(amount, { code, decimals })).toBe(text);
  });

  it.each([
    [3277, '3,2 Go', '3.2GB'],
    [5120, '5 Go', '5GB'],
    [120, '0,1 Go', '0.1GB'],
    [0, '0 Go', '0GB'],
  ])('%i MB as "%s" and "%s"', (megabytes, fr, en) => {
    expect(formatData(megabytes)).toEqual({ fr, en });
  });

  it('dates the French and the Chinese way, timestamps in its own zone', () => {
    expect(formatDateFr('2026-11-30T23:59')).toBe('30/11/2026 23:59');
    expect(formatDateZh('2026-11-30T23:59')).toBe('2026年11月30日');
    expect(networkTimestamp(new Date('2026-05-03T22:30:00Z'), 660)).toBe(
      '2026-05-04T09:30:00+11:00',
    );
    expect(networkTimestamp(new Date('2026-05-03T22:30:00Z'), -210)).toBe(
      '2026-05-03T19:00:00-03:30',
    );
  });

  it('leaves unknown placeholders as written', () => {
    expect(fillText('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});

describe('the demo network', () => {
  it('extends a line that would expire before the plan runs out', () => {
    const network = createCarrierNetwork(DEMO_CARRIER, now);
    network.ussdRequest('*123#');
    for (const step of ['1', '687654321', '1']) network.ussdReply(step);
    expect(network.ussdReply('1234')).toMatchObject({ kind: 'text', waitsForReply: false });
    const line = network.snapshot().customers.find((c) => c.number === '687654321');
    // 30 days after 20/11/2026 in Nouméa, to the end of that day.
    expect(line?.validUntil).toBe('2026-12-20T23:59');
  });

  it('keeps the later expiry of a line that has one', () => {
    const network = createCarrierNetwork(DEMO_CARRIER, () => new Date('2026-05-04T00:00:00Z'));
    network.ussdRequest('*123#');
    for (const step of ['1', '687123456', '1']) network.ussdReply(step);
    network.ussdReply('1234');
    const line = network.snapshot().customers.find((c) => c.number === '687123456');
    expect(line?.validUntil).toBe('2026-11-30T23:59');
  });

  it('does not share state between two networks made from the same record', () => {
    const first = createCarrierNetwork(DEMO_CARRIER, now);
    first.ussdRequest('*123#');
    for (const step of ['1', '687123456', '3', '1234']) first.ussdReply(step);
    const second = createCarrierNetwork(DEMO_CARRIER, now);
    expect(first.snapshot().dealerBalance).toBe(235_000);
    expect(second.snapshot().dealerBalance).toBe(250_000);
    expect(DEMO_CARRIER.customers[0]?.remainingMb).toBe(3277);
  });

  it('fills the slots of a code dialled in one go, and knows the rest of the code exactly', () => {
    const network = createCarrierNetwork(DEMO_CARRIER, now);
    expect(network.ussdRequest('*123*687777888*1*1234#')).toMatchObject({
      text: 'Recharge 1Go OK pour 687777888. Réf TX48213. Nouveau solde 249 000 XPF',
      waitsForReply: false,
    });
    expect(network.ussdRequest('*123*687777888*1#')).toEqual({ kind: 'not-supported' });
    expect(network.ussdRequest('*124*687777888*1*1234#')).toEqual({ kind: 'not-supported' });
    expect(network.snapshot().topUps).toHaveLength(1);
  });

  it.each([
    ['*1*{msisdn}#', /\{msisdn\} is unknown or repeated/],
    ['*1*{pin}*{pin}#', /\{pin\} is unknown or repeated/],
    ['*1*{pin#', /without its pair/],
  ])('refuses to play the malformed service code %s', (code, message) => {
    const services = { [code]: { run: 'top-up' as const } };
    expect(() =>
      createCarrierNetwork({ ...DEMO_CARRIER, ussd: { ...DEMO_CARRIER.ussd, services } }, now),
    ).toThrow(message);
  });

  it('answers SMS only on its service numbers', () => {
    const network = createCarrierNetwork(DEMO_CARRIER, now);
    expect(network.smsReceived('+687777888', 'CXLL 687123456')).toEqual([]);
    expect(network.smsReceived('4012', 'CXLL 123456')[0]?.text).toContain('Forfait 5Go');
  });
});
