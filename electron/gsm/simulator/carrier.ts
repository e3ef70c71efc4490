/**
 * What the simulated mobile network does, as a record the caller can replace: its USSD services
 * (a dealer balance, a top-up menu), its SMS services (a balance query by keyword), its plans,
 * customers and texts. The engine that plays it is carrier-network.ts; the demo record for the
 * shop's first market is demo-carrier.ts.
 */

/** A data plan a dealer can sell. Amounts are integer minor units of the carrier's currency. */
export interface Plan {
  /** What the customer types in the plan menu: "2". */
  choice: string;
  name: string;
  dataMb: number;
  /** What the top-up takes from the dealer's balance. */
  dealerCost: number;
  validityDays: number;
}

/** A prepaid line, as the carrier knows it. */
export interface CustomerLine {
  /** International digits without "+": "687123456". */
  number: string;
  /** The name of the plan last bought. */
  plan: string;
  remainingMb: number;
  /** Local wall-clock time on the network: "2026-11-30T23:59". */
  validUntil: string;
}

/**
 * A line as the behaviour sets it up: its validity counted from the day the network starts, so
 * the demo's cards are as fresh on any day the shop tries it as on the day it was written.
 */
export type CustomerAccount = Omit<CustomerLine, 'validUntil'> & {
  /** Days left on the network's calendar, ending at 23:59; negative: expired that long ago. */
  validForDays: number;
};

/** What the dealer types into, in the top-up dialogue. */
export const USSD_SLOTS = ['customer', 'plan', 'pin'] as const;
export type UssdSlot = (typeof USSD_SLOTS)[number];

/** The operations the network can run at the end of a USSD dialogue. */
export type UssdAction = 'dealer-balance' | 'top-up';

/** A USSD dialogue as data: menus to choose from, questions to answer, an operation at the end. */
export type UssdStep =
  | { menu: string; choices: Readonly<Record<string, UssdStep>> }
  | { ask: string; into: UssdSlot; next: UssdStep }
  | { run: UssdAction };

/** An SMS service: a message to `shortCode` whose first word is `keyword`. */
export interface SmsService {
  shortCode: string;
  keyword: string;
  action: 'customer-balance';
}

/**
 * Texts the network sends, with placeholders: {balance} {cost} (dealer amounts), {customer},
 * {plan}, {reference}, {remaining} ("3,2 Go"), {remainingGb} ("3.2GB"), {validUntil}
 * ("30/11/2026 23:59"), {validUntilZh} ("2026年11月30日"), {keyword}.
 */
export interface CarrierTexts {
  dealerBalance: string;
  topUpDone: string;
  wrongPin: string;
  unknownCustomer: string;
  unknownPlan: string;
  insufficientBalance: string;
  invalidChoice: string;
  /** null: the network answers an unknown service code with +CUSD: 4 (not supported). */
  unknownService: string | null;
  customerBalance: string;
  smsUnknownCustomer: string;
  smsUnknownCommand: string;
}

export interface CarrierBehaviour {
  name: string;
  operator: { long: string; short: string; numeric: string };
  /** Service centre the SIM is set up with (AT+CSCA?). */
  smsc: string;
  /** Country calling code, put in front of national customer numbers. */
  countryCode: string;
  /** The network's local time (New Caledonia: +11:00); SMS timestamps carry it. */
  utcOffsetMinutes: number;
  currency: { code: string; decimals: number };
  dealer: { balance: number; pin: string };
  plans: readonly Plan[];
  customers: readonly CustomerAccount[];
  ussd: {
    /**
     * Service codes the network knows: "*100#". A code may carry the dialogue's answers in
     * slots, "*123*{customer}*{plan}*{pin}#": dialled in one go, it skips the questions.
     */
    services: Readonly<Record<string, UssdStep>>;
    /**
     * Top-ups for these customers reach the network but are never answered; `applied` says
     * whether the network did the top-up anyway (the case a shop must verify).
     */
    silentTopUps: { customers: readonly string[]; applied: boolean };
    /**
     * Top-ups for these customers are done at once but answered `afterMs` late, whatever the
     * dealer did meanwhile (none by default; a modem profile's `late-top-up` does it for all).
     */
    lateTopUps?: { customers: readonly string[]; afterMs: number };
    /** A menu left waiting this long is closed by the network (+CUSD: 2). */
    menuTimeoutMs: number;
    /** The number in the first top-up reference ("TX48213"); each top-up takes the next. */
    firstReference: number;
  };
  sms: readonly SmsService[];
  texts: CarrierTexts;
}
