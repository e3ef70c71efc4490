/**
 * Plays a CarrierBehaviour: keeps the network's state (the dealer's balance, each customer's
 * data, the open USSD dialogue) and answers USSD and SMS. It knows nothing of AT commands or
 * time: the modem decides when an answer reaches the line.
 */
import type { CarrierBehaviour, CustomerLine, Plan, UssdSlot, UssdStep } from './carrier';
import {
  fillText,
  formatAmount,
  formatData,
  formatDateFr,
  formatDateZh,
  localWallClock,
} from './carrier-format';
import { serviceCodes } from './service-codes';

export type UssdAnswer =
  /**
   * A text; `waitsForReply` is a menu or a question (+CUSD: 1), otherwise the end (+CUSD: 0).
   * `topUp`: the answer to a top-up (done or refused), which a fault may hold back; `lateMs`:
   * the network itself holds it back that long (the behaviour's `lateTopUps`).
   */
  | { kind: 'text'; text: string; waitsForReply: boolean; topUp?: true; lateMs?: number }
  /** The service code is unknown to the network (+CUSD: 4). */
  | { kind: 'not-supported' }
  /** Received, never answered. */
  | { kind: 'silent' };

interface SmsFromNetwork {
  from: string;
  text: string;
}

export interface CarrierState {
  dealerBalance: number;
  customers: CustomerLine[];
  /** Top-ups done, in order, with the reference the network gave each. */
  topUps: Array<{ reference: string; customer: string; plan: string; answered: boolean }>;
  /** Every SMS the dealer SIM sent, in order (what a test reads of an alert sent to a phone). */
  smsSent: Array<{ to: string; text: string }>;
}

interface Dialogue {
  step: UssdStep;
  slots: Partial<Record<UssdSlot, string>>;
}

/**
 * The customers' lines of a carrier, by number. Several simulated modems of one carrier share
 * them, as a real network is one: a top-up taken through one modem reads through another.
 */
export type CustomerLines = Map<string, CustomerLine>;

