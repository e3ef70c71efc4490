/**
 * A carrier's templates filled in: the USSD steps of a top-up (with a copy for transcripts in
 * which the dealer PIN is masked) and the SMS of a balance query. Every value is checked before
 * it goes in, and every USSD step after: nothing outside digits, *, # and + reaches the line.
 */
import { type CarrierPlan, type CarrierProfile, templateParts } from '../../shared/carrier';
import { type CustomerNumber, customerNumber } from '../../shared/customer-number';
import { assertUssdText } from '../gsm/ussd';
import { CarrierInputError } from './errors';

/** What stands for the dealer PIN in transcripts and logs, whatever the PIN. */
export const MASKED_PIN = '<PIN>';

const PIN = /^[0-9]{1,16}$/;

interface TopUpRequest {
  /** The customer number as typed or stored; normalised with customerNumber(). */
  msisdn: string;
  /** The plan's id in the profile. */
  plan: string;
  /** The dealer PIN, when the script asks for it. */
  pin?: string | undefined;
}

interface RenderedTopUp {
  /** What is sent: the first step is dialled, the others answer the menus in turn. */
  steps: string[];
  /** The same steps with the PIN replaced by MASKED_PIN: the only form to show or keep. */
  masked: string[];
  customer: CustomerNumber;
  plan: CarrierPlan;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  const parts = templateParts(template);
  if (!parts) throw new Error(`Template ${JSON.stringify(template)} has an unbalanced brace`);
  return parts
    .map((part) => {
      if ('literal' in part) return part.literal;
      const value = values[part.placeholder];
      if (value === undefined) {
        throw new Error(`Template ${JSON.stringify(template)} uses {${part.placeholder}}`);
      }
      return value;
    })
    .join('');
}

function usesPin(template: string): boolean {
  return (templateParts(template) ?? []).some(
    (part) => 'placeholder' in part && part.placeholder === 'pin',
  );
}

function number(profile: CarrierProfile, msisdn: string): CustomerNumber {
  const result = customerNumber(profile, msisdn);
  if (!result.ok) throw new CarrierInputError(result.error.code, result.error.message);
  return result.value;
}

/** The USSD strings of a top-up; throws CarrierInputError before anything could be sent. */
export function renderTopUpSteps(profile: CarrierProfile, request: TopUpRequest): RenderedTopUp {
  const customer = number(profile, request.msisdn);
  const plan = profile.plans.find((candidate) => candidate.id === request.plan);
  if (!plan) {
    throw new CarrierInputError(
      'unknown_plan',
      `${profile.name} has no plan ${JSON.stringify(request.plan)}`,
    );
  }
  const needsPin = profile.topUp.steps.some(usesPin);
  if (needsPin && request.pin === undefined) {
    throw new CarrierInputError('missing_pin', `${profile.name} asks for the dealer PIN`);
  }
  if (request.pin !== undefined && !PIN.test(request.pin)) {
    // The message never repeats what was given: it may be a PIN, mistyped.
    throw new CarrierInputError('invalid_pin', 'A dealer PIN is 1 to 16 digits');
  }
  const values = { msisdn: customer.forTemplate, planChoice: plan.ussdChoice };
  const steps = profile.topUp.steps.map((template) =>
    fill(template, { ...values, pin: request.pin ?? '' }),
  );
  const masked = profile.topUp.steps.map((template) =>
    fill(template, { ...values, pin: MASKED_PIN }),
  );
  steps.forEach((step, index) => {
    try {
      assertUssdText(step);
    } catch {
      throw new CarrierInputError(
        'invalid_ussd',
        `Step ${index + 1} of the top-up would not be a USSD string: ${JSON.stringify(masked[index])}`,
      );
    }
  });
  return { steps, masked, customer, plan };
}

interface BalanceQueryMessage {
  /** The short code or number the SMS goes to. */
  to: string;
  text: string;
  customer: CustomerNumber;
}

/** The SMS that asks the carrier what is left on a card: "CXLL 687271234" to 4012. */
export function renderBalanceQuery(profile: CarrierProfile, msisdn: string): BalanceQueryMessage {
  const customer = number(profile, msisdn);
  return {
    to: profile.balanceQuery.smsNumber,
    text: fill(profile.balanceQuery.text, { msisdn: customer.forTemplate }),
    customer,
  };
}
