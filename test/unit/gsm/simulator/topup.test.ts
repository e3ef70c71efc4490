/**
 * The dealer's USSD dialogues on the demo network, through the modem: the balance, the top-up
 * menu to its end, each refusal, and the top-up the network takes but never answers. Answers
 * are read with the codecs' decodeUssdAnswer, the function the shop's AT channel uses.
 */
import { describe, expect, it } from 'vitest';
import { decodeUssdAnswer, packUssd, unpackUssd } from '../../../../electron/gsm/codecs';
import {
  type CarrierBehaviour,
  DEMO_CARRIER,
  type SimulatedModemOptions,
} from '../../../../electron/gsm/simulator';
import { type Bench, bench, CUSD_LINE, cusdOf } from './harness';

interface Answer {
  m: number;
  text: string;
  dcs: number | null;
}

/** Sends one USSD string (request or menu reply) and reads the +CUSD that answers it. */
async function ussd(modem: Bench, text: string): Promise<Answer> {
  const answer = await modem.answer(`AT+CUSD=1,"${text}",15\r`, { until: CUSD_LINE });
  const { m, str, dcs } = cusdOf(answer);
  return { m, dcs, text: decodeUssdAnswer(str, dcs, 'GSM').text };
}

/** The next +CUSD the modem prints of itself (a late answer), decoded. */
async function heard(modem: Bench): Promise<Answer> {
  const { m, str, dcs } = cusdOf(await modem.waitFor(CUSD_LINE));
  return { m, dcs, text: decodeUssdAnswer(str, dcs, 'GSM').text };
}

async function topUp(modem: Bench, customer: string, plan: string, pin: string) {
  const steps = [];
  for (const step of ['*123#', '1', customer, plan, pin]) steps.push(await ussd(modem, step));
  return steps;
}

const carrier = (changes: Partial<CarrierBehaviour>): SimulatedModemOptions => ({
  carrier: { ...DEMO_CARRIER, ...changes },
});

