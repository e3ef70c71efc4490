import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBalanceCheckStore } from '../../../electron/balance/check-store';
import type { Core } from '../../../electron/core';
import { demoShopProfile } from '../../../electron/demo';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { refusal, signedIn } from '../../support/api';
import { demoCardValidUntil } from '../../support/demo-card';
import { withTestHosts } from '../../support/host';
import { withTempDirs } from '../../support/temp';
import { demoProfileInput } from '../../unit/carriers/demo-profile';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();

/** The demo shop's clerk (users are made in order: manager, then clerk). */
const CLERK_ID = 2;

const checksIn = (core: Core) =>
  core.db.prepare('SELECT count(*) FROM balance_checks').pluck().get();

describe('balance checks over the API, on the demo bank', () => {
  it('answers what is left on a card, the carrier’s reply and when it came, and keeps it', async () => {
    const { host, core } = await startTestHost({ demo: true });
    const api = await signedIn(host.url, 'clerk', '1111');
    const reading = await api.call('balance.check', { msisdn: '687 12 34 56' });
    expect(reading).toMatchObject({
      msisdn: '+687123456',
      carrierId: 'nc-demo',
      outcome: 'ok',
      remainingMb: 3277,
      validUntil: demoCardValidUntil().instant,
    });
    expect(reading.text).toMatch(/il vous reste 3,2 Go/);
    expect(Date.parse(reading.receivedAt)).toBeGreaterThanOrEqual(Date.parse(reading.askedAt));
    expect((await api.call('cards.get', { msisdn: '+687123456' })).checks).toEqual([reading]);
    // The carrier's SMS is kept as received, the SIM copy deleted.
    expect(
      core.db
        .prepare("SELECT count(*) FROM sms_messages WHERE sender LIKE '%4012' AND complete = 1")
        .pluck()
        .get(),
    ).toBe(1);
  });

  it('shows a card’s renewals and checks, newest first, its usage, and the plan for the stay', async () => {
    let clock = Date.parse('2026-11-20T00:00:00Z');
    const { host, core } = await startTestHost({ demo: true, now: () => new Date(clock) });
    // Checked ten days ago, with 6 000 MB left.
    const earlier = createBalanceCheckStore(core.db).add({
      msisdn: '+687123456',
      carrierId: 'nc-demo',
      modemId: 'nc-demo-sim-1',
      clerkId: CLERK_ID,
      askedAt: '2026-11-10T00:00:00.000Z',
      outcome: 'ok',
      remainingMb: 6000,
      validUntil: '2026-11-30T12:59:00.000Z',
      text: "Forfait 5Go : il vous reste 5,9 Go valables jusqu'au 30/11/2026 23:59.",
      receivedAt: '2026-11-10T00:00:00.000Z',
    });
    const api = await signedIn(host.url, 'clerk', '1111');
    const now = await api.call('balance.check', { msisdn: '687123456' });
    clock += 60_000;
    const { sale } = await api.call('sales.renew', {
      msisdn: '687123456',
      planId: '1go',
      payment: { method: 'card', reference: 'slip-7' },
      idempotencyKey: 'card-page-renewal-1',
    });

    const card = await api.call('cards.get', { msisdn: '687 12 34 56' });
    expect(card).toMatchObject({
      msisdn: '+687123456',
      carrierId: 'nc-demo',
      currency: 'XPF',
      renewals: [sale],
      checks: [now, earlier],
      recommendation: null,
    });
    // 6 000 - 3 277 MB in ten days.
    expect(card.usage?.mbPerDay).toBeCloseTo(272.3, 1);

    // 25 days more at that rate need about 6 950 MB; about 3 270 + 1 024 are left.
    const stay = await api.call('cards.get', { msisdn: '687123456', departureDate: '2026-12-15' });
    expect(stay.recommendation).toMatchObject({
      kind: 'plan',
      daysLeft: 25,
      plan: { id: '5go', dataMb: 5120, price: { amount: 6000, currency: 'XPF' } },
      coversStay: true,
    });
    const soon = await api.call('cards.get', { msisdn: '687123456', departureDate: '2026-11-22' });
    expect(soon.recommendation).toMatchObject({ kind: 'enough', daysLeft: 2 });
  });

  it('says the carrier does not know a number, with its reply, and keeps it', async () => {
    const { host } = await startTestHost({ demo: true });
    const api = await signedIn(host.url, 'clerk', '1111');
    const error = await refusal(api.call('balance.check', { msisdn: '687111111' }));
    expect(error.code).toBe('carrier_reply');
    expect(error.params).toEqual({
      reason: 'unknown_number',
      text: expect.stringMatching(/^Numéro 687111111 inconnu/),
    });
    const { checks } = await api.call('cards.get', { msisdn: '687111111' });
    expect(checks).toEqual([
      expect.objectContaining({ outcome: 'unknown_number', remainingMb: null }),
    ]);
    // As the browser host answers it: a bad gateway, with the reply.
    const { token } = await createClient(httpTransport({ baseUrl: host.url })).call('auth.login', {
      name: 'clerk',
      pin: '1111',
    });
    const response = await fetch(new URL('/api/balance.check', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ msisdn: '687111111' }),
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      error: { code: 'carrier_reply', params: { reason: 'unknown_number' } },
    });
  });

  it('says when the carrier did not answer in time, and keeps the unanswered check', async () => {
    // The carrier answers after 1.5 s; the profile waits 1 s.
    const dir = tempDir();
    const profile = demoProfileInput();
    profile.balanceQuery.timeoutMs = 1000;
    fs.writeFileSync(path.join(dir, 'nc-demo.json'), JSON.stringify(profile));
    const { host } = await startTestHost({ demo: true, simLatencyMs: 1500, carrierDirs: [dir] });
    const api = await signedIn(host.url, 'clerk', '1111');
    const error = await refusal(api.call('balance.check', { msisdn: '687123456' }));
    expect(error.code).toBe('carrier_timeout');
    const { checks } = await api.call('cards.get', { msisdn: '687123456' });
    expect(checks).toEqual([expect.objectContaining({ outcome: 'timeout', text: null })]);
  });

  it.each([
    ['a foreign number', { msisdn: '+33 6 12 34 56 78' }, 'msisdn', 'foreign_number'],
    ['AT control characters', { msisdn: '687123456"\r\nATD112;' }, 'msisdn', 'invalid_number'],
    ['letters', { msisdn: 'CXLL 687123456' }, 'msisdn', 'invalid_number'],
    ['a carrier the shop does not have', { carrierId: 'other' }, 'carrierId', 'unknown_carrier'],
    ['an unknown field', { pin: '1234' }, '', 'unrecognized_keys'],
  ])('refuses %s, and asks nothing', async (_label, change, path, code) => {
    const { host, core } = await startTestHost({ demo: true });
    const api = await signedIn(host.url, 'clerk', '1111');
    const error = await refusal(
      api.call('balance.check', { msisdn: '687123456', ...change } as never),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]).toMatchObject({ path, code });
    expect(checksIn(core)).toBe(0);
  });

  it.each([
    ['a departure day already past', '2026-11-19', 'departure_passed'],
    ['a departure that is no date', '15/12/2026', 'invalid_format'],
  ])('refuses %s on the card page', async (_label, departureDate, code) => {
    const clock = Date.parse('2026-11-20T00:00:00Z');
    const { host } = await startTestHost({ demo: true, now: () => new Date(clock) });
    const api = await signedIn(host.url, 'clerk', '1111');
    const error = await refusal(api.call('cards.get', { msisdn: '687123456', departureDate }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]).toMatchObject({ path: 'departureDate', code });
  });

  it('needs the shop set up, then a modem of the carrier, and a signed-in user', async () => {
    const { host, core } = await startTestHost();
    const anonymous = createClient(httpTransport({ baseUrl: host.url }));
    const { token } = await anonymous.call('auth.setup', { name: 'owner', pin: '2468' });
    expect((await refusal(anonymous.call('balance.check', { msisdn: '687123456' }))).code).toBe(
      'unauthorized',
    );
    const owner = anonymous;
    owner.setToken(token);
    expect((await refusal(owner.call('balance.check', { msisdn: '687123456' }))).code).toBe(
      'conflict',
    );
    await owner.call('shop.update', demoShopProfile);
    const error = await refusal(owner.call('balance.check', { msisdn: '687123456' }));
    expect(error.code).toBe('no_modem');
    expect(checksIn(core)).toBe(0);
  });
});
