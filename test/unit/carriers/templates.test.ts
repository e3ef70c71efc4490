/**
 * The templates filled in: the top-up steps the modem sends, the same steps for the transcript
 * with the dealer PIN masked, and the balance SMS. Bad input is refused before anything exists.
 */
import { describe, expect, it } from 'vitest';
import {
  CarrierInputError,
  MASKED_PIN,
  renderBalanceQuery,
  renderTopUpSteps,
} from '../../../electron/carriers';
import { type CarrierProfile, carrierProfileSchema } from '../../../shared/carrier';
import { demoProfile, demoProfileInput } from './demo-profile';

const demo = demoProfile();

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CarrierInputError) return error.code;
    throw error;
  }
  throw new Error('Nothing was refused');
}

describe('the top-up steps', () => {
  it('dial the menu, choose top-up, then send the number, the plan choice and the PIN', () => {
    const rendered = renderTopUpSteps(demo, { msisdn: '77 78 88', plan: '5go', pin: '4821' });
    expect(rendered.steps).toEqual(['*123#', '1', '687777888', '2', '4821']);
    expect(rendered.masked).toEqual(['*123#', '1', '687777888', '2', MASKED_PIN]);
    expect(rendered.customer.e164).toBe('+687777888');
    expect(rendered.plan).toMatchObject({ id: '5go', price: 6000, dealerCost: 5000 });
  });

  it('never show the dealer PIN in the masked copy, nor how long it is', () => {
    const short = renderTopUpSteps(demo, { msisdn: '777888', plan: '1go', pin: '4821' });
    const long = renderTopUpSteps(demo, { msisdn: '777888', plan: '1go', pin: '48213579' });
    expect(short.masked.join('\n')).not.toContain('4821');
    expect(long.masked).toEqual(short.masked);
  });

  it('mask a PIN inside a one-line code too', () => {
    const oneLine: CarrierProfile = carrierProfileSchema.parse({
      ...demoProfileInput(),
      topUp: { ...demoProfileInput().topUp, steps: ['*123*{msisdn}*{planChoice}*{pin}#'] },
    });
    const rendered = renderTopUpSteps(oneLine, { msisdn: '777888', plan: '20go', pin: '4821' });
    expect(rendered.steps).toEqual(['*123*687777888*3*4821#']);
    expect(rendered.masked).toEqual([`*123*687777888*3*${MASKED_PIN}#`]);
  });

  it.each([
    ['a foreign number', { msisdn: '+33612345678', plan: '1go', pin: '4821' }, 'foreign_number'],
    ['a number with letters', { msisdn: '77 78 XY', plan: '1go', pin: '4821' }, 'invalid_number'],
    [
      'a number ending a command',
      { msisdn: '777888\r', plan: '1go', pin: '4821' },
      'invalid_number',
    ],
    ['a plan of no carrier', { msisdn: '777888', plan: '50go', pin: '4821' }, 'unknown_plan'],
    ['no PIN', { msisdn: '777888', plan: '1go' }, 'missing_pin'],
    ['a PIN with letters', { msisdn: '777888', plan: '1go', pin: '12a4' }, 'invalid_pin'],
    ['a PIN with a USSD hash', { msisdn: '777888', plan: '1go', pin: '12#4' }, 'invalid_pin'],
    ['an empty PIN', { msisdn: '777888', plan: '1go', pin: '' }, 'invalid_pin'],
  ])('refuse %s', (_name, request, code) => {
    expect(refusal(() => renderTopUpSteps(demo, request))).toBe(code);
  });

  it('never repeat a refused PIN in the error message', () => {
    try {
      renderTopUpSteps(demo, { msisdn: '777888', plan: '1go', pin: '98x76' });
    } catch (error) {
      expect((error as Error).message).not.toContain('98x76');
      return;
    }
    throw new Error('The PIN was not refused');
  });

  it('refuse a step that would grow past what a USSD string may hold', () => {
    // 150 characters as written, 173 once each {msisdn} is "+687777888".
    const long = carrierProfileSchema.parse({
      ...demoProfileInput(),
      msisdnFormat: 'e164',
      topUp: { ...demoProfileInput().topUp, steps: [`*${'{msisdn}'.repeat(17)}{planChoice}#`] },
    });
    expect(refusal(() => renderTopUpSteps(long, { msisdn: '777888', plan: '1go' }))).toBe(
      'invalid_ussd',
    );
  });
});

describe('the balance query', () => {
  it('is the keyword and the number, to the short code', () => {
    expect(renderBalanceQuery(demo, '+687 77 78 88')).toMatchObject({
      to: '4012',
      text: 'CXLL 687777888',
    });
  });

  it('refuses a foreign number before any SMS is written', () => {
    expect(refusal(() => renderBalanceQuery(demo, '+61 412 345 678'))).toBe('foreign_number');
  });
});
