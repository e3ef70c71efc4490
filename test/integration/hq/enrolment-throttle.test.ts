import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { enrolmentThrottle } from '../../../electron/hq/shops';
import { headOfficeWire } from '../../../shared/head-office';
import { postFrom } from '../../support/from-address';
import { createShop, signInStaff, startHeadOfficeInProcess } from '../../support/head-office';

let clock = Date.parse('2026-12-07T08:00:00Z');
let headOffice: Awaited<ReturnType<typeof startHeadOfficeInProcess>>;

beforeAll(async () => {
  headOffice = await startHeadOfficeInProcess({
    postgresUrl: inject('postgresUrl'),
    now: () => new Date(clock),
  });
  await signInStaff(headOffice);
});
afterAll(() => headOffice.stop());

const enrol = (code: string, from: string, profile: { zone?: string } = {}) =>
  postFrom(headOffice.url, headOfficeWire.enrol, { code, software: 'test', ...profile }, { from });

/** A code of the right shape that the head office never gave. */
const wrongCode = (i: number) => `WRNG-CDEX-XX${'ABCDEFGH'[i]}${'ABCDEFGH'[i]}`;

describe('wrong enrolment codes', () => {
  it('slows down the address that sends them, not the shop enrolling from another', async () => {
    const { code } = await createShop(headOffice, { name: 'Wé' });
    const guesser = '127.0.0.2';
    for (let i = 0; i < enrolmentThrottle.freeFailures; i++) {
      expect(await enrol(wrongCode(i), guesser)).toMatchObject({
        status: 403,
        body: { error: { code: 'enrolment_refused' } },
      });
    }
    const slowed = await enrol(wrongCode(5), guesser);
    expect(slowed).toMatchObject({
      status: 429,
      retryAfter: '1',
      body: { error: { code: 'rate_limited', params: { retryAfter: 1 } } },
    });
    expect(slowed.body.error?.message).toBe(
      'Too many wrong enrolment codes from this address: try again in 1 s',
    );
    // Even the right code waits while its sender must …
    expect((await enrol(code, guesser)).status).toBe(429);
    // … but the shop itself, from its own address, enrols with it.
    const enrolled = await enrol(code, '127.0.0.3');
    expect(enrolled).toMatchObject({ status: 200, body: { name: 'Wé' } });
  });

  it('lets a right code through once the wait is over, and forgets the count', async () => {
    const { code } = await createShop(headOffice, { name: 'Lifou' });
    const guesser = '127.0.0.4';
    for (let i = 0; i <= enrolmentThrottle.freeFailures; i++) await enrol(wrongCode(i), guesser);
    const slowed = await enrol(code, guesser);
    expect(slowed.status).toBe(429);
    clock += Number(slowed.retryAfter) * 1000;
    expect((await enrol(code, guesser)).status).toBe(200);
    const counts = await headOffice.pool.query(
      `SELECT client FROM staff_sign_in_failures WHERE client LIKE '%127.0.0.4'`,
    );
    expect(counts.rows).toEqual([]);
  });

  it('takes a right code refused for the shop’s zone as right: the corrected shop is not held up', async () => {
    const { code } = await createShop(headOffice, { name: 'Maré' });
    const installer = '127.0.0.6';
    for (let i = 0; i < enrolmentThrottle.freeFailures; i++) await enrol(wrongCode(i), installer);
    clock += enrolmentThrottle.firstDelayMs;
    const mismatch = await enrol(code, installer, { zone: 'Europe/Paris' });
    expect(mismatch).toMatchObject({
      status: 403,
      body: { error: { params: { reason: 'zone_mismatch' } } },
    });
    expect((await enrol(code, installer, { zone: 'Pacific/Noumea' })).status).toBe(200);
  });

  it('counts wrong codes apart from wrong passwords', async () => {
    const guesser = '127.0.0.5';
    for (let i = 0; i < enrolmentThrottle.freeFailures; i++) await enrol(wrongCode(i), guesser);
    expect((await enrol(wrongCode(5), guesser)).status).toBe(429);
    const signIn = await postFrom(
      headOffice.url,
      '/api/staff.login',
      { name: 'Marie Siège', password: 'un mot de passe long' },
      { from: guesser },
    );
    expect(signIn.status).toBe(200);
  });
});