/** `lines`: shared with other modems of the carrier; filled from the behaviour when empty. */
export function createCarrierNetwork(
  behaviour: CarrierBehaviour,
  now: () => Date,
  lines: CustomerLines = new Map(),
) {
  const endOfDayIn = (days: number) =>
    `${localWallClock(now(), behaviour.utcOffsetMinutes, days).slice(0, 10)}T23:59`;
  if (lines.size === 0) {
    for (const { validForDays, ...line } of behaviour.customers) {
      lines.set(line.number, { ...line, validUntil: endOfDayIn(validForDays) });
    }
  }
  const customers = lines;
  const topUps: CarrierState['topUps'] = [];
  const smsSent: CarrierState['smsSent'] = [];
  let dealerBalance = behaviour.dealer.balance;
  let nextReference = behaviour.ussd.firstReference;
  let dialogue: Dialogue | null = null;
  const texts = behaviour.texts;
  const money = (amount: number) => formatAmount(amount, behaviour.currency);
  const dialled = serviceCodes(behaviour.ussd.services);

  function customerNumber(typed: string): string {
    const digits = typed.trim().replace(/^\+/, '');
    return digits.startsWith(behaviour.countryCode) ? digits : behaviour.countryCode + digits;
  }

  /** Walks the dialogue from `step` until it needs the dealer or ends. */
  function play(step: UssdStep, slots: Dialogue['slots']): UssdAnswer {
    if ('menu' in step) {
      dialogue = { step, slots };
      return { kind: 'text', text: step.menu, waitsForReply: true };
    }
    if ('ask' in step) {
      dialogue = { step, slots };
      return { kind: 'text', text: step.ask, waitsForReply: true };
    }
    dialogue = null;
    if (step.run === 'dealer-balance') {
      return done(fillText(texts.dealerBalance, { balance: money(dealerBalance) }));
    }
    const answer = topUp(slots);
    if (answer.kind !== 'text') return answer;
    const late = behaviour.ussd.lateTopUps;
    const customer = customerNumber(slots.customer ?? '');
    return late?.customers.includes(customer)
      ? { ...answer, topUp: true, lateMs: late.afterMs }
      : { ...answer, topUp: true };
  }

  function done(text: string): UssdAnswer {
    return { kind: 'text', text, waitsForReply: false };
  }

  function topUp(slots: Dialogue['slots']): UssdAnswer {
    const number = customerNumber(slots.customer ?? '');
    const plan = behaviour.plans.find((candidate) => candidate.choice === slots.plan?.trim());
    // Real carriers name the card in their answers, as whose top-up it is.
    if (slots.pin?.trim() !== behaviour.dealer.pin) {
      return done(fillText(texts.wrongPin, { customer: number }));
    }
    const customer = customers.get(number);
    if (!customer) return done(fillText(texts.unknownCustomer, { customer: number }));
    if (!plan) return done(fillText(texts.unknownPlan, { customer: number }));
    if (plan.dealerCost > dealerBalance) {
      return done(
        fillText(texts.insufficientBalance, {
          balance: money(dealerBalance),
          plan: plan.name,
          cost: money(plan.dealerCost),
          customer: number,
        }),
      );
    }
    const silent = behaviour.ussd.silentTopUps.customers.includes(number);
    if (silent && !behaviour.ussd.silentTopUps.applied) return { kind: 'silent' };
    const reference = `TX${nextReference++}`;
    applyTopUp(customer, plan);
    topUps.push({ reference, customer: number, plan: plan.name, answered: !silent });
    if (silent) return { kind: 'silent' };
    return done(
      fillText(texts.topUpDone, {
        plan: plan.name,
        customer: number,
        reference,
        balance: money(dealerBalance),
      }),
    );
  }

  function applyTopUp(customer: CustomerLine, plan: Plan): void {
    dealerBalance -= plan.dealerCost;
    customer.remainingMb += plan.dataMb;
    customer.plan = plan.name;
    const endOfDay = endOfDayIn(plan.validityDays);
    if (endOfDay > customer.validUntil) customer.validUntil = endOfDay;
  }

  function customerBalance(service: { keyword: string }, argument: string): string {
    const number = customerNumber(argument);
    const customer = customers.get(number);
    if (!customer || argument.trim() === '') {
      return fillText(texts.smsUnknownCustomer, {
        customer: argument.trim(),
        keyword: service.keyword,
      });
    }
    const data = formatData(customer.remainingMb);
    return fillText(texts.customerBalance, {
      plan: customer.plan,
      customer: number,
      remaining: data.fr,
      remainingGb: data.en,
      validUntil: formatDateFr(customer.validUntil),
      validUntilZh: formatDateZh(customer.validUntil),
    });
  }

  return {
    behaviour,

    /** A new USSD request: the service code the dealer dialled. */
    ussdRequest(code: string): UssdAnswer {
      dialogue = null;
      const service = dialled(code.trim());
      if (service) return play(service.step, service.slots);
      return texts.unknownService === null ? { kind: 'not-supported' } : done(texts.unknownService);
    },

    /** The dealer's reply to the open menu or question. */
    ussdReply(text: string): UssdAnswer {
      const open = dialogue;
      if (!open) return this.ussdRequest(text);
      const { step, slots } = open;
      if ('menu' in step) {
        const next = step.choices[text.trim()];
        if (next) return play(next, slots);
        dialogue = null;
        return done(texts.invalidChoice);
      }
      if ('ask' in step) return play(step.next, { ...slots, [step.into]: text });
      return play(step, slots);
    },

    get waitsForReply(): boolean {
      return dialogue !== null;
    },

    /** The session is over: cancelled by the dealer (AT+CUSD=2) or timed out. */
    endUssd(): void {
      dialogue = null;
    },

    /** An SMS reaches the network; the answers it sends back, if any. */
    smsReceived(to: string, text: string): SmsFromNetwork[] {
      smsSent.push({ to, text });
      const service = behaviour.sms.find(
        (candidate) => candidate.shortCode === to.replace(/^\+/, ''),
      );
      if (!service) return [];
      const [keyword = '', ...rest] = text.trim().split(/\s+/);
      if (keyword.toUpperCase() !== service.keyword.toUpperCase()) {
        return [
          {
            from: service.shortCode,
            text: fillText(texts.smsUnknownCommand, { keyword: service.keyword }),
          },
        ];
      }
      return [{ from: service.shortCode, text: customerBalance(service, rest.join('')) }];
    },

    snapshot(): CarrierState {
      return {
        dealerBalance,
        customers: [...customers.values()].map((line) => ({ ...line })),
        topUps: topUps.map((topUp) => ({ ...topUp })),
        smsSent: smsSent.map((sms) => ({ ...sms })),
      };
    },
  };
}

export type CarrierNetwork = ReturnType<typeof createCarrierNetwork>;