describe('the dealer on the demo network', () => {
  it('reads the dealer balance with *100#', async () => {
    const modem = bench();
    expect(await ussd(modem, '*100#')).toEqual({
      m: 0,
      text: 'Solde revendeur: 250 000 XPF',
      dcs: 15,
    });
  });

  it('tops up 5Go for a customer: menu, number, plan, PIN, then the receipt text', async () => {
    const modem = bench();
    const steps = await topUp(modem, '687123456', '2', '1234');
    expect(steps).toEqual([
      { m: 1, dcs: 15, text: '1 Recharge forfait\n2 Solde' },
      { m: 1, dcs: 15, text: 'Numéro client ?' },
      { m: 1, dcs: 15, text: 'Forfait ? 1=1Go 2=5Go 3=20Go' },
      { m: 1, dcs: 15, text: 'Code PIN revendeur ?' },
      {
        m: 0,
        dcs: 15,
        text: 'Recharge 5Go OK pour 687123456. Réf TX48213. Nouveau solde 245 000 XPF',
      },
    ]);
    const { carrier: network, ussd: session } = modem.modem.state;
    expect(session).toBe('idle');
    expect(network.dealerBalance).toBe(245_000);
    expect(network.customers.find((line) => line.number === '687123456')).toMatchObject({
      plan: '5Go',
      remainingMb: 3277 + 5120,
    });
    expect(network.topUps).toEqual([
      { reference: 'TX48213', customer: '687123456', plan: '5Go', answered: true },
    ]);
    expect(await ussd(modem, '*100#')).toMatchObject({ text: 'Solde revendeur: 245 000 XPF' });
  });

  it('tops up in one round when the whole dialogue is dialled as one code', async () => {
    const modem = bench();
    expect(await ussd(modem, '*123*687123456*2*1234#')).toEqual({
      m: 0,
      dcs: 15,
      text: 'Recharge 5Go OK pour 687123456. Réf TX48213. Nouveau solde 245 000 XPF',
    });
    expect(modem.modem.state.ussd).toBe('idle');
    expect(modem.modem.state.carrier.topUps).toEqual([
      { reference: 'TX48213', customer: '687123456', plan: '5Go', answered: true },
    ]);
  });

  it('refuses a one-round top-up with a wrong dealer PIN, and takes nothing', async () => {
    const modem = bench();
    expect(await ussd(modem, '*123*687123456*2*0000#')).toMatchObject({
      m: 0,
      text: 'Code PIN revendeur incorrect. Recharge de 687123456 annulée.',
    });
    expect(modem.modem.state.carrier.dealerBalance).toBe(250_000);
  });

  it('takes the dealer balance from the menu too, and numbers references in sequence', async () => {
    const modem = bench();
    await topUp(modem, '687654321', '1', '1234');
    const second = await topUp(modem, '123456', '3', '1234');
    expect(second.at(-1)?.text).toBe(
      'Recharge 20Go OK pour 687123456. Réf TX48214. Nouveau solde 234 000 XPF',
    );
    await ussd(modem, '*123#');
    expect(await ussd(modem, '2')).toEqual({
      m: 0,
      dcs: 15,
      text: 'Solde revendeur: 234 000 XPF',
    });
  });

  it('refuses a wrong dealer PIN and takes nothing', async () => {
    const modem = bench();
    const steps = await topUp(modem, '687123456', '2', '0000');
    expect(steps.at(-1)).toEqual({
      m: 0,
      dcs: 15,
      text: 'Code PIN revendeur incorrect. Recharge de 687123456 annulée.',
    });
    expect(modem.modem.state.carrier.dealerBalance).toBe(250_000);
  });

  it('refuses an unknown customer number', async () => {
    const modem = bench();
    const steps = await topUp(modem, '687000000', '2', '1234');
    expect(steps.at(-1)?.text).toBe('Numéro client 687000000 inconnu. Recharge annulée.');
    expect(modem.modem.state.carrier.topUps).toEqual([]);
  });

  it('refuses an unknown plan', async () => {
    const modem = bench();
    const steps = await topUp(modem, '687123456', '7', '1234');
    expect(steps.at(-1)?.text).toBe('Forfait inconnu. Recharge de 687123456 annulée.');
  });

  it('refuses when the dealer balance is short, in French and Chinese (UCS2, DCS 72)', async () => {
    const modem = bench(carrier({ dealer: { balance: 3_000, pin: '1234' } }));
    const steps = await topUp(modem, '687123456', '2', '1234');
    expect(steps.at(-1)).toEqual({
      m: 0,
      dcs: 72,
      text: 'Solde revendeur insuffisant (3 000 XPF) pour 5Go de 687123456 à 5 000 XPF. 经销商余额不足。',
    });
    expect(modem.modem.state.carrier.dealerBalance).toBe(3_000);
  });

  it('ends the dialogue on a menu choice that does not exist', async () => {
    const modem = bench();
    await ussd(modem, '*123#');
    expect(await ussd(modem, '9')).toEqual({ m: 0, dcs: 15, text: 'Choix invalide.' });
    expect(modem.modem.state.ussd).toBe('idle');
  });

  it('never answers a top-up for the silent number, though the network did it', async () => {
    const modem = bench();
    for (const step of ['*123#', '1', '687999999', '1']) await ussd(modem, step);
    expect(await modem.answer('AT+CUSD=1,"1234",15\r')).toBe('AT+CUSD=1,"1234",15\r\r\nOK\r\n');
    modem.clock.advance(10 * 60_000);
    await modem.settle();
    expect(modem.take()).toBe('');
    const { carrier: network, ussd: session } = modem.modem.state;
    expect(session).toBe('waiting-network');
    expect(network.dealerBalance).toBe(249_000);
    expect(network.topUps).toEqual([
      { reference: 'TX48213', customer: '687999999', plan: '1Go', answered: false },
    ]);
    // The shop gives up, cancels, and checks the balance to find out what happened.
    expect(await modem.answer('AT+CUSD=2\r')).toBe('AT+CUSD=2\r\r\nOK\r\n');
    expect(await ussd(modem, '*100#')).toMatchObject({ text: 'Solde revendeur: 249 000 XPF' });
  });

  it('can be told that the silent top-up did not happen', async () => {
    const modem = bench(
      carrier({
        ussd: { ...DEMO_CARRIER.ussd, silentTopUps: { customers: ['687123456'], applied: false } },
      }),
    );
    for (const step of ['*123#', '1', '687123456', '2']) await ussd(modem, step);
    await modem.answer('AT+CUSD=1,"1234",15\r');
    modem.clock.advance(60_000);
    await modem.settle();
    expect(modem.take()).toBe('');
    expect(modem.modem.state.carrier.dealerBalance).toBe(250_000);
  });

  it('late-top-up(N): answers a top-up N seconds late, even after the dealer cancelled', async () => {
    const modem = bench({ profile: 'late-top-up(45)' });
    for (const step of ['*123#', '1', '687123456', '2']) await ussd(modem, step);
    expect(await modem.answer('AT+CUSD=1,"1234",15\r')).toBe('AT+CUSD=1,"1234",15\r\r\nOK\r\n');
    // The network did the top-up at once; only its answer is held back.
    expect(modem.modem.state.carrier.dealerBalance).toBe(245_000);
    expect(await modem.answer('AT+CUSD=2\r')).toBe('AT+CUSD=2\r\r\nOK\r\n');
    modem.clock.advance(44_999);
    await modem.settle();
    expect(modem.take()).toBe('');
    modem.clock.advance(1);
    expect(await heard(modem)).toEqual({
      m: 0,
      dcs: 15,
      text: 'Recharge 5Go OK pour 687123456. Réf TX48213. Nouveau solde 245 000 XPF',
    });
  });

  it('late-top-up(N): holds back refusals too, and nothing but top-ups', async () => {
    const modem = bench({ profile: 'late-top-up(5)' });
    expect(await ussd(modem, '*100#')).toMatchObject({
      m: 0,
      text: 'Solde revendeur: 250 000 XPF',
    });
    for (const step of ['*123#', '1', '687123456', '2']) await ussd(modem, step);
    await modem.answer('AT+CUSD=1,"9999",15\r');
    modem.clock.advance(5000);
    expect(await heard(modem)).toMatchObject({
      m: 0,
      text: 'Code PIN revendeur incorrect. Recharge de 687123456 annulée.',
    });
    expect(modem.modem.state.ussd).toBe('idle');
  });

  it('answers the top-ups of the lines it is told to answer late, and the others in time', async () => {
    const modem = bench(
      carrier({
        ussd: { ...DEMO_CARRIER.ussd, lateTopUps: { customers: ['687654321'], afterMs: 3000 } },
      }),
    );
    const inTime = await topUp(modem, '687123456', '1', '1234');
    expect(inTime.at(-1)?.text).toMatch(/^Recharge 1Go OK pour 687123456/);
    for (const step of ['*123#', '1', '687654321', '1']) await ussd(modem, step);
    await modem.answer('AT+CUSD=1,"1234",15\r');
    modem.clock.advance(2999);
    await modem.settle();
    expect(modem.take()).toBe('');
    modem.clock.advance(1);
    expect((await heard(modem)).text).toMatch(/^Recharge 1Go OK pour 687654321\. Réf TX48214/);
  });

  it('late-top-up(never): never answers any top-up, though the network did it', async () => {
    const modem = bench({ profile: 'late-top-up(never)' });
    for (const step of ['*123#', '1', '687123456', '2']) await ussd(modem, step);
    await modem.answer('AT+CUSD=1,"1234",15\r');
    modem.clock.advance(60 * 60_000);
    await modem.settle();
    expect(modem.take()).toBe('');
    expect(modem.modem.state.carrier.dealerBalance).toBe(245_000);
  });

  it('closes a menu left unanswered with +CUSD: 2', async () => {
    const modem = bench();
    await ussd(modem, '*123#');
    modem.clock.advance(DEMO_CARRIER.ussd.menuTimeoutMs);
    expect(await modem.waitFor(CUSD_LINE)).toBe('\r\n+CUSD: 2\r\n');
    expect(modem.modem.state.ussd).toBe('idle');
  });

  it('forgets the dialogue on AT+CUSD=2: the next string is a new request', async () => {
    const modem = bench();
    await ussd(modem, '*123#');
    await modem.answer('AT+CUSD=2\r');
    modem.clock.advance(DEMO_CARRIER.ussd.menuTimeoutMs);
    expect(await modem.answer('AT+CUSD=1,"1",15\r', { until: CUSD_LINE })).toBe(
      'AT+CUSD=1,"1",15\r\r\nOK\r\n\r\n+CUSD: 4\r\n',
    );
  });

  it('plays the same dialogue in packed GSM 7-bit on a Huawei stick', async () => {
    const modem = bench({ profile: 'huawei' });
    const texts: string[] = [];
    for (const step of ['*123#', '1', '687123456', '2', '1234']) {
      const answer = await modem.answer(`AT+CUSD=1,"${packUssd(step)}",15\r`, { until: CUSD_LINE });
      const { str, dcs } = cusdOf(answer);
      expect(dcs).toBe(15);
      texts.push(unpackUssd(str));
    }
    expect(texts).toEqual([
      '1 Recharge forfait\n2 Solde',
      'Numéro client ?',
      'Forfait ? 1=1Go 2=5Go 3=20Go',
      'Code PIN revendeur ?',
      'Recharge 5Go OK pour 687123456. Réf TX48213. Nouveau solde 245 000 XPF',
    ]);
  });

  it('plays a carrier the caller describes instead', async () => {
    const modem = bench(
      carrier({
        currency: { code: 'EUR', decimals: 2 },
        dealer: { balance: 123_456, pin: '9999' },
        ussd: { ...DEMO_CARRIER.ussd, services: { '*111#': { run: 'dealer-balance' } } },
        texts: {
          ...DEMO_CARRIER.texts,
          dealerBalance: 'Balance {balance}',
          unknownService: 'Unknown code',
        },
      }),
    );
    expect(await ussd(modem, '*111#')).toMatchObject({ text: 'Balance 1 234,56 EUR' });
    expect(await ussd(modem, '*100#')).toEqual({ m: 0, dcs: 15, text: 'Unknown code' });
  });
});
